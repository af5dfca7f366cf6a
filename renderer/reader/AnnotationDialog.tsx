import { FormattedMessage } from 'react-intl';
import { useText, type Text } from '../i18n/use-text';
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { AnnotationKind, HighlightColor } from '../../electron/shared/models';
import { Dialog, DialogFormEnd } from '../components/Dialog';
import { DEFAULT_HIGHLIGHT_COLOR, HIGHLIGHT_COLOR_OPTIONS } from './colors';
import { isSaveKey, saveKeyAria, saveKeyLabel } from './highlight-keys';
import { NoteText } from './NoteText';

export interface AnnotationDraft {
  kind: AnnotationKind;
  /** the passage's text; null for a note on the whole article */
  quote: string | null;
  color: HighlightColor | null;
  note: string;
  /** true when changing an existing bookmark or note */
  editing: boolean;
}

interface AnnotationDialogProps {
  draft: AnnotationDraft;
  onSave: (values: { color: HighlightColor | null; note: string }) => Promise<boolean>;
  onCancel: () => void;
}

const QUOTE_PREVIEW_CHARS = 280;

function dialogTitle(draft: AnnotationDraft, text: Text): string {
  return text(draft.editing ? 'annotationDialog.editTitle' : 'annotationDialog.newTitle', { kind: draft.kind });
}

function saveLabel(draft: AnnotationDraft, text: Text): string {
  return draft.editing ? text('annotationDialog.saveChanges') : text('annotationDialog.save', { kind: draft.kind });
}

/**
 * Creates or edits a bookmark or note: a colour for passages, and the note (required for notes),
 * written in Markdown with its preview below. Ctrl+Enter (⌘+Enter) saves from anywhere in it.
 */
export function AnnotationDialog({ draft, onSave, onCancel }: AnnotationDialogProps) {
  const text = useText();
  const [color, setColor] = useState<HighlightColor>(draft.color ?? DEFAULT_HIGHLIGHT_COLOR);
  const [note, setNote] = useState(draft.note);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const colourLegendId = useId();
  const noteId = useId();
  const errorId = useId();
  const hintId = useId();
  const noteRequired = draft.kind === 'note';
  const hasPassage = draft.quote !== null;

  const submit = async (event: FormEvent | KeyboardEvent) => {
    event.preventDefault();
    if (saving) return;
    if (noteRequired && note.trim() === '') {
      setError(text('annotationDialog.noteRequired'));
      noteRef.current?.focus();
      return;
    }
    setSaving(true);
    const saved = await onSave({ color: hasPassage ? color : null, note });
    // On success the dialog is closed by the parent; on failure it stays for another try.
    if (!saved) setSaving(false);
  };

  const quote = draft.quote ?? '';
  return (
    <Dialog title={dialogTitle(draft, text)} onCancel={onCancel} initialFocus={draft.kind === 'note' ? noteRef : undefined}>
      <form
        className="annotation-form"
        onSubmit={(event) => void submit(event)}
        onKeyDown={(event) => {
          if (isSaveKey(event)) void submit(event);
        }}
        noValidate
      >
        {hasPassage && (
          <blockquote className="dialog-quote">
            {quote.length > QUOTE_PREVIEW_CHARS ? text('common.truncated', { text: quote.slice(0, QUOTE_PREVIEW_CHARS) }) : quote}
          </blockquote>
        )}
        {hasPassage && (
          <fieldset className="colour-field" role="radiogroup" aria-labelledby={colourLegendId}>
            <legend id={colourLegendId}>{text('bookmarks.filter.colour')}</legend>
            <div className="colour-options">
              {HIGHLIGHT_COLOR_OPTIONS.map((option) => (
                <label key={option.value} className={`colour-option quire-color-${option.value}`}>
                  <input
                    type="radio"
                    name="colour"
                    value={option.value}
                    checked={color === option.value}
                    onChange={() => setColor(option.value)}
                  />
                  <span className="colour-swatch" aria-hidden="true" />
                  {text(option.label)}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <label htmlFor={noteId} className="field-label">
          <FormattedMessage id="annotationDialog.note" />
        </label>
        <p id={hintId} className="field-hint">
          {text(noteRequired ? 'annotationDialog.hint.required' : 'annotationDialog.hint.optional', { keys: saveKeyLabel() })}
        </p>
        <textarea
          id={noteId}
          ref={noteRef}
          className="note-input"
          dir="auto"
          rows={5}
          value={note}
          required={noteRequired}
          aria-invalid={error ? true : undefined}
          aria-keyshortcuts={saveKeyAria()}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
          onChange={(event) => {
            setNote(event.target.value);
            if (error) setError(null);
          }}
        />
        <section className="note-preview dialog-note-preview" aria-label={text('annotationDialog.preview')}>
          {note.trim() === '' ? <p className="empty-hint">{text('annotationDialog.previewEmpty')}</p> : <NoteText source={note} />}
        </section>
        <DialogFormEnd
          error={error}
          errorId={errorId}
          onCancel={onCancel}
          submitLabel={saving ? text('common.saving') : saveLabel(draft, text)}
          submitDisabled={saving}
        />
      </form>
    </Dialog>
  );
}

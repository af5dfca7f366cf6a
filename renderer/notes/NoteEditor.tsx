import type { MessageId } from '../../electron/shared/i18n/catalogs';
import { useText } from '../i18n/use-text';
import { useId } from 'react';
import { NoteText } from '../reader/NoteText';
import { useAutosave, type SaveState } from './use-autosave';

const STATE_LABEL: Record<SaveState, MessageId> = {
  saved: 'notes.state.saved',
  unsaved: 'notes.state.unsaved',
  saving: 'common.saving',
  failed: 'notes.state.failed',
};

interface NoteEditorProps {
  /** identifies the note: drafts are kept per note */
  draftKey: string;
  label: string;
  /** the preview's name ("Preview of the note on …") */
  previewLabel: string;
  note: string;
  onSave: (text: string) => Promise<boolean>;
}

/** A note in Markdown with its preview beside it, saved as it is typed. */
export function NoteEditor({ draftKey, label, previewLabel, note, onSave }: NoteEditorProps) {
  const { text, setText, flush, state } = useAutosave(draftKey, note, onSave);
  const words = useText();
  const inputId = useId();
  const statusId = useId();
  return (
    <div className="note-editor">
      <div className="note-editor-pane">
        <label htmlFor={inputId} className="field-label">
          {label}
        </label>
        <textarea
          id={inputId}
          className="note-input"
          dir="auto"
          rows={6}
          value={text}
          aria-describedby={statusId}
          onChange={(event) => setText(event.target.value)}
          onBlur={() => void flush()}
        />
        <p id={statusId} className={`save-state save-state-${state}`} aria-live="polite">
          {words(STATE_LABEL[state])}
          <span className="field-hint">{words('notes.markdown')}</span>
        </p>
      </div>
      <section className="note-preview" aria-label={previewLabel}>
        {text.trim() === '' ? <p className="empty-hint">{words('annotationDialog.previewEmpty')}</p> : <NoteText source={text} />}
      </section>
    </div>
  );
}

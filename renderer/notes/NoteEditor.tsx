import { useId } from 'react';
import { NoteText } from '../reader/NoteText';
import { useAutosave, type SaveState } from './use-autosave';

const STATE_LABEL: Record<SaveState, string> = {
  saved: 'Saved',
  unsaved: 'Not saved yet',
  saving: 'Saving…',
  failed: 'Not saved: Quire will try again',
};

interface NoteEditorProps {
  /** identifies the note: drafts are kept per note */
  draftKey: string;
  label: string;
  note: string;
  onSave: (text: string) => Promise<boolean>;
}

/** A note in Markdown with its preview beside it, saved as it is typed. */
export function NoteEditor({ draftKey, label, note, onSave }: NoteEditorProps) {
  const { text, setText, flush, state } = useAutosave(draftKey, note, onSave);
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
          {STATE_LABEL[state]}
          <span className="field-hint"> · Markdown</span>
        </p>
      </div>
      <section className="note-preview" aria-label={`Preview of ${label.toLowerCase()}`}>
        {text.trim() === '' ? <p className="empty-hint">Nothing written yet.</p> : <NoteText source={text} />}
      </section>
    </div>
  );
}

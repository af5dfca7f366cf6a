import { useId, useState, type FormEvent } from 'react';
import { Dialog, DialogFormEnd } from '../components/Dialog';
import { pastedWebAddress } from './use-paste-import';

interface ImportUrlDialogProps {
  onImport: (url: string) => void;
  onCancel: () => void;
}

/** "Import from URL…" (the desktop menu): the address of a web page, PDF or EPUB to download. */
export function ImportUrlDialog({ onImport, onCancel }: ImportUrlDialogProps) {
  const inputId = useId();
  const errorId = useId();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const url = pastedWebAddress(value);
    if (!url) {
      setError('Enter a web address that starts with http:// or https://.');
      return;
    }
    onImport(url);
  };
  return (
    <Dialog title="Import from URL" onCancel={onCancel}>
      <form onSubmit={submit} noValidate>
        <label htmlFor={inputId} className="field-label">
          Web address
        </label>
        <input
          id={inputId}
          className="note-input"
          type="url"
          value={value}
          placeholder="https://"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error !== null || undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => {
            setValue(event.target.value);
            setError(null);
          }}
        />
        <DialogFormEnd error={error} errorId={errorId} onCancel={onCancel} submitLabel="Import" />
      </form>
    </Dialog>
  );
}

import { FormattedMessage } from 'react-intl';
import { useText } from '../i18n/use-text';
import { useId, useState, type FormEvent } from 'react';
import { Dialog, DialogFormEnd } from '../components/Dialog';
import { pastedWebAddress } from './use-paste-import';

interface ImportUrlDialogProps {
  onImport: (url: string) => void;
  onCancel: () => void;
}

/** "Import from URL…" (the desktop menu): the address of a web page, PDF or EPUB to download. */
/** The start of every address the field takes: not a word to translate. */
const URL_PLACEHOLDER = 'https://';

export function ImportUrlDialog({ onImport, onCancel }: ImportUrlDialogProps) {
  const inputId = useId();
  const errorId = useId();
  const [value, setValue] = useState('');
  const text = useText();
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const url = pastedWebAddress(value);
    if (!url) {
      setError(text('importUrl.invalid'));
      return;
    }
    onImport(url);
  };
  return (
    <Dialog title={text('importUrl.title')} onCancel={onCancel}>
      <form onSubmit={submit} noValidate>
        <label htmlFor={inputId} className="field-label">
          <FormattedMessage id="importUrl.field" />
        </label>
        <input
          id={inputId}
          className="note-input"
          type="url"
          value={value}
          placeholder={URL_PLACEHOLDER}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error !== null || undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => {
            setValue(event.target.value);
            setError(null);
          }}
        />
        <DialogFormEnd error={error} errorId={errorId} onCancel={onCancel} submitLabel={text('dialog.import.button')} />
      </form>
    </Dialog>
  );
}

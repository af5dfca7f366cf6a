import { useId, type ChangeEvent } from 'react';
import { IMPORT_ACCEPT } from './use-import';

/**
 * The "Import files" button: a real file input (keyboard and screen readers reach it as usual),
 * visually hidden behind its label, which is styled as a button.
 */
export function ImportControl({ onFiles, busy }: { onFiles: (files: File[]) => void; busy: boolean }) {
  const id = useId();
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    // Clear the input so picking the same file again still fires a change.
    event.target.value = '';
    if (files.length > 0) onFiles(files);
  };
  return (
    <span className="import-control">
      <input
        id={id}
        type="file"
        multiple
        accept={IMPORT_ACCEPT}
        className="visually-hidden file-input"
        onChange={onChange}
        disabled={busy}
      />
      <label htmlFor={id} className="button button-primary" aria-disabled={busy || undefined}>
        Import files
      </label>
    </span>
  );
}

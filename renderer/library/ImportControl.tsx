import { FormattedMessage } from 'react-intl';
import { useId, type ChangeEvent } from 'react';
import type { ImportPickKind } from '../../electron/shared/commands';
import { IMPORT_ACCEPT, relativePath } from './use-import';

/** Not in React's types: the attribute that makes a file input pick a whole folder. */
const FOLDER_PICKER = { webkitdirectory: '' } as Record<string, string>;

/** Hidden files and folders (".git", ".DS_Store") in a picked folder are never imported. */
const isHiddenPath = (file: File): boolean => relativePath(file).split('/').some((part) => part.startsWith('.'));

interface ImportControlProps {
  onFiles: (files: File[]) => void;
  busy: boolean;
  /** the desktop app: the buttons open the native dialog instead (paths, imported as a job) */
  onChoose?: ((kind: ImportPickKind) => void) | undefined;
  /** a file picker is opening: files may come (the desktop app's dialog asks for itself, in main) */
  onPrepare?: (() => void) | undefined;
}

/**
 * "Import files" and "Import folder": real file inputs (keyboard and screen readers reach them as
 * usual), visually hidden behind their labels, which are styled as buttons. In the desktop app,
 * plain buttons that open the system's dialog.
 */
export function ImportControl({ onFiles, busy, onChoose, onPrepare }: ImportControlProps) {
  const id = useId();
  if (onChoose) {
    return (
      <span className="import-control">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => onChoose('files')}>
          <FormattedMessage id="import.files" />
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => onChoose('folder')}>
          <FormattedMessage id="import.folder" />
        </button>
      </span>
    );
  }
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []).filter((file) => !isHiddenPath(file));
    // Clear the input so picking the same file again still fires a change.
    event.target.value = '';
    if (files.length > 0) onFiles(files);
  };
  return (
    <span className="import-control">
      <input
        id={`${id}-files`}
        type="file"
        multiple
        accept={IMPORT_ACCEPT}
        className="visually-hidden file-input"
        onChange={onChange}
        onClick={onPrepare}
        disabled={busy}
      />
      <label htmlFor={`${id}-files`} className="button button-primary" aria-disabled={busy || undefined}>
        <FormattedMessage id="import.files" />
      </label>
      <input
        id={`${id}-folder`}
        type="file"
        {...FOLDER_PICKER}
        className="visually-hidden file-input"
        onChange={onChange}
        onClick={onPrepare}
        disabled={busy}
      />
      <label htmlFor={`${id}-folder`} className="button" aria-disabled={busy || undefined}>
        <FormattedMessage id="import.folder" />
      </label>
    </span>
  );
}

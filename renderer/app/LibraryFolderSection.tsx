/**
 * Preferences' library folder: where the library is, and (in the desktop app) moving it to
 * another folder or opening a library another machine made — a library in a synced folder. Main
 * does the work and restarts Quire on the new folder; this says what happens, and why not.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { LibraryFolderChange, LibraryFolderOutcome } from '../../electron/shared/commands';
import { queryKeys } from '../api/query-keys';
import { useDesktop, type DesktopHost } from './desktop-context';

const PROGRESS: Record<LibraryFolderChange, string> = {
  move: 'Copying the library and checking every file of the copy…',
  open: 'Opening the library…',
};

function outcomeSentence(outcome: LibraryFolderOutcome): string {
  switch (outcome.status) {
    case 'cancelled':
      return '';
    case 'refused':
      return outcome.reason;
    case 'restarting':
      return `Quire restarts on the library in ${outcome.libraryDir}.`;
  }
}

function DesktopLibraryFolder({ desktop }: { desktop: DesktopHost }) {
  const headingId = useId();
  const folder = useQuery({ queryKey: queryKeys.libraryFolder, queryFn: () => desktop.libraryFolder(), staleTime: Infinity });
  const [working, setWorking] = useState<LibraryFolderChange | null>(null);
  const [message, setMessage] = useState('');
  const change = (kind: LibraryFolderChange): void => {
    setWorking(kind);
    setMessage(PROGRESS[kind]);
    void desktop
      .changeLibraryFolder(kind)
      .then((outcome) => {
        setMessage(outcomeSentence(outcome));
        // Restarting: the buttons stay off until the window goes.
        if (outcome.status !== 'restarting') setWorking(null);
      })
      .catch(() => {
        setMessage('Quire could not change the library folder.');
        setWorking(null);
      });
  };
  return (
    <section className="preferences-library" aria-labelledby={headingId}>
      <h3 id={headingId} className="field-label">
        Library folder
      </h3>
      <p className="library-folder-path">{folder.data ?? '…'}</p>
      <p className="field-hint">
        Put the library in a synced folder (Syncthing, Dropbox, Nextcloud…) to read on several machines. Moving copies every
        file, checks the copy, then restarts Quire there; the old folder is kept until you remove it.
      </p>
      <div className="preferences-library-actions">
        <button type="button" className="button" disabled={working !== null} onClick={() => change('move')}>
          Move library…
        </button>
        <button type="button" className="button" disabled={working !== null} onClick={() => change('open')}>
          Open another library…
        </button>
      </div>
      <p role="status" className="field-hint">
        {message}
      </p>
    </section>
  );
}

export function LibraryFolderSection() {
  const desktop = useDesktop();
  if (desktop) return <DesktopLibraryFolder desktop={desktop} />;
  return (
    <section className="preferences-library" aria-label="Library folder">
      <p className="field-hint">
        This page shows the library <code>quire serve</code> was started on. To use another folder, start it with{' '}
        <code>npx quire serve --library FOLDER</code>; the desktop app can move the library from here.
      </p>
    </section>
  );
}

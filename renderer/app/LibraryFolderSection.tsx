/**
 * Preferences' library folder: where the library is, and (in the desktop app) moving it to
 * another folder or opening a library another machine made — a library in a synced folder. Main
 * does the work and restarts Quire on the new folder; this says what happens, and why not.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import type { MessageId } from '../../electron/shared/i18n/catalogs';
import { useText, type Text } from '../i18n/use-text';
import { coreSentenceText } from '../i18n/core-sentence';
import type { LibraryFolderChange, LibraryFolderOutcome } from '../../electron/shared/commands';
import { queryKeys } from '../api/query-keys';
import { useDesktop, type DesktopHost } from './desktop-context';

const PROGRESS: Record<LibraryFolderChange, MessageId> = {
  move: 'libraryFolder.moving',
  open: 'libraryFolder.opening',
};

/** `refused` carries the core's own sentence (why that folder cannot be used). */
function outcomeSentence(outcome: LibraryFolderOutcome, text: Text): string {
  switch (outcome.status) {
    case 'cancelled':
      return '';
    case 'refused':
      return coreSentenceText(text, outcome);
    case 'restarting':
      return text('libraryFolder.restarting', { folder: outcome.libraryDir });
  }
}

/** Shown until main says where the library is: a mark, not a word. */
const NOT_KNOWN_YET = '…';

function DesktopLibraryFolder({ desktop }: { desktop: DesktopHost }) {
  const headingId = useId();
  const text = useText();
  const folder = useQuery({ queryKey: queryKeys.libraryFolder, queryFn: () => desktop.libraryFolder(), staleTime: Infinity });
  const [working, setWorking] = useState<LibraryFolderChange | null>(null);
  const [message, setMessage] = useState('');
  const change = (kind: LibraryFolderChange): void => {
    setWorking(kind);
    setMessage(text(PROGRESS[kind]));
    void desktop
      .changeLibraryFolder(kind)
      .then((outcome) => {
        setMessage(outcomeSentence(outcome, text));
        // Restarting: the buttons stay off until the window goes.
        if (outcome.status !== 'restarting') setWorking(null);
      })
      .catch(() => {
        setMessage(text('libraryFolder.failed'));
        setWorking(null);
      });
  };
  return (
    <section className="preferences-library" aria-labelledby={headingId}>
      <h3 id={headingId} className="field-label">
        <FormattedMessage id="libraryFolder.title" />
      </h3>
      <p className="library-folder-path">{folder.data ?? NOT_KNOWN_YET}</p>
      <p className="field-hint">
        <FormattedMessage id="libraryFolder.hint" />
      </p>
      <div className="preferences-library-actions">
        <button type="button" className="button" disabled={working !== null} onClick={() => change('move')}>
          <FormattedMessage id="libraryFolder.move" />
        </button>
        <button type="button" className="button" disabled={working !== null} onClick={() => change('open')}>
          <FormattedMessage id="libraryFolder.open" />
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
  const text = useText();
  if (desktop) return <DesktopLibraryFolder desktop={desktop} />;
  return (
    <section className="preferences-library" aria-label={text('libraryFolder.title')}>
      <p className="field-hint">
        <FormattedMessage
          id="libraryFolder.browserHint"
          values={{ serve: 'quire serve', command: 'npx quire serve --library FOLDER', code: (chunks) => <code>{chunks}</code> }}
        />
      </p>
    </section>
  );
}

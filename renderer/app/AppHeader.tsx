import type { ImportPickKind } from '../../electron/shared/commands';
import type { SearchHit } from '../../electron/shared/models';
import { ImportControl } from '../library/ImportControl';
import { SearchBox } from '../search/SearchBox';

export type AppSection = 'library' | 'bookmarks' | 'notes' | 'trash';

interface AppHeaderProps {
  /** the section shown, or null in the reader */
  section: AppSection | null;
  onSection: (section: AppSection) => void;
  onOpenHit: (hit: SearchHit) => void;
  onImport: (files: File[]) => void;
  /** the desktop app's native import dialog */
  onChooseImport?: ((kind: ImportPickKind) => void) | undefined;
  importing: boolean;
  /** opens the Preferences dialog (also Ctrl+, and, in the desktop app, the menu) */
  onPreferences: () => void;
}

export function AppHeader({ section, onSection, onOpenHit, onImport, onChooseImport, importing, onPreferences }: AppHeaderProps) {
  return (
    <header className="app-header">
      <p className="brand">
        <span className="brand-mark" aria-hidden="true">
          Q
        </span>
        Quire
      </p>
      <SearchBox onOpenHit={onOpenHit} />
      <nav className="app-nav" aria-label="Sections">
        <button
          type="button"
          className="button button-quiet"
          aria-current={section === 'library' ? 'page' : undefined}
          onClick={() => onSection('library')}
        >
          Library
        </button>
        <button
          type="button"
          className="button button-quiet"
          aria-current={section === 'bookmarks' ? 'page' : undefined}
          onClick={() => onSection('bookmarks')}
        >
          Bookmarks
        </button>
        <button
          type="button"
          className="button button-quiet"
          aria-current={section === 'notes' ? 'page' : undefined}
          onClick={() => onSection('notes')}
        >
          Notes
        </button>
        <button
          type="button"
          className="button button-quiet"
          aria-current={section === 'trash' ? 'page' : undefined}
          onClick={() => onSection('trash')}
        >
          Trash
        </button>
      </nav>
      <button type="button" className="button button-quiet" aria-haspopup="dialog" aria-keyshortcuts="Control+Comma" onClick={onPreferences}>
        Preferences
      </button>
      <ImportControl onFiles={onImport} busy={importing} onChoose={onChooseImport} />
    </header>
  );
}

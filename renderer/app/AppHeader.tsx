import { useRef, type MouseEvent } from 'react';
import type { ImportPickKind } from '../../electron/shared/commands';
import type { SearchHit } from '../../electron/shared/models';
import { FormattedMessage, useIntl } from 'react-intl';
import type { MessageId } from '../../electron/shared/i18n/catalogs';
import { useText } from '../i18n/use-text';
import { ImportControl } from '../library/ImportControl';
import { SearchBox } from '../search/SearchBox';
import { DisclosureButton, DisclosurePanel } from './DisclosureButton';
import { useDisclosure } from './use-disclosure';
import { useCompactHeader } from './use-compact-header';

export type AppSection = 'library' | 'bookmarks' | 'notes' | 'trash';

const SECTIONS = [
  { section: 'library', label: 'nav.library' },
  { section: 'bookmarks', label: 'nav.bookmarks' },
  { section: 'notes', label: 'nav.notes' },
  { section: 'trash', label: 'nav.trash' },
] as const satisfies readonly { section: AppSection; label: MessageId }[];

/** The brand's letter and the menu's glyph: marks, not words (hidden from screen readers). */
const BRAND_MARK = 'Q';
const MENU_GLYPH = '☰';

interface AppHeaderProps {
  /** the section shown, or null in the reader */
  section: AppSection | null;
  onSection: (section: AppSection) => void;
  onOpenHit: (hit: SearchHit) => void;
  onImport: (files: File[]) => void;
  /** the desktop app's native import dialog */
  onChooseImport?: ((kind: ImportPickKind) => void) | undefined;
  /** a file picker is opening (browser mode): the core gets its import host ready */
  onPrepareImport?: (() => void) | undefined;
  importing: boolean;
  /** opens the Preferences dialog (also Ctrl+, and, in the desktop app, the menu) */
  onPreferences: () => void;
}

/**
 * Brand, search, sections, Preferences and import. The sections and actions are rendered once: a
 * row when they fit beside the brand and the search box, and behind the Menu button (a disclosure)
 * when not (measured in the interface language: use-compact-header.ts); the header's
 * `data-compact` switches the CSS (app.css), so no control exists twice.
 */
export function AppHeader({ section, onSection, onOpenHit, onImport, onChooseImport, onPrepareImport, importing, onPreferences }: AppHeaderProps) {
  const text = useText();
  const { locale } = useIntl();
  const header = useRef<HTMLElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const menuPanel = useRef<HTMLDivElement>(null);
  const menu = useDisclosure(menuButton, menuPanel);
  useCompactHeader(header, menuPanel, `${locale} ${importing}`);
  // A choice in the open menu closes it; the file inputs' labels open their pickers first.
  const closeAfterChoice = (event: MouseEvent<HTMLElement>) => {
    if (menu.open && event.target instanceof Element && event.target.closest('button, label')) menu.close();
  };
  return (
    <header className="app-header" ref={header}>
      <p className="brand">
        <span className="brand-mark" aria-hidden="true">
          {BRAND_MARK}
        </span>
        <span className="brand-name">
          <FormattedMessage id="app.name" />
        </span>
      </p>
      <SearchBox onOpenHit={onOpenHit} onBackToLibrary={() => onSection('library')} />
      <DisclosureButton disclosure={menu} buttonRef={menuButton} className="button header-menu-button">
        <span aria-hidden="true" className="menu-glyph">
          {MENU_GLYPH}
        </span>
        <FormattedMessage id="nav.menu" />
      </DisclosureButton>
      <DisclosurePanel disclosure={menu} panelRef={menuPanel} className="header-menu" onClick={closeAfterChoice}>
        <nav className="app-nav" aria-label={text('nav.sections')}>
          {SECTIONS.map(({ section: name, label }) => (
            <button
              key={name}
              type="button"
              className="button button-quiet"
              aria-current={section === name ? 'page' : undefined}
              onClick={() => onSection(name)}
            >
              {text(label)}
            </button>
          ))}
        </nav>
        <button type="button" className="button button-quiet" aria-haspopup="dialog" aria-keyshortcuts="Control+Comma" onClick={onPreferences}>
          <FormattedMessage id="nav.preferences" />
        </button>
        <ImportControl onFiles={onImport} busy={importing} onChoose={onChooseImport} onPrepare={onPrepareImport} />
      </DisclosurePanel>
    </header>
  );
}

import { FormattedMessage } from 'react-intl';
import { useText } from '../i18n/use-text';
import { useCallback, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { MAX_FONT_SIZE, MIN_FONT_SIZE, useSettings } from '../app/settings-context';
import { FontSelect, ThemeSelect } from '../app/SettingSelects';
import { DisclosureButton, DisclosurePanel } from '../app/DisclosureButton';
import { useDisclosure } from '../app/use-disclosure';
import { TextLayoutControls } from './TextLayoutControls';
import type { ReaderChrome } from './use-reader-chrome';
import { useChromePeek } from './use-reader-shortcuts';

/** Marks, not words (hidden from screen readers); the back arrow turns with the interface (.glyph-pointing). */
export const BACK_GLYPH = '← ';
const TEXT_SETTINGS_GLYPH = 'Aa ';
const SIZE_GLYPH = 'A';

/**
 * A button's words, shortened in a phone-width reader (reader.css): the full words stay its
 * accessible name, the short ones (shown instead) are hidden from screen readers.
 */
function ShortLabel({ full, short }: { full: string; short: string }) {
  return (
    <>
      <span className="label-full">{full}</span>
      <span className="label-short" aria-hidden="true">
        {short}
      </span>
    </>
  );
}

interface ReaderToolbarProps {
  /** "Back to library", "Back to bookmarks"…: where the article was opened from */
  backLabel: string;
  onBack: () => void;
  onBookmarkSelection: () => void;
  /** font changes reflow the text: the reader keeps its place through them */
  onBeforeReflow: () => void;
  chrome: ReaderChrome;
  /** the drawer's button (focus comes back to it when the drawer closes) */
  drawerButton: RefObject<HTMLButtonElement | null>;
  /** bookmarks and notes on this article, shown on the drawer's button */
  annotationCount: number;
  /** read aloud, where the system has a speech engine */
  listen: { active: boolean; onToggle: () => void } | null;
  /** a PDF's switch between its pages and its text */
  viewSwitch?: ReactNode;
}

/**
 * Back, bookmark, the bookmarks drawer, and Listen, focus mode and the reading settings. In a narrow reader
 * (a container query in reader.css) the settings fold behind "Text settings".
 */
export function ReaderToolbar({ backLabel, onBack, onBookmarkSelection, onBeforeReflow, chrome, drawerButton, annotationCount, listen, viewSwitch }: ReaderToolbarProps) {
  const { settings, updateSettings } = useSettings();
  const text = useText();
  const countAfterLabel = ` ${text('common.countInParentheses', { count: annotationCount })}`;
  const themeId = useId();
  const fontId = useId();
  const foldButton = useRef<HTMLButtonElement>(null);
  const foldPanel = useRef<HTMLDivElement>(null);
  const fold = useDisclosure(foldButton, foldPanel);
  const toolbar = useRef<HTMLDivElement>(null);
  const [peek, setPeek] = useState(false);
  const { focusMode, toggleFocusMode, drawerMode, drawer } = chrome;
  useChromePeek(focusMode, toolbar, useCallback((next: boolean) => setPeek(next), []));
  const setFontSize = (size: number) => {
    onBeforeReflow();
    updateSettings({ fontSize: Math.max(MIN_FONT_SIZE, Math.min(MAX_FONT_SIZE, size)) });
  };
  return (
    <div className="reader-toolbar" ref={toolbar} data-focus-mode={focusMode || undefined} data-peek={(focusMode && peek) || undefined}>
      <button type="button" className="button" onClick={onBack} aria-keyshortcuts="Escape Alt+ArrowLeft" title={text('reader.back.title', { label: backLabel })}>
        <span aria-hidden="true" className="glyph-pointing">{BACK_GLYPH}</span>
        <ShortLabel full={backLabel} short={text('reader.back.short')} />
      </button>
      <div className="reader-toolbar-group">
        {viewSwitch}
        <button type="button" className="button" onClick={onBookmarkSelection}>
          <ShortLabel full={text('reader.bookmarkSelection')} short={text('reader.bookmarkSelection.short')} />
        </button>

        {drawerMode && (
          <DisclosureButton disclosure={drawer} buttonRef={drawerButton} className="button">
            <ShortLabel full={text('panel.title')} short={text('reader.notes.short')} />
            {countAfterLabel}
          </DisclosureButton>
        )}
      </div>
      <DisclosureButton disclosure={fold} buttonRef={foldButton} className="button reader-settings-button">
        <span aria-hidden="true">{TEXT_SETTINGS_GLYPH}</span>
        <span className="label-full">
          <FormattedMessage id="reader.textSettings" />
        </span>
      </DisclosureButton>
      <DisclosurePanel disclosure={fold} panelRef={foldPanel} className="reader-toolbar-group reader-settings">
        {/* With the reading settings: a phone-width toolbar keeps to one row (L works anywhere). */}
        {listen && (
          <button type="button" className="button" aria-pressed={listen.active} aria-keyshortcuts="L" title={text('reader.listen.title')} onClick={listen.onToggle}>
            <FormattedMessage id="reader.listen" />
          </button>
        )}
        <button type="button" className="button" aria-pressed={focusMode} aria-keyshortcuts="F" title={text('reader.focusMode.title')} onClick={toggleFocusMode}>
          <FormattedMessage id="preferences.focusMode" />
        </button>
        <button
          type="button"
          className="button button-icon"
          aria-label={text('reader.smallerText')}
          title={text('reader.smallerText')}
          disabled={settings.fontSize <= MIN_FONT_SIZE}
          onClick={() => setFontSize(settings.fontSize - 1)}
        >
          <span aria-hidden="true" className="glyph-small">
            {SIZE_GLYPH}
          </span>
        </button>
        <button
          type="button"
          className="button button-icon"
          aria-label={text('reader.largerText')}
          title={text('reader.largerText')}
          disabled={settings.fontSize >= MAX_FONT_SIZE}
          onClick={() => setFontSize(settings.fontSize + 1)}
        >
          <span aria-hidden="true" className="glyph-large">
            {SIZE_GLYPH}
          </span>
        </button>
        <span className="reader-setting">
          <label htmlFor={themeId} className="select-label">
            <FormattedMessage id="preferences.theme" />
          </label>
          <ThemeSelect id={themeId} />
        </span>
        <span className="reader-setting">
          <label htmlFor={fontId} className="select-label">
            <FormattedMessage id="preferences.font" />
          </label>
          <FontSelect id={fontId} onBeforeChange={onBeforeReflow} />
        </span>
        <TextLayoutControls onBeforeReflow={onBeforeReflow} />
      </DisclosurePanel>
    </div>
  );
}

import { useId } from 'react';
import type { FontFamily, Theme } from '../../electron/shared/models';
import { MAX_FONT_SIZE, MIN_FONT_SIZE, useSettings } from '../app/settings-context';
import { TextLayoutControls } from './TextLayoutControls';

const THEMES = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'sepia', label: 'Sepia' },
] as const satisfies readonly { value: Theme; label: string }[];

const FONTS = [
  { value: 'serif', label: 'Serif' },
  { value: 'sans', label: 'Sans' },
  { value: 'dyslexic', label: 'Dyslexia-friendly' },
] as const satisfies readonly { value: FontFamily; label: string }[];

interface ReaderToolbarProps {
  onBack: () => void;
  onBookmarkSelection: () => void;
  /** font changes reflow the text: the reader keeps its place through them */
  onBeforeReflow: () => void;
}

export function ReaderToolbar({ onBack, onBookmarkSelection, onBeforeReflow }: ReaderToolbarProps) {
  const { settings, updateSettings } = useSettings();
  const themeId = useId();
  const fontId = useId();
  const setFontSize = (size: number) => {
    onBeforeReflow();
    updateSettings({ fontSize: Math.max(MIN_FONT_SIZE, Math.min(MAX_FONT_SIZE, size)) });
  };
  return (
    <div className="reader-toolbar">
      <button type="button" className="button" onClick={onBack}>
        <span aria-hidden="true">← </span>Back to library
      </button>
      <div className="reader-toolbar-group">
        <button type="button" className="button" onClick={onBookmarkSelection}>
          Bookmark selection
        </button>
      </div>
      <div className="reader-toolbar-group reader-settings">
        <button
          type="button"
          className="button button-icon"
          aria-label="Smaller text"
          title="Smaller text"
          disabled={settings.fontSize <= MIN_FONT_SIZE}
          onClick={() => setFontSize(settings.fontSize - 1)}
        >
          <span aria-hidden="true" className="glyph-small">A</span>
        </button>
        <button
          type="button"
          className="button button-icon"
          aria-label="Larger text"
          title="Larger text"
          disabled={settings.fontSize >= MAX_FONT_SIZE}
          onClick={() => setFontSize(settings.fontSize + 1)}
        >
          <span aria-hidden="true" className="glyph-large">A</span>
        </button>
        <label htmlFor={themeId} className="select-label">
          Theme
        </label>
        <select
          id={themeId}
          className="select"
          value={settings.theme}
          onChange={(event) => updateSettings({ theme: event.target.value as Theme })}
        >
          {THEMES.map((theme) => (
            <option key={theme.value} value={theme.value}>
              {theme.label}
            </option>
          ))}
        </select>
        <label htmlFor={fontId} className="select-label">
          Font
        </label>
        <select
          id={fontId}
          className="select"
          value={settings.fontFamily}
          onChange={(event) => {
            onBeforeReflow();
            updateSettings({ fontFamily: event.target.value as FontFamily });
          }}
        >
          {FONTS.map((font) => (
            <option key={font.value} value={font.value}>
              {font.label}
            </option>
          ))}
        </select>
        <TextLayoutControls onBeforeReflow={onBeforeReflow} />
      </div>
    </div>
  );
}

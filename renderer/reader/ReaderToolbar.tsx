import { useId } from 'react';
import { MAX_FONT_SIZE, MIN_FONT_SIZE, useSettings } from '../app/settings-context';
import { FontSelect, ThemeSelect } from '../app/SettingSelects';
import { TextLayoutControls } from './TextLayoutControls';

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
        <ThemeSelect id={themeId} />
        <label htmlFor={fontId} className="select-label">
          Font
        </label>
        <FontSelect id={fontId} onBeforeChange={onBeforeReflow} />
        <TextLayoutControls onBeforeReflow={onBeforeReflow} />
      </div>
    </div>
  );
}

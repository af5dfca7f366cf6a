/** The theme and font pickers, shared by the reader toolbar and Preferences. */
import type { FontFamily, Theme } from '../../electron/shared/models';
import { useSettings } from './settings-context';

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

export function ThemeSelect({ id }: { id: string }) {
  const { settings, updateSettings } = useSettings();
  return (
    <select id={id} className="select" value={settings.theme} onChange={(event) => updateSettings({ theme: event.target.value as Theme })}>
      {THEMES.map((theme) => (
        <option key={theme.value} value={theme.value}>
          {theme.label}
        </option>
      ))}
    </select>
  );
}

/** `onBeforeChange`: a font change reflows the text, so the reader keeps its place first. */
export function FontSelect({ id, onBeforeChange }: { id: string; onBeforeChange?: () => void }) {
  const { settings, updateSettings } = useSettings();
  return (
    <select
      id={id}
      className="select"
      value={settings.fontFamily}
      onChange={(event) => {
        onBeforeChange?.();
        updateSettings({ fontFamily: event.target.value as FontFamily });
      }}
    >
      {FONTS.map((font) => (
        <option key={font.value} value={font.value}>
          {font.label}
        </option>
      ))}
    </select>
  );
}

/** The language, theme and font pickers, shared by the reader toolbar and Preferences. */
import { useIntl } from 'react-intl';
import { INTERFACE_LOCALES, LOCALE_NATIVE_NAMES, type LanguageChoice } from '../../electron/shared/i18n/locales';
import { FONT_FAMILIES, THEMES, type FontFamily, type Theme } from '../../electron/shared/models';
import { useSettings } from './settings-context';

const THEME_LABELS = {
  system: 'settings.theme.system',
  light: 'settings.theme.light',
  dark: 'settings.theme.dark',
  sepia: 'settings.theme.sepia',
} as const satisfies Record<Theme, string>;

const FONT_LABELS = {
  serif: 'settings.font.serif',
  sans: 'settings.font.sans',
  dyslexic: 'settings.font.dyslexic',
} as const satisfies Record<FontFamily, string>;

export function ThemeSelect({ id }: { id: string }) {
  const { settings, updateSettings } = useSettings();
  const intl = useIntl();
  return (
    <select id={id} className="select" value={settings.theme} onChange={(event) => updateSettings({ theme: event.target.value as Theme })}>
      {THEMES.map((theme) => (
        <option key={theme} value={theme}>
          {intl.formatMessage({ id: THEME_LABELS[theme] })}
        </option>
      ))}
    </select>
  );
}

/** `onBeforeChange`: a font change reflows the text, so the reader keeps its place first. */
export function FontSelect({ id, onBeforeChange }: { id: string; onBeforeChange?: () => void }) {
  const { settings, updateSettings } = useSettings();
  const intl = useIntl();
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
      {FONT_FAMILIES.map((font) => (
        <option key={font} value={font}>
          {intl.formatMessage({ id: FONT_LABELS[font] })}
        </option>
      ))}
    </select>
  );
}

/**
 * The interface language: "System default" (in the current language), then each language named
 * in itself and marked with its own `lang`, so a screen reader says it in that language's voice.
 */
export function LanguageSelect({ id }: { id: string }) {
  const { settings, updateSettings } = useSettings();
  const intl = useIntl();
  return (
    <select
      id={id}
      className="select"
      value={settings.language}
      onChange={(event) => updateSettings({ language: event.target.value as LanguageChoice })}
    >
      <option value="system">{intl.formatMessage({ id: 'settings.language.system' })}</option>
      {INTERFACE_LOCALES.map((locale) => (
        <option key={locale} value={locale} lang={locale}>
          {LOCALE_NATIVE_NAMES[locale]}
        </option>
      ))}
    </select>
  );
}

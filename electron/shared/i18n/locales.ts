/**
 * The interface languages Quire ships, written once for every side: the settings schema, the
 * Preferences select, the renderer's IntlProvider and the main process's menus all read this list.
 * Pure values, no i18n library: the renderer formats with react-intl, main with @formatjs/intl.
 */

/** BCP 47 tags of the shipped catalogs (`messages/<tag>.json`); English is the source. */
export const INTERFACE_LOCALES = ['en', 'ar', 'de', 'es', 'fr', 'ja', 'zh-CN'] as const;
export type InterfaceLocale = (typeof INTERFACE_LOCALES)[number];

export const SOURCE_LOCALE: InterfaceLocale = 'en';

/** The `language` setting: a shipped locale, or `system` (follow the operating system). */
export const LANGUAGE_CHOICES = ['system', ...INTERFACE_LOCALES] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

/** Each language named in itself, as a reader looks for it in a list. */
export const LOCALE_NATIVE_NAMES: Readonly<Record<InterfaceLocale, string>> = {
  en: 'English',
  ar: 'العربية',
  de: 'Deutsch',
  es: 'Español',
  fr: 'Français',
  ja: '日本語',
  'zh-CN': '简体中文',
};

/** Languages of the shipped catalogs that are written right to left. */
const RIGHT_TO_LEFT: ReadonlySet<InterfaceLocale> = new Set(['ar']);

export const localeDirection = (locale: InterfaceLocale): 'rtl' | 'ltr' => (RIGHT_TO_LEFT.has(locale) ? 'rtl' : 'ltr');

/**
 * The first shipped locale that fits one of `preferred` (the system's languages, best first):
 * an exact tag, else the same language (`fr-CA` → `fr`; any `zh` → `zh-CN`, the one Chinese
 * shipped), else English.
 */
export function matchInterfaceLocale(preferred: readonly string[]): InterfaceLocale {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    const exact = INTERFACE_LOCALES.find((locale) => locale.toLowerCase() === lower);
    if (exact) return exact;
    const language = lower.split(/[-_]/)[0];
    const sameLanguage = INTERFACE_LOCALES.find((locale) => locale.toLowerCase().split('-')[0] === language);
    if (sameLanguage) return sameLanguage;
  }
  return SOURCE_LOCALE;
}

/** The locale to show: the chosen one, or the system's best match when the choice is `system`. */
export const resolveInterfaceLocale = (choice: LanguageChoice, systemLanguages: readonly string[]): InterfaceLocale =>
  choice === 'system' ? matchInterfaceLocale(systemLanguages) : choice;

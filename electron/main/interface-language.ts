/**
 * The main process's own words (menus, the context menu, dialogs) in the interface language: the
 * same catalogs and the same choice as the page, formatted with @formatjs/intl. The choice is the
 * `language` setting; `system` follows the operating system's preferred languages. Changing the
 * setting rebuilds what main shows (the application menu) without a restart.
 */
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import type { KeyValueStore } from '../core/settings/key-value-store';
import { CATALOGS, type MessageId } from '../shared/i18n/catalogs';
import { isKnownSentence } from '../shared/i18n/core-sentences';
import {
  LANGUAGE_CHOICES,
  SOURCE_LOCALE,
  resolveInterfaceLocale,
  type InterfaceLocale,
  type LanguageChoice,
} from '../shared/i18n/locales';
import { isQuireError } from '../shared/result';

const cache = createIntlCache();

export function createMainIntl(locale: InterfaceLocale): IntlShape {
  return createIntl(
    {
      locale,
      defaultLocale: SOURCE_LOCALE,
      messages: CATALOGS[locale],
      // A message missing from a catalog is a test failure, not a log line at run time.
      onError: () => {},
    },
    cache,
  );
}

let current = createMainIntl(SOURCE_LOCALE);

/** The formatter for main's words right now (English until the setting is read). */
export const mainIntl = (): IntlShape => current;

const isLanguageChoice = (value: unknown): value is LanguageChoice =>
  typeof value === 'string' && (LANGUAGE_CHOICES as readonly string[]).includes(value);

/** Sets main's language from the stored choice (anything unreadable counts as `system`). */
export function applyLanguageChoice(stored: unknown, systemLanguages: readonly string[]): InterfaceLocale {
  const locale = resolveInterfaceLocale(isLanguageChoice(stored) ? stored : 'system', systemLanguages);
  if (current.locale !== locale) current = createMainIntl(locale);
  return locale;
}

/**
 * The settings store, watched: a write of `language` (from Preferences, through the core) sets
 * main's language and calls `onChange`, so the menu is rebuilt in the new language at once.
 */
export function followLanguageSetting(
  store: KeyValueStore,
  systemLanguages: () => readonly string[],
  onChange: () => void,
): KeyValueStore {
  applyLanguageChoice(store.get('language'), systemLanguages());
  return {
    get: (key) => store.get(key),
    set: (key, value) => {
      store.set(key, value);
      if (key !== 'language') return;
      const before = current.locale;
      applyLanguageChoice(value, systemLanguages());
      if (current.locale !== before) onChange();
    },
    brokenCopy: store.brokenCopy ?? null,
  };
}

/** One of main's sentences in the interface language, by catalog id. */
export const mainText = (id: MessageId, values?: Record<string, string | number>): string => current.formatMessage({ id }, values);

/**
 * What an error says, in the interface language when the core gave it as a catalog sentence
 * (a library written by a newer Quire); else its message as written.
 */
export function errorText(error: unknown): string {
  if (isQuireError(error) && isKnownSentence(error.sentence)) return mainText(error.sentence.id, error.sentence.values);
  return error instanceof Error ? error.message : String(error);
}

/**
 * The message catalogs as the page gets them: English (the source, and every formatter's
 * fallback) in the page's own script, each other language as a file of its own, loaded when it
 * is first shown. Six catalogs the reader does not read were a third of the script the page
 * parses before it can ask for the library (docs/architecture.md, "The page's first script"). The
 * main process keeps every catalog at hand (catalogs.ts): its menus and dialogs are built at once.
 */
import en from '../../electron/shared/i18n/messages/en.json';
import type { Catalog } from '../../electron/shared/i18n/catalogs';
import type { InterfaceLocale } from '../../electron/shared/i18n/locales';

/** Each language's catalog file; the record's type makes a locale without one a type error. */
const LOADERS: Readonly<Record<Exclude<InterfaceLocale, 'en'>, () => Promise<{ default: Catalog }>>> = {
  ar: () => import('../../electron/shared/i18n/messages/ar.json'),
  de: () => import('../../electron/shared/i18n/messages/de.json'),
  es: () => import('../../electron/shared/i18n/messages/es.json'),
  fr: () => import('../../electron/shared/i18n/messages/fr.json'),
  ja: () => import('../../electron/shared/i18n/messages/ja.json'),
  'zh-CN': () => import('../../electron/shared/i18n/messages/zh-CN.json'),
};

const loaded = new Map<InterfaceLocale, Catalog>([['en', en]]);
const loading = new Map<InterfaceLocale, Promise<Catalog>>();

/** The catalog of `locale` when it is already in the page (English always is). */
export const catalogInPage = (locale: InterfaceLocale): Catalog | undefined => loaded.get(locale);

/**
 * The catalog of `locale`, loaded once. A catalog that cannot be loaded (an install missing a
 * file) rejects; the caller keeps the language it shows.
 */
export function loadCatalog(locale: InterfaceLocale): Promise<Catalog> {
  if (locale === 'en') return Promise.resolve(en);
  const present = loaded.get(locale);
  if (present) return Promise.resolve(present);
  let pending = loading.get(locale);
  if (!pending) {
    pending = LOADERS[locale]().then(
      (module) => {
        loaded.set(locale, module.default);
        return module.default;
      },
      (error: unknown) => {
        loading.delete(locale); // tried again at the next choice
        throw error;
      },
    );
    loading.set(locale, pending);
  }
  return pending;
}

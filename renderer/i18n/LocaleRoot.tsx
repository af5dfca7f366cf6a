/**
 * The interface language of the page, at the root of the tree: react-intl's IntlProvider with the
 * chosen catalog, and the one place that sets the root element's `lang` and `dir` (right-to-left
 * styles key on `document.documentElement.dir`). The choice comes from the `language` setting
 * (SettingsProvider hands it up through `useFollowLanguageChoice`); `system` follows
 * `navigator.languages`, live. Articles keep their own `lang`/`dir` (reader/text-direction.ts).
 *
 * A language other than English is loaded when it is first chosen (page-catalogs.ts): until its
 * catalog is in the page, the language shown before stays, text and direction together, so no
 * frame mixes the two. main.tsx loads the system's language before the first render.
 */
import { createContext, useContext, useEffect, useLayoutEffect, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import type { Catalog } from '../../electron/shared/i18n/catalogs';
import { SOURCE_LOCALE, localeDirection, resolveInterfaceLocale, type InterfaceLocale, type LanguageChoice } from '../../electron/shared/i18n/locales';
import { catalogInPage, loadCatalog } from './page-catalogs';

const ChoiceContext = createContext<((choice: LanguageChoice) => void) | null>(null);

const systemLanguages = (): readonly string[] => navigator.languages ?? [navigator.language];

function useSystemLanguages(): readonly string[] {
  const [languages, setLanguages] = useState(systemLanguages);
  useEffect(() => {
    const follow = () => setLanguages(systemLanguages());
    window.addEventListener('languagechange', follow);
    return () => window.removeEventListener('languagechange', follow);
  }, []);
  return languages;
}

interface ShownCatalog {
  locale: InterfaceLocale;
  messages: Catalog;
}

/** The catalog the page has for `wanted`, or English while it has not. */
const shownAtFirst = (wanted: InterfaceLocale): ShownCatalog => {
  const messages = catalogInPage(wanted);
  return messages ? { locale: wanted, messages } : { locale: SOURCE_LOCALE, messages: catalogInPage(SOURCE_LOCALE)! };
};

export function LocaleRoot({ children }: { children: ReactNode }) {
  const [choice, setChoice] = useState<LanguageChoice>('system');
  const wanted = resolveInterfaceLocale(choice, useSystemLanguages());
  const [shown, setShown] = useState(() => shownAtFirst(wanted));
  useEffect(() => {
    if (shown.locale === wanted) return;
    let current = true;
    loadCatalog(wanted).then(
      (messages) => {
        if (current) setShown({ locale: wanted, messages });
      },
      (error: unknown) => console.error(`[quire] The ${wanted} interface catalog could not be loaded; the interface stays in ${shown.locale}.`, error),
    );
    return () => {
      current = false;
    };
  }, [wanted, shown.locale]);
  const { locale, messages } = shown;
  // Before paint, so a right-to-left interface never shows a frame mirrored the wrong way.
  useLayoutEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = localeDirection(locale);
  }, [locale]);
  return (
    <ChoiceContext.Provider value={setChoice}>
      <IntlProvider locale={locale} defaultLocale={SOURCE_LOCALE} messages={messages} onError={reportIntlError}>
        {children}
      </IntlProvider>
    </ChoiceContext.Provider>
  );
}

/** A catalog that fails to format is a bug the catalog tests catch; at run time it is only logged. */
function reportIntlError(error: Error): void {
  console.error(`[quire] ${error.message}`);
}

/** Loads the catalog the page will speak at first (the system's language), before the first render. */
export const loadFirstCatalog = (): Promise<unknown> => loadCatalog(resolveInterfaceLocale('system', systemLanguages())).catch(() => undefined);

/** Makes the page speak `choice` (called by the settings with the stored `language`). */
export function useFollowLanguageChoice(choice: LanguageChoice): void {
  const setChoice = useContext(ChoiceContext);
  if (!setChoice) throw new Error('The language setting needs a <LocaleRoot> above it.');
  useEffect(() => setChoice(choice), [setChoice, choice]);
}

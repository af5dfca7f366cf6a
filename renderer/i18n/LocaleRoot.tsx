/**
 * The interface language of the page, at the root of the tree: react-intl's IntlProvider with the
 * chosen catalog, and the one place that sets the root element's `lang` and `dir` (right-to-left
 * styles key on `document.documentElement.dir`). The choice comes from the `language` setting
 * (SettingsProvider hands it up through `useFollowLanguageChoice`); `system` follows
 * `navigator.languages`, live. Articles keep their own `lang`/`dir` (reader/text-direction.ts).
 */
import { createContext, useContext, useEffect, useLayoutEffect, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { CATALOGS } from '../../electron/shared/i18n/catalogs';
import { SOURCE_LOCALE, localeDirection, resolveInterfaceLocale, type LanguageChoice } from '../../electron/shared/i18n/locales';

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

export function LocaleRoot({ children }: { children: ReactNode }) {
  const [choice, setChoice] = useState<LanguageChoice>('system');
  const locale = resolveInterfaceLocale(choice, useSystemLanguages());
  // Before paint, so a right-to-left interface never shows a frame mirrored the wrong way.
  useLayoutEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = localeDirection(locale);
  }, [locale]);
  return (
    <ChoiceContext.Provider value={setChoice}>
      <IntlProvider locale={locale} defaultLocale={SOURCE_LOCALE} messages={CATALOGS[locale]} onError={reportIntlError}>
        {children}
      </IntlProvider>
    </ChoiceContext.Provider>
  );
}

/** A catalog that fails to format is a bug the catalog tests catch; at run time it is only logged. */
function reportIntlError(error: Error): void {
  console.error(`[quire] ${error.message}`);
}

/** Makes the page speak `choice` (called by the settings with the stored `language`). */
export function useFollowLanguageChoice(choice: LanguageChoice): void {
  const setChoice = useContext(ChoiceContext);
  if (!setChoice) throw new Error('The language setting needs a <LocaleRoot> above it.');
  useEffect(() => setChoice(choice), [setChoice, choice]);
}

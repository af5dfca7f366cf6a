/**
 * The page loads a language's catalog when it is first shown (renderer/i18n/page-catalogs.ts):
 * each language's file must hold that language, and until it is in the page the language shown
 * before stays, its words and its direction together.
 */
import { act, render, screen } from '@testing-library/react';
import { FormattedMessage } from 'react-intl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CATALOGS } from '../../../../electron/shared/i18n/catalogs';
import { INTERFACE_LOCALES, type InterfaceLocale, type LanguageChoice } from '../../../../electron/shared/i18n/locales';
import { LocaleRoot, useFollowLanguageChoice } from '../../../../renderer/i18n/LocaleRoot';
import * as pageCatalogs from '../../../../renderer/i18n/page-catalogs';

afterEach(() => vi.restoreAllMocks());

describe("the page's catalogs", () => {
  it.each(INTERFACE_LOCALES)('loads %s from its own file, with that language in it', async (locale) => {
    const catalog = await pageCatalogs.loadCatalog(locale);
    expect(catalog).toEqual(CATALOGS[locale]);
    expect(pageCatalogs.catalogInPage(locale)).toBe(catalog);
  });
});

/** A page that speaks `choice` (as the settings make it) and shows one message. */
function Page({ choice }: { choice: LanguageChoice }) {
  useFollowLanguageChoice(choice);
  return (
    <p>
      <FormattedMessage id="nav.library" />
    </p>
  );
}

/** `loadCatalog` held until the test lets it answer. */
function holdCatalogLoads() {
  const pending: { locale: InterfaceLocale; answer: () => void; fail: () => void }[] = [];
  vi.spyOn(pageCatalogs, 'loadCatalog').mockImplementation(
    (locale) =>
      new Promise((resolve, reject) => {
        pending.push({ locale, answer: () => resolve(CATALOGS[locale]), fail: () => reject(new Error('missing file')) });
      }),
  );
  return pending;
}

const shown = () => ({ text: screen.getByRole('paragraph').textContent, lang: document.documentElement.lang, dir: document.documentElement.dir });

describe('choosing a language the page has not loaded', () => {
  it('keeps the language shown, words and direction, until the new catalog is in; then both change', async () => {
    const pending = holdCatalogLoads();
    // jsdom's navigator speaks English: the page starts in English, which is always in the page.
    const { rerender } = render(<Page choice="system" />, { wrapper: LocaleRoot });
    expect(shown()).toEqual({ text: CATALOGS.en['nav.library'], lang: 'en', dir: 'ltr' });
    rerender(<Page choice="ar" />);
    expect(pending.map((p) => p.locale)).toContain('ar');
    expect(shown()).toEqual({ text: CATALOGS.en['nav.library'], lang: 'en', dir: 'ltr' });
    await act(async () => pending.find((p) => p.locale === 'ar')!.answer());
    expect(shown()).toEqual({ text: CATALOGS.ar['nav.library'], lang: 'ar', dir: 'rtl' });
  });

  it('stays in the language shown when the catalog cannot be loaded, and says so in the console', async () => {
    const pending = holdCatalogLoads();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { rerender } = render(<Page choice="en" />, { wrapper: LocaleRoot });
    rerender(<Page choice="ja" />);
    await act(async () => pending.find((p) => p.locale === 'ja')!.fail());
    expect(shown()).toEqual({ text: CATALOGS.en['nav.library'], lang: 'en', dir: 'ltr' });
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('The ja interface catalog could not be loaded'), expect.any(Error));
  });
});

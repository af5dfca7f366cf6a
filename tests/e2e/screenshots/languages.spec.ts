/**
 * The main screens in the interface's own words: Arabic (right to left), German (the longest
 * words) and Japanese, at a phone's and a laptop's width, named
 * `lang-<locale>-<screen>-<width>-<theme>.png` in docs/screenshots/, for a person to look at. (The `rtl-*` screenshots mirror the layout with
 * English words, so that the every-screen walk, which names controls in English, can run right to
 * left; these show what a reader of each language sees.) Run with `npm run screenshots`.
 */
import type { InterfaceLocale } from '../../../electron/shared/i18n/locales';
import { expect, test } from '../support/browser-mode';
import { headerButtonIn, openInLanguage, showSectionIn } from '../support/languages';
import { callApi, LibraryPage, ReaderPage } from '../support/pages';
import { SEED_TITLE } from '../support/reading-flow';
import { PHONE_AND_LAPTOP, shoot } from './shots';

const LANGUAGES: readonly { locale: InterfaceLocale; themes: readonly ('light' | 'dark')[] }[] = [
  { locale: 'ar', themes: ['light', 'dark'] },
  { locale: 'de', themes: ['light'] },
  { locale: 'ja', themes: ['light'] },
];

for (const { locale, themes } of LANGUAGES) {
  for (const size of PHONE_AND_LAPTOP) {
    test(`the main screens in ${locale} at ${size.width}×${size.height}`, async ({ page, quire }) => {
      const words = await openInLanguage(page, quire.url, locale);
      await page.setViewportSize(size);
      for (const theme of themes) {
        await callApi(page, 'setSettings', { theme });
        await page.reload();
        const name = (screen: string) => `lang-${locale}-${screen}-${size.width}-${theme}`;

        await showSectionIn(page, words, 'nav.library');
        await expect(new LibraryPage(page).articleButton(SEED_TITLE)).toBeVisible();
        await shoot(page, name('library'));

        const search = page.getByRole('searchbox', { name: words('search.label') });
        await search.fill('Baghdad conference');
        await expect(page.getByRole('listbox', { name: words('search.results') }).getByRole('option').first()).toBeVisible();
        await shoot(page, name('search'));
        await search.fill('');
        await search.press('Escape');

        await new LibraryPage(page).open(SEED_TITLE);
        await expect(new ReaderPage(page).article.locator('mark').first()).toBeVisible();
        await shoot(page, name('reader'));
        await page.getByRole('button', { name: words('reader.back.library') }).click();

        await showSectionIn(page, words, 'nav.bookmarks');
        await expect(page.getByRole('main')).toContainText('bridge the views');
        await shoot(page, name('bookmarks'));

        await showSectionIn(page, words, 'nav.notes');
        await expect(page.getByRole('main')).toContainText('second');
        await shoot(page, name('notes'));

        await (await headerButtonIn(page, words, 'nav.preferences')).click();
        await expect(page.getByRole('dialog', { name: words('preferences.title') })).toBeVisible();
        await shoot(page, name('preferences'));
        await page.keyboard.press('Escape');
      }
    });
  }
}

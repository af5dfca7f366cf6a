/**
 * Accessible in every shipped language, left to right and right to left: axe finds nothing
 * serious on the main screens — the library, the import summary (with a reason the core gave,
 * in the interface language), search results, the reader, bookmarks, notes and Preferences.
 */
import { INTERFACE_LOCALES, localeDirection } from '../../../electron/shared/i18n/locales';
import { expectAccessible } from '../support/accessibility';
import { expect, test } from '../support/browser-mode';
import { DAMAGED_EPUB, headerButtonIn, importWithAFailure, openInLanguage, showSectionIn } from '../support/languages';
import { LibraryPage, ReaderPage } from '../support/pages';
import { SEED_TITLE } from '../support/reading-flow';

for (const locale of INTERFACE_LOCALES) {
  test(`${locale} (${localeDirection(locale)}): axe finds nothing serious on the main screens`, async ({ page, quire, consoleErrors }) => {
    test.setTimeout(120_000);
    const words = await openInLanguage(page, quire.url, locale);
    const check = (screen: string) => expectAccessible(page, `${screen} in ${locale}`);

    await test.step('library', async () => {
      await expect(new LibraryPage(page).articleButton(SEED_TITLE)).toBeVisible();
      await check('library');
    });

    await test.step('import summary', async () => {
      const summary = await importWithAFailure(page, words);
      await expect(summary).toContainText(`${DAMAGED_EPUB}`);
      await expect(summary).toContainText(words('core.import.epubDamaged'));
      await check('import summary');
      await summary.getByRole('button', { name: words('importSummary.dismiss') }).click();
      await expect(summary).toBeHidden();
    });

    await test.step('search results', async () => {
      const search = page.getByRole('searchbox', { name: words('search.label') });
      await search.fill('Baghdad conference');
      await expect(page.getByRole('listbox', { name: words('search.results') }).getByRole('option').first()).toBeVisible();
      await check('search results');
      await search.fill('');
      await search.press('Escape');
    });

    await test.step('reader', async () => {
      await showSectionIn(page, words, 'nav.library');
      await new LibraryPage(page).open(SEED_TITLE);
      await expect(new ReaderPage(page).article.locator('mark').first()).toBeVisible();
      await expect(page.getByRole('button', { name: words('reader.back.library') })).toBeVisible();
      await check('reader');
      await page.getByRole('button', { name: words('reader.back.library') }).click();
    });

    await test.step('bookmarks', async () => {
      await showSectionIn(page, words, 'nav.bookmarks');
      await expect(page.getByRole('main')).toContainText('bridge the views');
      await check('bookmarks');
    });

    await test.step('notes', async () => {
      await showSectionIn(page, words, 'nav.notes');
      await expect(page.getByRole('main')).toContainText('second');
      await check('notes');
    });

    await test.step('preferences', async () => {
      await (await headerButtonIn(page, words, 'nav.preferences')).click();
      const dialog = page.getByRole('dialog', { name: words('preferences.title') });
      await expect(dialog.getByLabel(words('preferences.language'))).toBeVisible();
      await check('preferences');
    });
    expect(consoleErrors).toEqual([]);
  });
}

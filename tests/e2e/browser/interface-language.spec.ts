/**
 * The interface language, chosen in Preferences, applies at once without a reload: the header and
 * navigation speak it, the root element carries its `lang` and `dir` (right to left for Arabic),
 * and an article keeps its own language and direction whatever the interface's.
 */
import { expect, test } from '../support/browser-mode';
import { wordsIn } from '../support/languages';
import { LibraryPage } from '../support/pages';

test('switching the interface to Arabic, then Japanese, then back to English, without a reload', async ({ page, quire, consoleErrors }) => {
  const library = new LibraryPage(page);
  await page.goto(quire.url);
  await expect(library.articleButton(/Welcome to Quire/)).toBeVisible();
  const root = page.locator('html');
  // The browser speaks English here, and so does the interface.
  await expect(root).toHaveAttribute('lang', 'en');
  await expect(root).toHaveAttribute('dir', 'ltr');
  // Nothing below may reload the page: a marker on window survives only in the same document.
  await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

  await page.getByRole('button', { name: 'Preferences' }).click();
  const language = page.getByRole('dialog', { name: 'Preferences' }).getByLabel('Language');
  // Each language is offered in its own name.
  await expect(language.locator('option')).toContainText(['System default', 'English', 'العربية', 'Deutsch', 'Español', 'Français', '日本語', '简体中文']);
  await language.selectOption('ar');

  await expect(root).toHaveAttribute('lang', 'ar');
  await expect(root).toHaveAttribute('dir', 'rtl');
  const arabicPreferences = page.getByRole('dialog', { name: 'التفضيلات' });
  await expect(arabicPreferences).toBeVisible();
  await arabicPreferences.getByRole('button', { name: 'تم' }).click();
  const sections = page.getByRole('navigation', { name: 'الأقسام' });
  await expect(sections.getByRole('button', { name: 'المكتبة' })).toBeVisible();
  await expect(sections.getByRole('button', { name: 'العلامات' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'المكتبة' })).toBeVisible();
  // Counts follow Arabic plural rules: the sample library holds two articles.
  await expect(page.locator('.view-count')).toHaveText('مقالان');

  // An English article stays left to right inside the right-to-left interface.
  await library.open(/Welcome to Quire/);
  const body = page.locator('[data-testid="article-body"]');
  await expect(body).toContainText('Quire');
  await expect(body).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('button', { name: 'العودة إلى المكتبة' })).toBeVisible();
  await page.getByRole('button', { name: 'العودة إلى المكتبة' }).click();

  // Japanese, then back to English, from the same dialog.
  await page.getByRole('button', { name: 'التفضيلات' }).click();
  await page.getByRole('dialog', { name: 'التفضيلات' }).getByLabel('اللغة').selectOption('ja');
  await expect(root).toHaveAttribute('lang', 'ja');
  await expect(root).toHaveAttribute('dir', 'ltr');
  const japanesePreferences = page.getByRole('dialog', { name: '設定' });
  await expect(japanesePreferences).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'セクション' }).getByRole('button', { name: 'ライブラリ' })).toBeVisible();

  await japanesePreferences.getByLabel('言語').selectOption('en');
  await expect(root).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('dialog', { name: 'Preferences' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);

  // The choice is kept: a fresh page opens in the language chosen last.
  await page.getByRole('dialog', { name: 'Preferences' }).getByLabel('Language').selectOption('ar');
  await expect(root).toHaveAttribute('dir', 'rtl');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'المكتبة' })).toBeVisible();
  await expect(root).toHaveAttribute('lang', 'ar');
  expect(consoleErrors).toEqual([]);
});

test.describe('a browser that speaks Arabic, at the first start', () => {
  test.use({ locale: 'ar' });

  test('the very first frame of the header is Arabic and right to left: no English frame while its catalog loads', async ({ page, quire, consoleErrors }) => {
    const words = wordsIn('ar');
    // Every state of the header from the moment it exists: language, direction and the search box's label.
    await page.addInitScript(() => {
      const frames: string[] = [];
      Object.assign(window, { headerFrames: frames });
      new MutationObserver(() => {
        const label = document.querySelector('header [role="search"] label');
        if (label) frames.push(`${document.documentElement.lang} ${document.documentElement.dir} ${label.textContent ?? ''}`);
      }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await page.goto(quire.url);
    await expect(page.getByRole('heading', { level: 1, name: words('nav.library') })).toBeVisible();
    const frames = await page.evaluate(() => (window as unknown as { headerFrames: string[] }).headerFrames);
    expect(frames.length).toBeGreaterThan(0);
    expect(new Set(frames)).toEqual(new Set([`ar rtl ${words('search.label')}`]));
    expect(consoleErrors).toEqual([]);
  });
});

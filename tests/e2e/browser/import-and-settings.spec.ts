import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ArticleMeta } from '../../../electron/shared/models';
import { expectAccessible } from '../support/accessibility';
import { expect, test } from '../support/browser-mode';
import { callApi, LibraryPage, ReaderPage } from '../support/pages';
import { CORPUS_DIR } from '../../support/corpus-paths';

const CORPUS = CORPUS_DIR;

test('importing through the button reads a real web page and explains what it could not read', async ({ page, quire, consoleErrors }) => {
  const library = new LibraryPage(page);
  await page.goto(quire.url);
  await expect(library.articleButton(/Welcome to Quire/)).toBeVisible();

  await page.getByLabel('Import files').setInputFiles([
    { name: 'guardian.html', mimeType: 'text/html', buffer: readFileSync(path.join(CORPUS, 'web-pages/guardian-1/source.html')) },
    { name: 'seed.txt', mimeType: 'text/plain', buffer: readFileSync(path.join(CORPUS, 'seed/000_db403d933cbeb736.txt')) },
    { name: 'holiday.png.html', mimeType: 'text/html', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]) },
  ]);

  const summary = page.getByRole('region', { name: 'Import finished' });
  // The first import starts the import workers, which load the HTML parser: slow on a busy machine.
  await expect(summary).toContainText('Imported 1', { timeout: 60_000 });
  await expect(summary).toContainText('Already in library 1');
  await expect(summary).toContainText('Failed 1');
  await expect(summary).toContainText('holiday.png.html');
  await expect(summary).toContainText(/does not look like/i);

  const guardianTitle = /Māori tribes fearful over whale strandings/;
  await expect(library.articleButton(guardianTitle)).toBeVisible();
  await library.open(guardianTitle);
  const reader = new ReaderPage(page);
  await expect(reader.article).toContainText('whale');
  // The reader shows the page's text, never its scripts or styles.
  expect(await reader.article.locator('script, style, iframe, form').count()).toBe(0);
  expect(consoleErrors).toEqual([]);
});

test('reading settings and the place in an article survive a reload', async ({ page, quire }) => {
  const library = new LibraryPage(page);
  await page.goto(quire.url);
  await library.open(/Welcome to Quire/);
  const reader = new ReaderPage(page);
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('Sepia');
  await page.getByRole('button', { name: 'Larger text' }).click();
  const fontSize = await reader.article.evaluate((el) => getComputedStyle(el).fontSize);
  const scroller = page.getByRole('region', { name: 'Article text' });
  await scroller.evaluate((el) => el.scrollTo(0, 600));
  // The first words at the top of the view, which must be at the top again after the reload.
  const topText = (): Promise<string> =>
    scroller.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const hit = document.caretRangeFromPoint(box.left + 80, box.top + 40);
      return hit?.startContainer.textContent?.slice(0, 40) ?? '';
    });
  const before = await topText();
  expect(before.trim()).not.toBe('');
  expect(await scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  // The reading position is saved shortly after scrolling stops: wait until the core has it.
  const savedPosition = async (): Promise<number> =>
    (await callApi<ArticleMeta[]>(page, 'listArticles')).find((article) => article.title.startsWith('Welcome to Quire'))?.position ?? 0;
  await expect.poll(savedPosition).toBeGreaterThan(0);

  await page.reload();
  await library.open(/Welcome to Quire/);
  await expect.poll(topText).toBe(before);
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue(/sepia/i);
  await expect.poll(() => reader.article.evaluate((el) => getComputedStyle(el).fontSize)).toBe(fontSize);
});

test('Preferences open from the header and with Ctrl+comma, pass axe, and what they set is kept', async ({ page, quire, consoleErrors }) => {
  const library = new LibraryPage(page);
  await page.goto(quire.url);
  await expect(library.articleButton(/Welcome to Quire/)).toBeVisible();

  await page.getByRole('button', { name: 'Preferences' }).click();
  const preferences = page.getByRole('dialog', { name: 'Preferences' });
  await expect(preferences).toBeVisible();
  await expectAccessible(page, 'preferences');
  await preferences.getByRole('combobox', { name: 'Theme' }).selectOption('Dark');
  await page.keyboard.press('Escape');
  await expect(preferences).toBeHidden();

  await page.reload();
  await expect(library.articleButton(/Welcome to Quire/)).toBeVisible();
  await page.keyboard.press('Control+Comma');
  await expect(preferences).toBeVisible();
  await expect(preferences.getByRole('combobox', { name: 'Theme' })).toHaveValue(/dark/i);
  await expectAccessible(page, 'preferences in dark');
  await page.keyboard.press('Escape');
  await library.open(/Welcome to Quire/);
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue(/dark/i);
  expect(consoleErrors).toEqual([]);
});

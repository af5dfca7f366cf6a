/**
 * A PDF's cover is its first page: imported through the import button, shown as covers, the card
 * gets page 1 drawn and stored once, and later page loads show the stored picture without opening
 * the PDF again. A PDF whose file is damaged keeps the title's letter and is not tried again and
 * again. The Covers choice is kept across page loads (a setting).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { ArticleMeta } from '../../../electron/shared/models';
import { makePdf } from '../../unit/core/importers/support/make-pdf';
import { expect, test } from '../support/browser-mode';
import { callApi, LibraryPage } from '../support/pages';

const GOOD = 'Harbour Lights Survey';
const DAMAGED = 'Damaged Ledger';

const pdfFile = async (name: string, title: string) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from(
    await makePdf(
      [
        {
          heading: title,
          paragraphs: [
            [`The first page of ${title} lists what it holds,`, 'with its colour, its height and its period.'],
            ['A second paragraph, so the page has more than a heading on it.'],
          ],
        },
        { paragraphs: [[`The second page of ${title}.`]] },
      ],
      { title, pageNumbers: true },
    ),
  ),
});

/** How many of the picture's pixels are dark: ink of the drawn page (0 for a blank or missing picture). */
const inkIn = (image: Locator): Promise<number> =>
  image.evaluate((img: HTMLImageElement) => {
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 128 && data[i + 3]! > 0) ink += 1;
    return ink;
  });

const originalFetches = (requests: string[], article: ArticleMeta) =>
  requests.filter((url) => url.includes(`/${article.id}/original.pdf`)).length;

const card = (page: Page, article: ArticleMeta) => page.locator(`[data-article-id="${article.id}"]`);

test('a PDF imported through the button shows its first page as its cover; a damaged one keeps its letter', async ({
  page,
  quire,
  consoleErrors,
  requests,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.goto(quire.url);
  const library = new LibraryPage(page);
  await library.loaded();
  await page.getByLabel('Import files').setInputFiles([await pdfFile('harbour-lights.pdf', GOOD), await pdfFile('ledger.pdf', DAMAGED)]);
  // The first import starts the import workers: slow on a busy machine.
  await expect(library.importSummary).toContainText('Imported 2', { timeout: 60_000 });
  const articles = await callApi<ArticleMeta[]>(page, 'listArticles');
  const good = articles.find((a) => a.title === GOOD)!;
  const damaged = articles.find((a) => a.title === DAMAGED)!;
  expect([good.format, good.cover, damaged.format]).toEqual(['pdf', undefined, 'pdf']);
  // The ledger's file is damaged on disk after its import (a bad sector, a synchronizer's half copy).
  writeFileSync(path.join(quire.libraryDir, 'articles', damaged.id, 'original.pdf'), '%PDF-1.7\nthis is not the rest of a PDF\n');

  const layout = page.getByRole('group', { name: 'Show the library as' });
  await layout.getByRole('button', { name: 'Covers' }).click();
  const cover = card(page, good).locator('.article-cover img');
  await expect(cover).toHaveAttribute('src', /\/first-page\.(webp|png)$/, { timeout: 30_000 });
  await expect.poll(() => cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  // The page as drawn: its heading and lines are ink on white.
  expect(await inkIn(cover)).toBeGreaterThan(500);
  await page.screenshot({ path: testInfo.outputPath('pdf-covers-1280.png') });

  // The damaged one was tried once and shows its letter; showing the cards again asks for nothing more.
  await expect.poll(() => originalFetches(requests, damaged)).toBe(1);
  await expect(card(page, damaged).locator('.article-cover-letter')).toHaveText('D');
  await layout.getByRole('button', { name: 'List' }).click();
  await layout.getByRole('button', { name: 'Covers' }).click();
  await expect(card(page, damaged).locator('.article-cover-letter')).toHaveText('D');
  await expect(card(page, good).locator('.article-cover img')).toBeVisible();
  expect(originalFetches(requests, damaged)).toBe(1);
  expect(originalFetches(requests, good)).toBe(1);

  // The core stored it: the next page load opens as covers and shows it without opening the PDF again.
  const stored = await callApi<ArticleMeta>(page, 'getArticle', good.id);
  expect(stored.cover).toMatch(/^assets\/first-page\.(webp|png)$/);
  await page.goto(quire.url);
  await expect(page.getByRole('group', { name: 'Show the library as' }).getByRole('button', { name: 'Covers' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await expect.poll(() => originalFetches(requests, damaged)).toBe(2);
  await expect(card(page, damaged).locator('.article-cover-letter')).toHaveText('D');
  expect(originalFetches(requests, good)).toBe(1);
  expect(consoleErrors).toEqual([]);
});

/**
 * A PDF as its pages: the page view draws pages as they come near the view, its text layer can be
 * selected and highlighted, a highlight made in the text view shows on the page (the same passage
 * of the same text), and zoom changes the page's size.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Annotation, ArticleMeta } from '../../../electron/shared/models';
import { makePdf } from '../../unit/core/importers/support/make-pdf';
import { expectAccessible } from '../support/accessibility';
import { expect, test } from '../support/browser-mode';
import { callApi, LibraryPage, ReaderPage, SearchBox } from '../support/pages';

const TITLE = 'Pages and Their Text';
const ON_PAGE_TWO = 'The second page speaks of tides and the moon.';

const pdfBytes = () =>
  makePdf(
    [
      { heading: TITLE, paragraphs: [['The first page opens the document.', 'It has two lines.']] },
      { paragraphs: [[ON_PAGE_TWO], ['A second paragraph on the second page.']] },
      { paragraphs: [['The third page.']] },
      { paragraphs: [['The fourth page.']] },
      { paragraphs: [['The fifth page ends it.']] },
    ],
    { runningHeader: 'Journal of Pages', pageNumbers: true },
  );

async function importPdf(page: Page): Promise<ArticleMeta> {
  const bytes = await pdfBytes();
  const outcome = await callApi<{ status: string; article: ArticleMeta }>(page, 'importDocument', {
    fileName: 'pages.pdf',
    dataBase64: Buffer.from(bytes).toString('base64'),
  });
  expect(outcome.status).toBe('imported');
  return outcome.article;
}

/** How many pixels of a page's drawing are not white (0 for a page not drawn yet). */
const inkOn = (page: Page, number: number): Promise<number> =>
  page.evaluate(async (n) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`.pdf-page[data-page="${n}"] canvas`);
    if (!canvas) return 0;
    // The drawing may live in a worker (OffscreenCanvas): read what the page shows.
    const bitmap = await createImageBitmap(canvas);
    const copy = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = copy.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 200 && data[i + 3]! > 0) ink += 1;
    return ink;
  }, number);

/** The text under a page-view highlight (CSS Custom Highlight API), range by range. */
const paintedText = (page: Page, name: string): Promise<string[]> =>
  page.evaluate((highlight) => Array.from((CSS.highlights.get(highlight) ?? new Set()) as Set<AbstractRange>, (range) => (range as Range).toString()), name);

test('a PDF\'s pages: drawn when near the view, highlights from the text view painted on them, text selectable and highlighted, zoom', async ({ page, quire, consoleErrors }) => {
  await page.goto(quire.url);
  const article = await importPdf(page);
  await page.reload();
  await new LibraryPage(page).open(TITLE);

  const pages = page.getByRole('region', { name: 'PDF pages' });
  const pageButton = page.getByRole('button', { name: 'Page', exact: true });
  await expect(pageButton).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('of 5')).toBeVisible();
  await expect.poll(() => inkOn(page, 1)).toBeGreaterThan(100);
  // Lazy: the last page is an empty box until it comes near.
  await expect(pages.locator('.pdf-page[data-page="5"] canvas')).toHaveCount(0);
  await expect(pages.locator('.pdf-page[data-page="1"] .textLayer span').first()).toBeAttached();
  await expectAccessible(page, 'PDF page view');

  // A highlight made in the text view…
  await page.getByRole('button', { name: 'Text', exact: true }).click();
  const reader = new ReaderPage(page);
  await reader.highlightText('tides and the moon', 'Yellow');
  await expect(reader.highlight('tides and the moon')).toHaveCount(1);

  // …is on page 2 in the page view, which is drawn when scrolled to.
  await pageButton.click();
  await pages.locator('.pdf-page[data-page="2"]').scrollIntoViewIfNeeded();
  await expect.poll(() => inkOn(page, 2)).toBeGreaterThan(100);
  await expect.poll(() => paintedText(page, 'quire-page-yellow')).toEqual(['tides and the moon']);

  // The text layer can be selected, and a selection there is highlighted as in the text view.
  const line = pages.locator('.pdf-page[data-page="2"] .textLayer span', { hasText: ON_PAGE_TWO });
  await line.evaluate((span) => {
    const text = span.firstChild!;
    const range = document.createRange();
    range.setStart(text, span.textContent!.indexOf('second page'));
    range.setEnd(text, span.textContent!.indexOf('second page') + 'second page'.length);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
  });
  expect(await page.evaluate(() => window.getSelection()!.toString())).toBe('second page');
  await expect(reader.colourBar).toBeVisible();
  await reader.colourBar.getByRole('button', { name: 'Highlight green' }).click();
  await expect
    .poll(async () => (await callApi<Annotation[]>(page, 'listAnnotations', article.id)).map((a) => [a.target?.quote.exact, a.color]).sort())
    .toEqual([['second page', 'green'], ['tides and the moon', 'yellow']]);
  await expect.poll(() => paintedText(page, 'quire-page-green')).toEqual(['second page']);

  // Zoom in: the page grows; the page number follows the view.
  const width = async () => (await pages.locator('.pdf-page[data-page="1"]').boundingBox())!.width;
  const before = await width();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(width).toBeGreaterThan(before * 1.2);
  await page.getByRole('button', { name: 'Fit page' }).click();
  await expect.poll(width).toBeLessThan(before);
  await page.getByLabel('Page', { exact: true }).fill('2');
  await page.getByLabel('Page', { exact: true }).press('Enter');
  await expect.poll(() => paintedText(page, 'quire-page-green')).toEqual(['second page']);
  await page.screenshot({ path: '/tmp/quire-pdf-reader.png' });

  // A click on a highlight on the page opens its popover, as in the text view.
  const centre = await page.evaluate(() => {
    const range = [...(CSS.highlights.get('quire-page-green') as unknown as Set<Range>)][0]!;
    const box = range.getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  });
  await page.mouse.click(centre.x, centre.y);
  await expect(reader.highlightPopover).toBeVisible();
  await reader.highlightPopover.getByRole('button', { name: /purple/i }).click();
  await expect.poll(() => paintedText(page, 'quire-page-purple')).toEqual(['second page']);
  await page.getByLabel('Page', { exact: true }).fill('4');
  await page.getByLabel('Page', { exact: true }).press('Enter');
  await expect.poll(() => inkOn(page, 4)).toBeGreaterThan(100);

  // The page read last and the choice of view are remembered for this article.
  await page.reload();
  await new LibraryPage(page).open(TITLE);
  await expect(page.getByLabel('Page', { exact: true })).toHaveValue('4');
  await page.getByRole('button', { name: 'Text', exact: true }).click();
  await page.reload();
  await new LibraryPage(page).open(TITLE);
  await expect(page.getByRole('button', { name: 'Text', exact: true })).toHaveAttribute('aria-pressed', 'true');
  expect(consoleErrors).toEqual([]);
});

test('a PDF whose folder lost its original says so, and gets it back when the same PDF is imported again', async ({ page, quire, consoleErrors }) => {
  await page.goto(quire.url);
  const article = await importPdf(page);
  rmSync(path.join(quire.libraryDir, 'articles', article.id, 'original.pdf'));
  await page.reload();
  await new LibraryPage(page).open(TITLE);
  await expect(page.getByText("Quire has no copy of this PDF's file, so its pages cannot be shown.")).toBeVisible();
  const file = path.join(tmpdir(), `quire-e2e-${article.id}.pdf`);
  writeFileSync(file, await pdfBytes());
  await page.getByLabel('Import the PDF again…').setInputFiles(file);
  rmSync(file);
  // The PDF is read again by the import host (a fresh worker under CI's load took over 10 s once):
  // the wait for an import's outcome, as the other import tests give it.
  await expect(page.getByRole('region', { name: 'PDF pages' })).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => inkOn(page, 1)).toBeGreaterThan(100);
  expect(consoleErrors.filter((error) => !error.includes('404'))).toEqual([]);
});

test('a search\'s matches are painted on the pages and stepped through page by page; the panel goes to a highlight on its page', async ({ page, quire, consoleErrors }) => {
  await page.goto(quire.url);
  const article = await importPdf(page);
  const { text } = await callApi<{ text: string }>(page, 'getContent', article.id);
  const start = text.indexOf('The fourth page');
  await callApi(page, 'createAnnotation', { articleId: article.id, kind: 'bookmark', passage: { start, end: start + 'The fourth page'.length }, color: 'blue' });
  await page.reload();
  const search = new SearchBox(page);
  await search.search('fifth page ends');
  await search.result(/fifth page ends/i).click();
  await expect(page.getByRole('region', { name: 'PDF pages' })).toBeVisible();
  // The reader steps through the search's matches on the pages: the last one is on page 5.
  await expect.poll(() => paintedText(page, 'quire-page-match-current')).toEqual(['page']);
  await page.getByRole('button', { name: 'Previous match' }).click();
  await expect(page.getByLabel('Page', { exact: true })).toHaveValue('5');
  await expect.poll(() => paintedText(page, 'quire-page-match-current')).toEqual(['ends']);
  // The other matches on the pages drawn are painted too ("fifth page" before it; page 4's "page").
  await expect.poll(async () => (await paintedText(page, 'quire-page-match')).sort()).toEqual(expect.arrayContaining(['fifth', 'page']));

  await page.locator('.annotation-go', { hasText: 'The fourth page' }).click();
  await expect(page.getByLabel('Page', { exact: true })).toHaveValue('4');
  await expect.poll(() => paintedText(page, 'quire-page-blue')).toEqual(['The fourth page']);
  expect(consoleErrors).toEqual([]);
});

test('find in the page view (Ctrl+F): matches painted on the pages, Enter goes to the next one\'s page, a selection on a page is the query, Escape gives the pages the focus', async ({ page, quire, consoleErrors }) => {
  await page.goto(quire.url);
  await importPdf(page);
  await page.reload();
  await new LibraryPage(page).open(TITLE);
  await expect(page.getByRole('region', { name: 'PDF pages' })).toBeVisible();
  await expect(page.locator('.pdf-page[data-page="1"] .textLayer span').first()).toBeAttached();

  await page.getByRole('region', { name: 'PDF pages' }).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ControlOrMeta+f');
  const field = page.getByRole('search', { name: 'Find in article' }).getByRole('textbox');
  const bar = page.getByRole('search', { name: 'Find in article' });
  // A word on the last page: found, painted there, and its page is shown.
  await field.fill('fifth');
  await expect(bar).toContainText('1 of 1');
  await expect(page.getByLabel('Page', { exact: true })).toHaveValue('5');
  await expect.poll(() => paintedText(page, 'quire-page-match-current')).toEqual(['fifth']);
  // Three on page 2: every one painted, Enter steps to the next.
  await field.fill('second');
  await expect(bar).toContainText('1 of 3');
  await expect(page.getByLabel('Page', { exact: true })).toHaveValue('2');
  await field.press('Enter');
  await expect(bar).toContainText('2 of 3');
  await expect.poll(() => paintedText(page, 'quire-page-match-current')).toEqual(['second']);
  await expect.poll(async () => (await paintedText(page, 'quire-page-match')).length).toBe(2);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('search', { name: 'Find in article' })).toHaveCount(0);
  await expect.poll(() => paintedText(page, 'quire-page-match-current')).toEqual([]);
  await expect(page.locator('.pdf-view')).toBeFocused();

  // A word selected on a page is what Ctrl+F looks for.
  const tides = page.locator('.pdf-page[data-page="2"] .textLayer span', { hasText: 'tides' }).first();
  await tides.scrollIntoViewIfNeeded();
  await page.evaluate(() => {
    const span = [...document.querySelectorAll('.pdf-page[data-page="2"] .textLayer span')].find((s) => s.textContent?.includes('tides'))!;
    const node = span.firstChild!;
    const at = node.textContent!.indexOf('tides');
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 'tides'.length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  await page.keyboard.press('ControlOrMeta+f');
  await expect(field).toHaveValue('tides');
  await expect(page.getByRole('search', { name: 'Find in article' })).toContainText('1 of 1');
  await expect.poll(() => paintedText(page, 'quire-page-match-current')).toEqual(['tides']);
  expect(consoleErrors).toEqual([]);
});

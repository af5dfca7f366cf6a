/**
 * Reading a book: the contents beside the text mark the chapter being read and jump to a chapter;
 * Back returns from a followed link to the place it was followed from; a footnote opens at its
 * reference and Escape closes it; pages turn with the arrow keys, and the place survives switching
 * between pages and the scroll. The book is made here, an EPUB 3 with notes marked as EPUB marks them.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { ImportOutcome } from '../../../electron/shared/models';
import { makeEpub, xhtml } from '../../unit/core/importers/support/make-zip';
import { expect, test } from '../support/browser-mode';
import { callApi, FindBar, LibraryPage, ReaderPage } from '../support/pages';

const CHAPTERS = ['Loomings', 'The Carpet-Bag', 'The Spouter-Inn', 'The Counterpane', 'Breakfast', 'The Street'];
const OPS = 'xmlns:epub="http://www.idpf.org/2007/ops"';

const paragraphs = (chapter: number) =>
  Array.from({ length: 24 }, (_, i) => `<p>Paragraph ${i + 1} of chapter ${chapter + 1}. ${'Whenever it is a damp, drizzly November in my soul, I find myself pausing before coffin warehouses. '.repeat(3)}</p>`).join('');

function chapterFile(index: number): string {
  const extra =
    index === 0
      ? `<p ${OPS}>Call me Ishmael.<a epub:type="noteref" href="#n1">1</a> Read on in <a href="c6.xhtml#street">the last chapter</a>.</p>` +
        `<aside ${OPS} epub:type="footnote" id="n1"><p>Ishmael: the outcast son of Abraham.</p></aside>`
      : '';
  const id = index === 5 ? ' id="street"' : '';
  return xhtml(CHAPTERS[index]!, `<h1${id}>${CHAPTERS[index]}</h1>${extra}${paragraphs(index)}`);
}

function book(): Buffer {
  const items = CHAPTERS.map((_, i) => `<item id="c${i + 1}" href="c${i + 1}.xhtml" media-type="application/xhtml+xml"/>`).join('');
  const spine = CHAPTERS.map((_, i) => `<itemref idref="c${i + 1}"/>`).join('');
  const opf = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>A Whale of a Book</dc:title><dc:identifier id="id">whale</dc:identifier><dc:language>en</dc:language></metadata>
  <manifest>${items}</manifest>
  <spine>${spine}</spine>
</package>`;
  return makeEpub({ opf, files: Object.fromEntries(CHAPTERS.map((_, i) => [`c${i + 1}.xhtml`, chapterFile(i)])) });
}

async function openBook(page: Page, homeDir: string, url: string): Promise<ReaderPage> {
  const file = path.join(homeDir, 'whale.epub');
  writeFileSync(file, book());
  await page.goto(url);
  const [outcome] = await callApi<ImportOutcome[]>(page, 'importPaths', [file]);
  expect(outcome?.status).toBe('imported');
  await page.reload();
  await new LibraryPage(page).open('A Whale of a Book');
  const reader = new ReaderPage(page);
  await expect(reader.article).toContainText('Call me Ishmael.');
  return reader;
}

const scroller = (page: Page): Locator => page.getByRole('region', { name: 'Article text' });
const contents = (page: Page): Locator => page.getByRole('navigation', { name: 'Contents' });
const status = (page: Page): Locator => page.locator('.reading-status-text');

/** The reading settings' Text layout panel (behind Text settings in a phone-width reader). */
async function openTextLayout(page: Page, width: number): Promise<void> {
  if (width < 900) await page.getByRole('button', { name: 'Text settings' }).click();
  await page.getByRole('button', { name: 'Text layout' }).click();
}

async function closeTextLayout(page: Page, width: number): Promise<void> {
  await page.keyboard.press('Escape');
  if (width < 900) await page.keyboard.press('Escape');
  await expect(page.getByRole('group', { name: 'Text layout' })).toHaveCount(0);
}

/** The heading of a chapter, scrolled to the top of the reader as a reader scrolling would. */
async function scrollToChapter(page: Page, title: string): Promise<void> {
  await page.getByRole('heading', { name: title, exact: true }).evaluate((heading) => {
    const scroller = heading.closest('.reader-scroll')!;
    scroller.scrollTop += heading.getBoundingClientRect().top - scroller.getBoundingClientRect().top + 40;
  });
}

test('the contents mark the chapter being read and jump; Back returns from a followed link', async ({ page, quire, consoleErrors }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openBook(page, quire.homeDir, quire.url);
  const panel = contents(page);
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Loomings' })).toHaveAttribute('aria-current', 'location');

  await scrollToChapter(page, 'The Spouter-Inn');
  await expect(panel.getByRole('button', { name: 'The Spouter-Inn' })).toHaveAttribute('aria-current', 'location');
  await expect(panel.locator('[aria-current]')).toHaveCount(1);
  await expect(status(page)).toContainText('The Spouter-Inn');
  await expect(status(page)).toContainText(/\d+%/);
  await expect(status(page)).toContainText(/left in chapter.*left in book/);

  await panel.getByRole('button', { name: 'Breakfast' }).click();
  await expect(page.getByRole('heading', { name: 'Breakfast', exact: true })).toBeFocused();
  await expect(panel.getByRole('button', { name: 'Breakfast' })).toHaveAttribute('aria-current', 'location');

  // Follow a link to another chapter, then come back to the same place.
  await panel.getByRole('button', { name: 'Loomings' }).click();
  const before = await scroller(page).evaluate((element) => element.scrollTop);
  await page.getByRole('link', { name: 'the last chapter' }).click();
  await expect(panel.getByRole('button', { name: 'The Street' })).toHaveAttribute('aria-current', 'location');
  await page.getByRole('button', { name: 'Back to where you were' }).click();
  await expect.poll(() => scroller(page).evaluate((element) => element.scrollTop)).toBe(before);
  await expect(page.getByRole('link', { name: 'the last chapter' })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Back to where you were' })).toHaveCount(0);

  // Alt+←: back inside the book first, then out to the library.
  await page.getByRole('link', { name: 'the last chapter' }).click();
  await expect(panel.getByRole('button', { name: 'The Street' })).toHaveAttribute('aria-current', 'location');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect.poll(() => scroller(page).evaluate((element) => element.scrollTop)).toBe(before);
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.getByRole('heading', { name: 'A Whale of a Book', level: 1 })).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('a footnote opens at its reference and Escape closes it, leaving the reader open', async ({ page, quire, consoleErrors }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openBook(page, quire.homeDir, quire.url);
  const reference = page.getByRole('link', { name: '1', exact: true });
  await reference.click();
  const note = page.getByRole('dialog', { name: 'Note' });
  await expect(note).toContainText('Ishmael: the outcast son of Abraham.');
  await expect(note).toBeFocused();
  await page.screenshot({ path: '/tmp/book-note-1280.png' });
  await page.keyboard.press('Escape');
  await expect(note).toHaveCount(0);
  await expect(reference).toBeFocused();
  await expect(page.getByRole('heading', { name: 'A Whale of a Book', level: 1 })).toBeVisible();

  // By keyboard, and on to the note in the text.
  await page.keyboard.press('Enter');
  await expect(note).toBeVisible();
  await note.getByRole('button', { name: 'Go to note' }).click();
  await expect(page.locator('aside[role="doc-footnote"]')).toBeFocused();
  await expect(page.getByRole('button', { name: 'Back to where you were' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

for (const width of [1280, 360]) {
  test(`pages at ${width} px: the arrow keys turn them and the place survives switching back to the scroll`, async ({ page, quire, consoleErrors }) => {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 800 });
    const reader = await openBook(page, quire.homeDir, quire.url);
    await scrollToChapter(page, 'The Spouter-Inn');
    await expect(status(page)).toContainText('The Spouter-Inn');
    await page.screenshot({ path: `/tmp/book-scrolled-${width}.png` });
    if (width === 360) {
      // A phone: the contents are a drawer, opened from the status line, the chapter marked.
      await expect(contents(page)).toBeHidden();
      await page.getByRole('button', { name: 'Contents' }).click();
      await expect(contents(page).getByRole('button', { name: 'The Spouter-Inn' })).toHaveAttribute('aria-current', 'location');
      await expect(contents(page).getByRole('button', { name: 'The Spouter-Inn' })).toBeFocused();
      await page.screenshot({ path: '/tmp/book-contents-360.png' });
      await page.keyboard.press('Escape');
      await expect(contents(page)).toBeHidden();
      await expect(page.getByRole('button', { name: 'Contents' })).toBeFocused();
    }
    const firstWords = await page.evaluate(() => {
      const scroller = document.querySelector('.reader-scroll')!;
      const top = scroller.getBoundingClientRect().top + 4;
      const p = Array.from(document.querySelectorAll('.article-content p')).find((element) => element.getBoundingClientRect().bottom > top);
      return p?.textContent?.slice(0, 40) ?? '';
    });

    await openTextLayout(page, width);
    await page.getByLabel('Layout', { exact: true }).selectOption(width === 360 ? 'one-column' : 'two-columns');
    await expect(status(page)).toContainText(/Page \d+ of \d+/);
    await closeTextLayout(page, width);
    const pageNumber = async () => Number(/Page (\d+)/.exec((await status(page).textContent()) ?? '')?.[1]);
    const start = await pageNumber();
    // The page shown holds the chapter's heading that was at the top of the scroll.
    const headingOnPage = () =>
      page.getByRole('heading', { name: 'The Spouter-Inn', exact: true }).evaluate((heading) => {
        const box = heading.closest('.reader-scroll')!.getBoundingClientRect();
        const rect = heading.getBoundingClientRect();
        return rect.left >= box.left - 1 && rect.right <= box.right + 1;
      });
    await expect.poll(headingOnPage).toBe(true);
    await page.screenshot({ path: `/tmp/book-pages-${width}.png` });

    await scroller(page).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(pageNumber).toBe(start + 1);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(pageNumber).toBe(start);
    await expect.poll(headingOnPage).toBe(true);

    // A search match far on: find goes to the page that holds it.
    const find = new FindBar(page);
    await find.find('Paragraph 7 of chapter 5');
    await expect(find.count).toHaveText('1 of 1');
    await expect(status(page)).toContainText('Breakfast');
    // Polled: the page is turned to the match as the layout settles.
    const matchOnPage = () =>
      page.evaluate(() => {
        const range = [...(CSS.highlights.get('quire-find-current') ?? [])][0] as Range | undefined;
        if (!range) return false;
        const box = document.querySelector('.reader-scroll')!.getBoundingClientRect();
        const rect = range.getBoundingClientRect();
        return rect.left >= box.left - 1 && rect.right <= box.right + 1 && rect.top >= box.top && rect.bottom <= box.bottom;
      });
    await expect.poll(matchOnPage).toBe(true);
    await page.keyboard.press('Escape');
    await expect(find.bar).toHaveCount(0);
    await page.getByRole('heading', { name: 'The Spouter-Inn', exact: true }).evaluate((heading) => heading.scrollIntoView());
    await expect.poll(headingOnPage).toBe(true);
    // A passage on the page highlights in one step, as in the scroll.
    await reader.highlightText('Paragraph 1 of chapter 3.', 'Green');
    await expect(reader.highlight('Paragraph 1 of chapter 3.')).toHaveClass(/quire-color-green/);

    await openTextLayout(page, width);
    await page.getByLabel('Layout', { exact: true }).selectOption('scrolled');
    await closeTextLayout(page, width);
    await expect(status(page)).toContainText(/\d+%/);
    await expect(status(page)).toContainText('The Spouter-Inn');
    const firstWordsAfter = await page.evaluate(() => {
      const scroller = document.querySelector('.reader-scroll')!;
      const top = scroller.getBoundingClientRect().top + 4;
      const p = Array.from(document.querySelectorAll('.article-content :is(p, h1)')).find((element) => element.getBoundingClientRect().bottom > top);
      return p?.textContent?.slice(0, 40) ?? '';
    });
    // Back in the scroll at the page's first line: the heading, or the paragraph shown before.
    expect(['The Spouter-Inn', firstWords]).toContain(firstWordsAfter);
    expect(consoleErrors).toEqual([]);
  });
}

test('a right-to-left book turns its pages leftward: ← is the next page, and the zone on the left turns it', async ({ page, quire, consoleErrors }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const sentence = 'كان يا ما كان في قديم الزمان وسالف العصر والأوان رجل يسكن في مدينة بعيدة. ';
  const chapters = ['الفصل الأول', 'الفصل الثاني', 'الفصل الثالث'];
  const opf = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>حكاية طويلة</dc:title><dc:identifier id="id">ar</dc:identifier><dc:language>ar</dc:language></metadata>
  <manifest>${chapters.map((_, i) => `<item id="c${i}" href="c${i}.xhtml" media-type="application/xhtml+xml"/>`).join('')}</manifest>
  <spine page-progression-direction="rtl">${chapters.map((_, i) => `<itemref idref="c${i}"/>`).join('')}</spine>
</package>`;
  const files = Object.fromEntries(chapters.map((title, i) => [`c${i}.xhtml`, xhtml(title, `<h1>${title}</h1>${`<p>${sentence.repeat(6)}</p>`.repeat(12)}`, 'ar')]));
  const file = path.join(quire.homeDir, 'rtl.epub');
  writeFileSync(file, makeEpub({ opf, files }));
  await page.goto(quire.url);
  const [outcome] = await callApi<ImportOutcome[]>(page, 'importPaths', [file]);
  expect(outcome?.status).toBe('imported');
  await page.reload();
  await new LibraryPage(page).open('حكاية طويلة');
  await openTextLayout(page, 1280);
  await page.getByLabel('Layout', { exact: true }).selectOption('two-columns');
  await closeTextLayout(page, 1280);
  await expect(status(page)).toContainText('Page 1 of');
  await scroller(page).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(status(page)).toContainText('Page 2 of');
  // The first column of a right-to-left page is its right one: the page starts at the right edge.
  const firstColumnOnTheRight = await page.evaluate(() => {
    const box = document.querySelector('.reader-scroll')!.getBoundingClientRect();
    const paragraphs = Array.from(document.querySelectorAll('.article-content p'));
    const shown = paragraphs.flatMap((p) => Array.from(p.getClientRects())).filter((rect) => rect.left >= box.left - 1 && rect.right <= box.right + 1);
    return shown.length > 0 && Math.max(...shown.map((rect) => rect.right)) > box.right - 2;
  });
  expect(firstColumnOnTheRight).toBe(true);
  await page.locator('.page-zone-end').click();
  await expect(status(page)).toContainText('Page 3 of');
  await page.keyboard.press('ArrowRight');
  await expect(status(page)).toContainText('Page 2 of');
  await page.screenshot({ path: '/tmp/book-pages-rtl-1280.png' });
  expect(consoleErrors).toEqual([]);
});

test('pages turned just before focus mode hides the chrome stay turned, and through other window sizes the page shown holds the text that was first on screen', async ({ page, quire, consoleErrors }) => {
  await openBook(page, quire.homeDir, quire.url);
  await openTextLayout(page, 1280);
  await page.getByLabel('Layout', { exact: true }).selectOption('one-column');
  await expect(status(page)).toContainText(/Page \d+ of \d+/);
  await closeTextLayout(page, 1280);
  const pageNumber = async () => Number(/Page (\d+)/.exec((await status(page).textContent()) ?? '')?.[1]);
  await scroller(page).focus();
  for (const turned of [2, 3, 4]) {
    await page.keyboard.press('PageDown');
    await expect.poll(pageNumber).toBe(turned);
  }
  // The words first on the page, as a reader sees them before hiding the chrome.
  const firstOnPage = () =>
    page.evaluate(() => {
      const scroller = document.querySelector('.reader-scroll')!;
      const box = scroller.getBoundingClientRect();
      const p = Array.from(document.querySelectorAll('.article-content :is(p, h1)')).find((element) => {
        const rect = element.getBoundingClientRect();
        return rect.right > box.left + 1 && rect.left < box.right - 1 && rect.bottom > box.top;
      });
      return p?.textContent?.slice(0, 40) ?? '';
    });
  const before = await firstOnPage();
  // At once: the reader would still be settling on the page it turned to.
  await page.keyboard.press('f');
  await expect(page.locator('.reader-toolbar[data-focus-mode]')).toHaveCount(1);
  // Whatever the page's number in the new size, the text that began the page is on it.
  const beforeOnPage = (words: string) =>
    page.evaluate((text) => {
      const scroller = document.querySelector('.reader-scroll')!;
      const box = scroller.getBoundingClientRect();
      const element = Array.from(document.querySelectorAll('.article-content :is(p, h1)')).find((candidate) => candidate.textContent?.startsWith(text));
      if (!element) return 'not found';
      const rects = Array.from(element.getClientRects());
      return rects.some((rect) => rect.left >= box.left - 1 && rect.right <= box.right + 1) ? 'on the page' : 'off the page';
    }, words);
  await expect.poll(() => beforeOnPage(before)).toBe('on the page');
  // And through windows of other sizes, the page turns with them.
  for (const [width, height] of [[800, 700], [360, 740], [2560, 1440], [1280, 800]] as const) {
    await page.setViewportSize({ width, height });
    await expect.poll(() => beforeOnPage(before), `at ${width}×${height}`).toBe('on the page');
  }
  expect(consoleErrors).toEqual([]);
});

test('in a scroll, the paragraph being read stays at the top when the window narrows and widens, or the panel beside the text closes', async ({ page, quire, consoleErrors }) => {
  await openBook(page, quire.homeDir, quire.url);
  await scrollToChapter(page, 'The Spouter-Inn');
  // On into the chapter, at once (a wheel's smooth scroll could still be moving when the paragraph is
  // read), and two frames on: the scroll's event has been handled then.
  await scroller(page).evaluate(
    (element) =>
      new Promise((resolve) => {
        element.scrollTop += 900;
        requestAnimationFrame(() => requestAnimationFrame(resolve));
      }),
  );
  // The first paragraph reaching below the reader's top.
  const firstParagraph = () =>
    page.evaluate(() => {
      const scroller = document.querySelector('.reader-scroll')!;
      const top = scroller.getBoundingClientRect().top + 4;
      const paragraph = Array.from(document.querySelectorAll('.article-content :is(p, h1)')).find((element) => element.getBoundingClientRect().bottom > top);
      return paragraph?.textContent?.slice(0, 30) ?? '';
    });
  await expect.poll(firstParagraph).toMatch(/^Paragraph \d+ of chapter 3\./);
  const reading = await firstParagraph();
  for (const [width, height] of [[800, 700], [1280, 800], [360, 740], [2560, 1440], [1280, 800]] as const) {
    await page.setViewportSize({ width, height });
    await expect.poll(firstParagraph, `at ${width}×${height}`).toBe(reading);
  }
  // Focus mode hides the header and the toolbar and folds the panel beside the text away: the reader grows.
  await page.locator('.reader-scroll').focus();
  await page.keyboard.press('f');
  await expect(page.locator('.reader-toolbar[data-focus-mode]')).toHaveCount(1);
  await expect.poll(firstParagraph).toBe(reading);
  expect(consoleErrors).toEqual([]);
});

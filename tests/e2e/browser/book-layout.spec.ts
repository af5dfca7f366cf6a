/**
 * Books laid out as their authors asked: a fixed-layout picture book shown as its pages (scaled to
 * the window, one page or a spread, turned with the arrow keys) and a Japanese novel set
 * vertically (lines top to bottom, right to left; find scrolls to a hit in its last chapter; a
 * highlight survives a reload). Screenshots of both, light and dark, go to the test's output.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import type { Annotation, ArticleMeta, ImportOutcome } from '../../../electron/shared/models';
import { PICTURE_BOOK_WORDS, pictureBook, VERTICAL_CHAPTER_3_WORD, verticalNovel } from '../../unit/core/importers/support/layout-books';
import { expectAccessible } from '../support/accessibility';
import { expect, test } from '../support/browser-mode';
import { BookmarksPage, callApi, FindBar, LibraryPage, ReaderPage, SearchBox } from '../support/pages';

async function importAndOpen(page: Page, homeDir: string, url: string, fileName: string, bytes: Buffer, title: string): Promise<ReaderPage> {
  const file = path.join(homeDir, fileName);
  writeFileSync(file, bytes);
  await page.goto(url);
  const [outcome] = await callApi<ImportOutcome[]>(page, 'importPaths', [file]);
  expect(outcome?.status).toBe('imported');
  await page.reload();
  await new LibraryPage(page).open(title);
  return new ReaderPage(page);
}

/** Saved where the test's output goes, and (when QUIRE_SCREENSHOT_DIR is set) there too, to look at. */
async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  // A change of theme fades the buttons' colours: the picture waits for the fades to end.
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
  const file = testInfo.outputPath(name);
  await page.screenshot({ path: file });
  const dir = process.env.QUIRE_SCREENSHOT_DIR;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    copyFileSync(file, path.join(dir, name));
  }
}

type Box = { x: number; y: number; width: number; height: number };
const inside = (inner: Box, outer: Box, slack = 1): boolean =>
  inner.x >= outer.x - slack && inner.y >= outer.y - slack && inner.x + inner.width <= outer.x + outer.width + slack && inner.y + inner.height <= outer.y + outer.height + slack;

const PICTURE_TITLE = 'The Fox and the River';

test('a fixed-layout picture book opens as its pages, scaled to fit the window, and the arrow keys turn them', async ({ page, quire, consoleErrors }, testInfo) => {
  // A tall window: one page at a time.
  await page.setViewportSize({ width: 800, height: 1100 });
  await importAndOpen(page, quire.homeDir, quire.url, 'fox.epub', pictureBook(), PICTURE_TITLE);
  const view = page.getByRole('region', { name: 'Pages of the book' });
  await expect(view).toBeVisible();
  const shownPages = page.getByTestId('fixed-page');
  await expect(shownPages).toHaveCount(1);
  const status = page.locator('.fixed-layout-bar [role="status"]');
  await expect(status).toHaveText('Page 1 of 2');

  const art = page.locator('[data-testid="fixed-page"] img.art');
  const caption = page.locator('[data-testid="fixed-page"] .caption');
  await expect(caption).toHaveText(PICTURE_BOOK_WORDS[0]!);
  const expectWholePage = async () => {
    await expect(async () => {
      const viewBox = (await view.boundingBox())!;
      const pageBox = (await shownPages.first().boundingBox())!;
      const artBox = (await art.first().boundingBox())!;
      // The picture fills its page, the page is wholly inside the view, and nothing scrolls.
      expect(inside(pageBox, viewBox), 'the page is inside the view').toBe(true);
      expect(Math.abs(artBox.width - pageBox.width)).toBeLessThanOrEqual(1);
      expect(Math.abs(artBox.height - pageBox.height)).toBeLessThanOrEqual(1);
      // Scaled to fit: it touches the view's sides or its top and bottom (less the margin).
      expect(Math.max(pageBox.width / viewBox.width, pageBox.height / viewBox.height)).toBeGreaterThan(0.9);
      expect(pageBox.height / pageBox.width).toBeCloseTo(800 / 600, 2);
    }).toPass({ timeout: 5_000 });
    expect(await view.evaluate((element) => element.scrollWidth <= element.clientWidth && element.scrollHeight <= element.clientHeight)).toBe(true);
  };
  await expectWholePage();
  // The caption is where the page's CSS puts it: 40 px (of the page's 800) below its top, plus the
  // paragraph's own margin (1em of its 32 px type), over the picture.
  const scale = (await shownPages.first().boundingBox())!.height / 800;
  const captionBox = (await caption.boundingBox())!;
  const artBox = (await art.boundingBox())!;
  expect(Math.abs(captionBox.y - artBox.y - (40 + 32) * scale)).toBeLessThanOrEqual(2);
  expect(inside(captionBox, artBox)).toBe(true);
  await screenshot(page, testInfo, 'fixed-layout-800-light.png');
  await expectAccessible(page, 'fixed-layout pages');

  await view.focus();
  await page.keyboard.press('ArrowRight');
  await expect(status).toHaveText('Page 2 of 2');
  await expect(caption).toHaveText(PICTURE_BOOK_WORDS[1]!);
  await expectWholePage();
  // Page 2's own rule puts its caption low on the page.
  expect((await caption.boundingBox())!.y - (await art.boundingBox())!.y).toBeGreaterThan(500 * scale);
  await page.keyboard.press('ArrowLeft');
  await expect(status).toHaveText('Page 1 of 2');

  // A wide window: the two pages as a spread, left then right, both whole.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(shownPages).toHaveCount(2);
  await expect(status).toHaveText('Pages 1–2 of 2');
  const [left, right] = [(await shownPages.nth(0).boundingBox())!, (await shownPages.nth(1).boundingBox())!];
  const viewBox = (await view.boundingBox())!;
  expect(inside(left, viewBox) && inside(right, viewBox)).toBe(true);
  expect(Math.abs(left.x + left.width - right.x)).toBeLessThanOrEqual(1);
  await expect(page.locator('[data-testid="fixed-page"]').nth(0).locator('.caption')).toHaveText(PICTURE_BOOK_WORDS[0]!);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, testInfo, 'fixed-layout-1280-dark.png');
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, testInfo, 'fixed-layout-1280-light.png');

  // The text is still there, in the text view, for search and highlights.
  await page.getByRole('group', { name: 'Show the book as' }).getByRole('button', { name: 'Text' }).click();
  await expect(new ReaderPage(page).article).toContainText(PICTURE_BOOK_WORDS[1]!);
  expect(consoleErrors).toEqual([]);
});

const NOVEL_TITLE = '縦書きの猫';

test('a vertical Japanese novel is laid out vertically: find scrolls to a hit in chapter 3, a highlight survives a reload', async ({ page, quire, consoleErrors }, testInfo) => {
  // A walk through a dozen steps (an import, two themes, axe, find, a highlight, a reload, the
  // horizontal setting): more than the default minute on a loaded 2-core machine.
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const reader = await importAndOpen(page, quire.homeDir, quire.url, 'neko.epub', verticalNovel(), NOVEL_TITLE);
  await expect(reader.article).toContainText('吾輩は猫である');
  const scroller = page.getByRole('region', { name: 'Article text' });
  expect(await scroller.evaluate((element) => getComputedStyle(element).writingMode)).toBe('vertical-rl');
  // Its start is at the right; the text runs on to the left, beyond the window.
  expect(await scroller.evaluate((element) => element.scrollWidth > element.clientWidth && element.scrollLeft === 0)).toBe(true);
  const firstHeading = page.getByRole('heading', { name: '第1章' });
  const box = (await firstHeading.boundingBox())!;
  expect(box.height).toBeGreaterThan(box.width); // a vertical line
  await screenshot(page, testInfo, 'vertical-1280-light.png');
  await expectAccessible(page, 'vertical book');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, testInfo, 'vertical-1280-dark.png');
  await page.emulateMedia({ colorScheme: 'light' });

  // H goes to the next chapter's heading, along the sideways scroll.
  await scroller.focus();
  await page.keyboard.press('h');
  await expect(page.getByRole('heading', { name: '第1章' })).toBeFocused();
  await page.keyboard.press('h');
  await expect(page.getByRole('heading', { name: '第2章' })).toBeFocused();
  await expect(page.getByRole('heading', { name: '第2章' })).toBeInViewport();
  await page.keyboard.press('h');
  await expect(page.getByRole('heading', { name: '第3章' })).toBeFocused();
  await page.keyboard.press('Shift+H');
  await expect(page.getByRole('heading', { name: '第2章' })).toBeFocused();

  // Find in chapter 3: the reader scrolls sideways until the hit is on screen.
  await scroller.evaluate((element) => element.scrollTo({ left: 0 }));
  await scroller.focus();
  const find = new FindBar(page);
  await find.find(VERTICAL_CHAPTER_3_WORD);
  await expect(find.count).toContainText('1');
  await expect
    .poll(() =>
      page.evaluate(() => {
        const range = [...(CSS.highlights.get('quire-find-current') ?? [])][0];
        const view = document.querySelector('.reader-scroll')!.getBoundingClientRect();
        if (!(range instanceof Range)) return 'no current match';
        const hit = range.getBoundingClientRect();
        return hit.left >= view.left && hit.right <= view.right && hit.top >= view.top && hit.bottom <= view.bottom ? 'in view' : 'out of view';
      }),
    )
    .toBe('in view');
  expect(await scroller.evaluate((element) => element.scrollLeft < 0)).toBe(true);
  await page.keyboard.press('Escape');

  // A highlight in vertical text, kept after a reload.
  await scroller.evaluate((element) => element.scrollTo({ left: 0 }));
  await reader.highlightText('名前はまだ無い', 'Green');
  await expect(reader.highlight('名前はまだ無い').first()).toHaveClass(/quire-color-green/);
  await page.reload();
  await new LibraryPage(page).open(NOVEL_TITLE);
  await expect(reader.highlight('名前はまだ無い').first()).toHaveClass(/quire-color-green/);
  expect(await scroller.evaluate((element) => getComputedStyle(element).writingMode)).toBe('vertical-rl');

  // The reader may set the book horizontally instead, for this book, and it stays so.
  const lines = page.getByRole('group', { name: 'Lines' });
  await lines.getByRole('button', { name: 'Horizontal' }).click();
  await expect(lines.getByRole('button', { name: 'Horizontal' })).toHaveAttribute('aria-pressed', 'true');
  expect(await scroller.evaluate((element) => getComputedStyle(element).writingMode)).toBe('horizontal-tb');
  await page.reload();
  await new LibraryPage(page).open(NOVEL_TITLE);
  await expect(reader.highlight('名前はまだ無い').first()).toHaveClass(/quire-color-green/);
  expect(await scroller.evaluate((element) => getComputedStyle(element).writingMode)).toBe('horizontal-tb');
  await lines.getByRole('button', { name: 'Vertical' }).click();
  expect(await scroller.evaluate((element) => getComputedStyle(element).writingMode)).toBe('vertical-rl');
  expect(consoleErrors).toEqual([]);
});

test('a vertical novel in pages: pages turn right to left, the contents and find go to the page that holds their place', async ({ page, quire, consoleErrors }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const reader = await importAndOpen(page, quire.homeDir, quire.url, 'neko.epub', verticalNovel(), NOVEL_TITLE);
  await expect(reader.article).toContainText('吾輩は猫である');
  await page.getByRole('button', { name: 'Text layout' }).click();
  await page.getByLabel('Layout', { exact: true }).selectOption('one-column');
  await page.keyboard.press('Escape');
  const status = page.locator('.reading-status-text');
  await expect(status).toContainText(/Page 1 of \d+/);
  const pageNumber = async () => Number(/Page (\d+)/.exec((await status.textContent()) ?? '')?.[1]);
  const scroller = page.getByRole('region', { name: 'Article text' });
  expect(await scroller.evaluate((element) => getComputedStyle(element).writingMode)).toBe('vertical-rl');

  // ← is forward in vertical text.
  await scroller.focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(pageNumber).toBe(2);
  await page.keyboard.press('ArrowRight');
  await expect.poll(pageNumber).toBe(1);

  const onPage = (locator: ReturnType<Page['locator']>) =>
    locator.evaluate((element) => {
      const box = element.closest('.reader-scroll')!.getBoundingClientRect();
      const rect = element.getBoundingClientRect();
      return rect.left >= box.left - 1 && rect.right <= box.right + 1;
    });
  await page.getByRole('navigation', { name: 'Contents' }).getByRole('button', { name: '第3章' }).click();
  const heading = page.getByRole('heading', { name: '第3章' });
  await expect(heading).toBeFocused();
  await expect.poll(() => onPage(heading)).toBe(true);
  await screenshot(page, testInfo, 'vertical-pages-1280-light.png');

  await page.getByRole('navigation', { name: 'Contents' }).getByRole('button', { name: '第1章' }).click();
  await expect(status).toContainText('第1章');
  const find = new FindBar(page);
  await find.find(VERTICAL_CHAPTER_3_WORD);
  await expect(find.count).toHaveText('1 of 1');
  await expect(status).toContainText('第3章');
  expect(consoleErrors).toEqual([]);
});

/** The text under a page-view highlight (CSS Custom Highlight API), range by range. */
const paintedText = (page: Page, name: string): Promise<string[]> =>
  page.evaluate((highlight) => Array.from((CSS.highlights.get(highlight) ?? new Set()) as Set<AbstractRange>, (range) => (range as Range).toString()), name);

/** The box of `text` on the fixed-layout page shown (in its shadow root), on screen. */
const boxOnPage = (page: Page, text: string): Promise<Box & { pageBox: Box }> =>
  page.evaluate((wanted) => {
    for (const host of document.querySelectorAll('.fixed-page-content')) {
      const walker = document.createTreeWalker(host.shadowRoot!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const { x, y, width, height } = range.getBoundingClientRect();
        const pageBox = host.parentElement!.getBoundingClientRect();
        return { x, y, width, height, pageBox: { x: pageBox.x, y: pageBox.y, width: pageBox.width, height: pageBox.height } };
      }
    }
    throw new Error(`"${wanted}" is not on the pages shown`);
  }, text);

/** The boxes of what a page-view highlight paints, on screen. */
const paintedBoxes = (page: Page, name: string): Promise<Box[]> =>
  page.evaluate(
    (highlight) =>
      Array.from((CSS.highlights.get(highlight) ?? new Set()) as Set<AbstractRange>, (range) => {
        const { x, y, width, height } = (range as Range).getBoundingClientRect();
        return { x, y, width, height };
      }),
    name,
  );

test('a fixed-layout book\'s pages show the highlights made in its text, a passage selected on a page is highlighted, a search hit opens on its page', async ({ page, quire, consoleErrors }, testInfo) => {
  test.slow();
  await page.setViewportSize({ width: 800, height: 1100 });
  const reader = await importAndOpen(page, quire.homeDir, quire.url, 'fox.epub', pictureBook(), PICTURE_TITLE);
  const status = page.locator('.fixed-layout-bar [role="status"]');
  await expect(status).toHaveText('Page 1 of 2');
  const viewSwitch = page.getByRole('group', { name: 'Show the book as' });

  // A highlight made in the text view, on page 2's words…
  await viewSwitch.getByRole('button', { name: 'Text' }).click();
  await reader.highlightText('finds the river', 'Yellow');
  await expect(reader.highlight('finds the river')).toHaveClass(/quire-color-yellow/);
  // …is painted on page 2, over those words, and not on page 1.
  await viewSwitch.getByRole('button', { name: 'Page' }).click();
  await expect(status).toHaveText('Page 1 of 2');
  await expect(page.locator('[data-testid="fixed-page"] .caption')).toHaveText(PICTURE_BOOK_WORDS[0]!);
  await expect.poll(() => paintedText(page, 'quire-page-yellow')).toEqual([]);
  await page.getByRole('region', { name: 'Pages of the book' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(status).toHaveText('Page 2 of 2');
  await expect.poll(() => paintedText(page, 'quire-page-yellow')).toEqual(['finds the river']);
  const words = await boxOnPage(page, 'finds the river');
  const [painted] = await paintedBoxes(page, 'quire-page-yellow');
  expect(Math.abs(painted!.x - words.x) + Math.abs(painted!.y - words.y) + Math.abs(painted!.width - words.width)).toBeLessThanOrEqual(2);
  expect(inside(painted!, words.pageBox)).toBe(true);

  // Kept after a reload, on the page read last.
  await page.reload();
  await new LibraryPage(page).open(PICTURE_TITLE);
  await expect(status).toHaveText('Page 2 of 2');
  await expect.poll(() => paintedText(page, 'quire-page-yellow')).toEqual(['finds the river']);

  // Words selected on the page with the mouse get the colour bar, as in the text view.
  const fox = await boxOnPage(page, 'The fox');
  await page.mouse.move(fox.x + 1, fox.y + fox.height / 2);
  await page.mouse.down();
  await page.mouse.move(fox.x + fox.width - 1, fox.y + fox.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => getSelection()!.toString())).toBe('The fox');
  await expect(reader.colourBar).toBeVisible();
  await screenshot(page, testInfo, 'fixed-layout-selection-800-light.png');
  await reader.colourBar.getByRole('button', { name: 'Highlight green' }).click();
  const article = (await callApi<ArticleMeta[]>(page, 'listArticles')).find((a) => a.title === PICTURE_TITLE)!;
  await expect
    .poll(async () => (await callApi<Annotation[]>(page, 'listAnnotations', article.id)).map((a) => [a.target?.quote.exact, a.color]).sort())
    .toEqual([['The fox', 'green'], ['finds the river', 'yellow']]);
  await expect.poll(() => paintedText(page, 'quire-page-green')).toEqual(['The fox']);

  // A click on a highlight on the page offers what the text view offers: another colour, a note, delete.
  await page.mouse.click(words.x + words.width / 2, words.y + words.height / 2);
  await expect(reader.highlightPopover).toBeVisible();
  await expect(reader.highlightPopover.getByRole('button', { name: /note/i })).toBeVisible();
  await expect(reader.highlightPopover.getByRole('button', { name: /delete/i })).toBeVisible();
  await reader.highlightPopover.getByRole('button', { name: /purple/i }).click();
  await expect.poll(() => paintedText(page, 'quire-page-purple')).toEqual(['finds the river']);
  await expect(status).toHaveText('Page 2 of 2');

  // In the text view, the passage highlighted on the page is the same passage.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, testInfo, 'fixed-layout-highlights-1280-dark.png');
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, testInfo, 'fixed-layout-highlights-1280-light.png');
  await page.setViewportSize({ width: 800, height: 1100 });
  await viewSwitch.getByRole('button', { name: 'Text' }).click();
  await expect(reader.highlight('The fox').last()).toHaveClass(/quire-color-green/);
  await expect(reader.highlight('finds the river')).toHaveClass(/quire-color-purple/);
  await viewSwitch.getByRole('button', { name: 'Page' }).click();

  // The side panel's bookmark goes to its page.
  await page.getByRole('region', { name: 'Pages of the book' }).focus();
  await page.keyboard.press('Home');
  await expect(status).toHaveText('Page 1 of 2');
  await page.getByRole('button', { name: /Bookmarks and notes/ }).click();
  await page.locator('.annotation-go', { hasText: 'The fox' }).click();
  await expect(status).toHaveText('Page 2 of 2');
  await page.keyboard.press('Escape');

  // A search hit on page 1 opens the pages there, painted as the current match.
  await page.goto(quire.url);
  const search = new SearchBox(page);
  await search.search('wakes under');
  await search.result(/wakes under/i).click();
  await expect(status).toHaveText('Page 1 of 2');
  await expect.poll(async () => (await paintedText(page, 'quire-page-match-current')).join(' ')).toMatch(/wakes/);
  await screenshot(page, testInfo, 'fixed-layout-search-800-light.png');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, testInfo, 'fixed-layout-search-800-dark.png');
  await page.emulateMedia({ colorScheme: 'light' });

  // A bookmark opened from the Bookmarks view opens the pages on its page (page 1 was read last).
  const bookmarks = new BookmarksPage(page);
  await page.getByRole('button', { name: 'Menu' }).click();
  await bookmarks.open();
  await bookmarks.list.getByRole('button', { name: /The fox/ }).click();
  await expect(status).toHaveText('Page 2 of 2');
  await expect.poll(() => paintedText(page, 'quire-page-green')).toEqual(['The fox']);
  expect(consoleErrors).toEqual([]);
});

/**
 * The lines of text on the page shown, as Range.getClientRects gives them, that cross the page's
 * edge (the text's box): a line cut in two by the page. And how many lines are on the page.
 */
const linesOnPage = (page: Page): Promise<{ lines: number; cut: string[] }> =>
  page.evaluate(() => {
    const scroller = document.querySelector<HTMLElement>('.reader-scroll')!;
    const box = scroller.getBoundingClientRect();
    const walker = document.createTreeWalker(scroller, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let lines = 0;
    const cut: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim()) continue;
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (rect.width === 0 || rect.height === 0) continue;
        const seen = rect.right > box.left && rect.left < box.right && rect.bottom > box.top && rect.top < box.bottom;
        if (!seen) continue;
        lines += 1;
        const whole = rect.left >= box.left - 1 && rect.right <= box.right + 1 && rect.top >= box.top - 1 && rect.bottom <= box.bottom + 1;
        if (!whole) cut.push(`"${node.textContent.slice(0, 12)}…" at ${Math.round(rect.left)}–${Math.round(rect.right)} × ${Math.round(rect.top)}–${Math.round(rect.bottom)} in ${Math.round(box.left)}–${Math.round(box.right)} × ${Math.round(box.top)}–${Math.round(box.bottom)}`);
      }
    }
    return { lines, cut };
  });

/** Whether an element keeps its size from one frame to the next but one (a re-layout is over). */
const sizeHolds = (element: HTMLElement): Promise<boolean> =>
  new Promise((resolve) => {
    const before = `${element.clientWidth}×${element.clientHeight}`;
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(`${element.clientWidth}×${element.clientHeight}` === before)));
  });

test('pages end between lines: a vertical novel and the same book set horizontally, at three window sizes', async ({ page, quire, consoleErrors }, testInfo) => {
  test.slow();
  await page.setViewportSize({ width: 1280, height: 800 });
  await importAndOpen(page, quire.homeDir, quire.url, 'neko.epub', verticalNovel(), NOVEL_TITLE);
  await page.getByRole('button', { name: 'Text layout' }).click();
  await page.getByLabel('Layout', { exact: true }).selectOption('one-column');
  await page.keyboard.press('Escape');
  const status = page.locator('.reading-status-text');
  const scroller = page.getByRole('region', { name: 'Article text' });
  // The status's parts are spans, shown apart ("Page 2 of 5 · 3 min left…") but run together in its text.
  const position = status.locator('span', { hasText: /^Page \d+ of \d+$/ });
  const pageOf = async () => /Page (\d+) of (\d+)/.exec((await position.textContent()) ?? '')!.slice(1).map(Number) as [number, number];
  const lines = page.getByRole('group', { name: 'Lines' });

  for (const mode of ['Vertical', 'Horizontal'] as const) {
    await lines.getByRole('button', { name: mode }).click();
    await expect(lines.getByRole('button', { name: mode })).toHaveAttribute('aria-pressed', 'true');
    for (const [width, height] of [[1280, 800], [1017, 731], [800, 1100]] as const) {
      await page.setViewportSize({ width, height });
      // Home goes to the first page (again, should Home's scroll come while the new size's re-layout is still to be
      // handled: the reader does not take a scroll made in the old layout as its place, and goes back to the place
      // before it). The reading column's size is read across two frames, and the first page must still be shown once it holds.
      await expect(async () => {
        await scroller.focus();
        await page.keyboard.press('Home');
        await expect(status).toContainText(/Page 1 of \d+/, { timeout: 1_000 });
        await expect.poll(() => scroller.evaluate(sizeHolds), { timeout: 1_000 }).toBe(true);
        await expect(status).toContainText(/Page 1 of \d+/, { timeout: 1_000 });
      }).toPass();
      const [, count] = await pageOf();
      expect(count, `${mode} at ${width}×${height} holds more than one page`).toBeGreaterThan(1);
      for (let shown = 1; shown <= count; shown += 1) {
        await expect.poll(async () => (await pageOf())[0]).toBe(shown);
        const found = await linesOnPage(page);
        expect(found.lines, `page ${shown} of ${count} shows lines`).toBeGreaterThan(0);
        expect(found.cut, `${mode}, ${width}×${height}, page ${shown} of ${count}: lines cut by the page's edge`).toEqual([]);
        if (shown === 2 && width === 1017) await screenshot(page, testInfo, `${mode.toLowerCase()}-pages-1017-light.png`);
        await page.keyboard.press('PageDown');
      }
    }
  }
  await page.setViewportSize({ width: 800, height: 1100 });
  await lines.getByRole('button', { name: 'Vertical' }).click();
  await page.keyboard.press('PageDown');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, testInfo, 'vertical-pages-800-dark.png');
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, testInfo, 'vertical-pages-800-light.png');
  expect(consoleErrors).toEqual([]);
});

/**
 * Books laid out as their authors asked: a fixed-layout picture book shown as its pages (scaled to
 * the window, one page or a spread, turned with the arrow keys) and a Japanese novel set
 * vertically (lines top to bottom, right to left; find scrolls to a hit in its last chapter; a
 * highlight survives a reload). Screenshots of both, light and dark, go to the test's output.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import type { ImportOutcome } from '../../../electron/shared/models';
import { PICTURE_BOOK_WORDS, pictureBook, VERTICAL_CHAPTER_3_WORD, verticalNovel } from '../../unit/core/importers/support/layout-books';
import { expectAccessible } from '../support/accessibility';
import { expect, test } from '../support/browser-mode';
import { callApi, FindBar, LibraryPage, ReaderPage } from '../support/pages';

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

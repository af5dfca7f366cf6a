/**
 * A long book (Moby-Dick twice over, about 430,000 words) read as its chapters: it opens at the
 * place saved in a late chapter with that chapter's text on screen, before the chapters around it
 * have arrived; a search hit in a chapter near the start is followed there; a passage highlighted
 * in that chapter is still highlighted after a reload.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ArticleContent, ImportOutcome } from '../../../electron/shared/models';
import { longBookEpub } from '../../../scripts/long-book.mjs';
import { expect, test } from '../support/browser-mode';
import { callApi, LibraryPage, ReaderPage, SearchBox } from '../support/pages';

test.setTimeout(240_000);

test('a long book opens at its saved place, follows a search hit into another chapter and keeps a highlight made there', async ({ page, quire, consoleErrors }) => {
  const file = path.join(quire.homeDir, 'long-book.epub');
  writeFileSync(file, await longBookEpub({ copies: 2, title: 'Moby-Dick Twice' }));
  await page.goto(quire.url);
  const [outcome] = await callApi<ImportOutcome[]>(page, 'importPaths', [file]);
  if (outcome?.status !== 'imported') throw new Error(`not imported: ${JSON.stringify(outcome)}`);
  const id = outcome.article.id;

  // The place saved: a paragraph of "The Whiteness of The Whale" in the second copy.
  const { text, chapters } = await callApi<ArticleContent>(page, 'getContent', id);
  expect(chapters?.length).toBeGreaterThan(250);
  const late = chapters!.filter((chapter) => chapter.label.includes('The Whiteness of The Whale')).at(-1)!;
  expect(late.start).toBeGreaterThan(text.length / 2);
  const lineStart = text.indexOf('\n', late.start + 2000) + 1;
  const line = text.slice(lineStart, text.indexOf('\n', lineStart));
  await callApi(page, 'setProgress', id, { progress: 0.8, position: lineStart });

  await page.reload();
  await new LibraryPage(page).open('Moby-Dick Twice');
  const reader = new ReaderPage(page);
  // The saved paragraph at the top of the view, in the chapter's own HTML (a paragraph, not the waiting text).
  const paragraph = reader.article.locator(`section#${late.anchor} p`, { hasText: line.slice(0, 60) });
  await expect(paragraph).toBeInViewport();
  await expect(page.locator('.reading-status-text')).toContainText('The Whiteness of The Whale');
  // Chapters far from here are not on the page yet: only their text waits for them.
  await expect(reader.article.locator(`section#${chapters![5]!.anchor}`)).toHaveCount(0);

  // A search hit, in another chapter, at the start of the book: the reader goes there, and the
  // chapter holding it arrives as HTML around the match.
  const search = new SearchBox(page);
  await search.search('"Call me Ishmael"');
  await search.results.getByRole('group', { name: /^Moby-Dick Twice/ }).getByRole('option').first().click();
  const current = reader.article.locator('mark.quire-search-current').first();
  await expect(current).toBeInViewport({ timeout: 30_000 });
  // A passage of the hit's paragraph that no search mark cuts: the words after the last mark. The
  // mark is read once its chapter holds it among the book's chapters (while the chapter's HTML
  // replaces its waiting text, the mark is drawn again).
  const anchors = new Set(chapters!.map((each) => each.anchor));
  let found = { chapter: '', passage: '' };
  await expect
    .poll(async () => {
      found = await current.evaluate((mark) => ({
        chapter: mark.closest('[data-testid="article-body"] > *')?.id ?? '',
        passage: (mark.closest('p')?.lastChild?.textContent ?? '').trim().slice(0, 40).trim(),
      }));
      return anchors.has(found.chapter);
    }, { message: 'the search hit sits in one of the book chapters', timeout: 30_000 })
    .toBe(true);
  const { chapter, passage } = found;
  const hit = chapters!.findIndex((each) => each.anchor === chapter);
  expect(hit).toBeGreaterThanOrEqual(0);
  expect(chapters![hit]!.start).toBeLessThan(text.length / 2);
  expect(passage.length).toBeGreaterThan(20);

  await reader.highlightText(passage, 'Green');
  await expect(reader.highlight(passage)).toHaveClass(/quire-color-green/);
  await expect(reader.article.locator(`section#${chapter} mark.quire-highlight`)).not.toHaveCount(0);

  await page.reload();
  await new LibraryPage(page).open('Moby-Dick Twice');
  // Opened again: the highlight is kept, drawn in its chapter's HTML.
  await expect(reader.highlight(passage)).toHaveClass(/quire-color-green/);
  await expect(reader.article.locator(`section#${chapter} mark.quire-highlight`).first()).toHaveText(passage);
  expect(consoleErrors).toEqual([]);
});

test('a long book shows its saved place while its text is still on its way, then the reader there', async ({ page, quire, consoleErrors }) => {
  const file = path.join(quire.homeDir, 'long-book.epub');
  writeFileSync(file, await longBookEpub({ copies: 2, title: 'Moby-Dick Twice' }));
  await page.goto(quire.url);
  const [outcome] = await callApi<ImportOutcome[]>(page, 'importPaths', [file]);
  if (outcome?.status !== 'imported') throw new Error(`not imported: ${JSON.stringify(outcome)}`);
  const id = outcome.article.id;
  const { text, chapters } = await callApi<ArticleContent>(page, 'getContent', id);
  const late = chapters!.filter((chapter) => chapter.label.includes('The Whiteness of The Whale')).at(-1)!;
  const lineStart = text.indexOf('\n', late.start + 2000) + 1;
  const line = text.slice(lineStart, text.indexOf('\n', lineStart));
  await callApi(page, 'setProgress', id, { progress: 0.8, position: lineStart });

  // text.txt held back until the saved place has been seen.
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/text.txt', async (route) => {
    await released;
    // A request the page gave up on meanwhile (a reload) is gone: nothing to continue.
    await route.continue().catch(() => undefined);
  });
  const shots = process.env.QUIRE_SCREENSHOT_DIR;
  for (const [width, scheme] of shots ? ([[1280, 'light'], [800, 'dark']] as const) : ([[1280, 'light']] as const)) {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.reload();
    await new LibraryPage(page).open('Moby-Dick Twice');
    const status = page.getByRole('status').filter({ hasText: 'loading the rest of the book…' });
    await expect(status).toBeVisible();
    await expect(page.locator('.reader-scroll p', { hasText: line.slice(0, 60) })).toBeInViewport();
    await expect(page.locator('.reading-status-text')).toContainText('The Whiteness of The Whale');
    await expect(page.getByRole('button', { name: 'Back to library' })).toBeVisible();
    if (shots) await page.screenshot({ path: path.join(shots, `book-opening-${width}-${scheme}.png`) });
    // Seen once without screenshots; with them, wide and light, then narrow and dark.
    if (width === 800 || !shots) break;
    await page.getByRole('button', { name: 'Back to library' }).click();
  }
  release();
  // The reader proper, at the same place, with the whole book.
  const reader = new ReaderPage(page);
  await expect(page.getByText('loading the rest of the book…')).toHaveCount(0, { timeout: 30_000 });
  await expect(reader.article.locator(`section#${late.anchor} p`, { hasText: line.slice(0, 60) })).toBeInViewport();
  if (shots) await page.screenshot({ path: path.join(shots, 'book-opened-800-dark.png') });
  expect(consoleErrors).toEqual([]);
});

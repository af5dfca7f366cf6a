import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Annotation, ArticleMeta, ReplaceTextOutcome } from '../../../electron/shared/models';
import { expectAccessible } from '../support/accessibility';
import { expect, test } from '../support/browser-mode';
import { AnnotationTransfer, BookmarksPage, callApi, LibraryPage, NotesPage, ReaderControls, ReaderPage } from '../support/pages';
import { SEED_TITLE } from '../support/reading-flow';
import { SEED_FILE, webPageFile } from '../../support/corpus-paths';

const SEED = SEED_FILE;
const RTL_PAGE = webPageFile('rtl-1');
const KEPT = 'Iraq is trying to bridge the views of neighboring countries';
const REWORDED = 'the first Baghdad conference was held';
const DELETED = 'Iraqi Prime Minister Muhammad al-Sudani intends to visit Iran soon';

/** The seed article as an updated version of the page would read. */
function editedSeed(dir: string): string {
  const text = readFileSync(SEED, 'utf8');
  const paragraph = text.split('\n').find((line) => line.includes(DELETED))!;
  const file = path.join(dir, 'seed-updated.txt');
  writeFileSync(
    file,
    text
      .replace('\n', '\nUpdate: this report was revised with new details.\n')
      .replace(REWORDED, 'the first Baghdad conference took place')
      .replace(`${paragraph}\n`, ''),
  );
  return file;
}

const seedId = async (page: Page) =>
  (await callApi<ArticleMeta[]>(page, 'listArticles')).find((a) => a.title === SEED_TITLE)!.id;

test('bookmarks survive a theme and font change, a reload and new text; export → delete → import restores them', async ({
  page,
  quire,
  consoleErrors,
}) => {
  await page.goto(quire.url);
  const library = new LibraryPage(page);
  const reader = new ReaderPage(page);
  const controls = new ReaderControls(page);
  const bookmarks = new BookmarksPage(page);

  await library.open(SEED_TITLE);
  for (const [quote, colour, note] of [
    [KEPT, 'Green', 'Mediation between neighbours'],
    [REWORDED, 'Pink', 'Which conference?'],
    [DELETED, 'Yellow', 'Visit to Tehran'],
  ] as const) {
    await controls.scrollToText(quote);
    await reader.selectText(quote);
    await controls.bookmarkSelection(colour, note);
  }
  const green = reader.article.locator('mark.quire-color-green');
  await expect(green.first()).toBeVisible();

  // Theme and font change the layout, not the passage.
  await controls.setTheme('Dark');
  await controls.setFont('Dyslexia-friendly');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('.reader-article')).toHaveClass(/font-dyslexic/);
  // Polled: the reader paints its marks after the article renders.
  await expect.poll(async () => (await green.allTextContents()).join('')).toBe(KEPT);
  await expectAccessible(page, 'reader in dark with the dyslexia-friendly font');

  // A reload keeps the settings and the bookmarks.
  await page.reload();
  await library.open(SEED_TITLE);
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
  await expect(page.getByLabel('Font', { exact: true })).toHaveValue('dyslexic');
  // Polled: the reader paints its marks after the article renders.
  await expect.poll(async () => (await green.allTextContents()).join('')).toBe(KEPT);

  // New text for the article: re-anchored, and what cannot be placed is kept and listed.
  const id = await seedId(page);
  const outcome = await callApi<ReplaceTextOutcome>(page, 'replaceArticleText', id, editedSeed(quire.homeDir));
  expect(outcome.anchors).toEqual({ exact: 1, fuzzy: 1, unplaced: 1 });
  await page.reload();
  await bookmarks.open();
  await expectAccessible(page, 'bookmarks in dark');
  await expect(bookmarks.list.getByText(KEPT)).toBeVisible();
  await expect(bookmarks.item('Which conference?').getByText('placed approximately')).toBeVisible();
  await expect(bookmarks.unplaced.getByText(DELETED)).toBeVisible();
  await expect(bookmarks.unplaced.getByText('Visit to Tehran')).toBeVisible();
  await bookmarks.filterByColour('Green');
  await expect(page.locator('.bookmark-item')).toHaveCount(1);

  // The bookmark opens the reader at its passage, in the new text.
  await bookmarks.list.getByRole('button', { name: new RegExp(KEPT) }).click();
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  await expect(green.first()).toBeFocused();
  await expect(reader.article).toContainText('Update: this report was revised');
  await expect(reader.panel.getByText('Passage not found in the text:')).toBeVisible();

  // The article's own export still offers its file.
  const downloading = page.waitForEvent('download');
  await reader.panel.getByRole('button', { name: 'Web Annotation JSON' }).click();
  expect((await downloading).suggestedFilename()).toMatch(new RegExp(`${id}\\.json$`));

  // A note on the whole article, written in the Notes view, travels with the bookmarks.
  const notes = new NotesPage(page);
  await notes.open();
  await page.getByLabel('New note on', { exact: true }).selectOption({ label: SEED_TITLE });
  await page.getByRole('button', { name: 'Add note' }).click();
  await notes.editor(SEED_TITLE).fill('Read the **follow-up** report');
  await notes.editor(SEED_TITLE).blur();
  await expect(page.getByText('Saved')).toBeVisible();
  const before = await callApi<Annotation[]>(page, 'listAllAnnotations');
  expect(before).toHaveLength(4);

  // Export all through the Bookmarks view, delete everything in the UI, import the file back.
  const transfer = new AnnotationTransfer(page);
  await bookmarks.open();
  const zip = await transfer.exportAll('Markdown (.zip)', quire.homeDir);
  expect(path.basename(zip)).toMatch(/^Quire bookmarks and notes \d{4}-\d{2}-\d{2}\.zip$/);
  expect(readFileSync(zip).subarray(0, 2).toString()).toBe('PK');
  const exported = await transfer.exportAll('Web Annotation JSON', quire.homeDir);
  expect(path.basename(exported)).toMatch(/^Quire bookmarks and notes \d{4}-\d{2}-\d{2}\.json$/);
  await bookmarks.deleteAll();
  await notes.open();
  await notes.deleteAll();
  expect(await callApi<Annotation[]>(page, 'listAllAnnotations')).toEqual([]);

  // A file that is not an export is refused in one sentence, and changes nothing.
  const notJson = path.join(quire.homeDir, 'notes.json');
  writeFileSync(notJson, '# my notes');
  await transfer.importFile(notJson);
  await expect(transfer.status).toHaveText('This file is not JSON, so it cannot be a W3C Web Annotation export.');
  expect(await callApi<Annotation[]>(page, 'listAllAnnotations')).toEqual([]);

  await transfer.importFile(exported);
  await expect(transfer.status).toHaveText('Bookmarks and notes imported: 4 added, 0 updated, 0 unchanged, 0 skipped.');
  await expect(notes.editor(SEED_TITLE)).toHaveValue('Read the **follow-up** report');
  await expectAccessible(page, 'notes after an import');
  expect(await callApi<Annotation[]>(page, 'listAllAnnotations')).toEqual(before);

  // After a reload: every passage, colour and note is listed, and highlighted in the reader.
  await page.reload();
  await bookmarks.open();
  await expect(page.locator('.bookmark-item')).toHaveCount(3);
  await expect(bookmarks.item('Mediation between neighbours')).toHaveClass(/quire-color-green/);
  await expect(bookmarks.item('Which conference?')).toHaveClass(/quire-color-pink/);
  await expect(bookmarks.unplaced.getByText(DELETED)).toBeVisible();
  await expect(bookmarks.item('Visit to Tehran')).toHaveClass(/quire-color-yellow/);
  await bookmarks.list.getByRole('button', { name: new RegExp(KEPT) }).click();
  // Polled: the reader paints its marks after the article renders.
  await expect.poll(async () => (await green.allTextContents()).join('')).toBe(KEPT);
  await expect(reader.article.locator('mark.quire-color-pink').first()).toContainText('Baghdad conference');
  await expect(reader.panel.getByText('Passage not found in the text:')).toBeVisible();
  await expect(reader.panel.getByText('Read the follow-up report')).toBeVisible();

  // The same screen in the light theme.
  await callApi(page, 'setSettings', { theme: 'light' });
  await page.reload();
  await bookmarks.open();
  await expectAccessible(page, 'bookmarks in light');
  expect(consoleErrors).toEqual([]);
});

test('notes are written in the Notes view with a preview and saved as they are typed, even when the page closes at once', async ({
  page,
  quire,
  consoleErrors,
}) => {
  await page.goto(quire.url);
  const notes = new NotesPage(page);
  await notes.open();
  await page.getByLabel('New note on', { exact: true }).selectOption({ label: SEED_TITLE });
  await page.getByRole('button', { name: 'Add note' }).click();
  const editor = notes.editor(SEED_TITLE);
  await expect(editor).toBeFocused();
  await editor.pressSequentially('Ask about the **second** Baghdad conference');
  await expect(page.getByRole('region', { name: /^Preview of note on/ }).locator('strong')).toHaveText('second');
  await expectAccessible(page, 'notes in light');

  // Reloaded straight after typing: nothing is lost.
  await editor.press('End');
  await editor.pressSequentially(' (soon)');
  await page.reload();
  await notes.open();
  await expect(notes.editor(SEED_TITLE)).toHaveValue('Ask about the **second** Baghdad conference (soon)');
  await expect(page.getByText('Saved')).toBeVisible();
  const stored = await callApi<Annotation[]>(page, 'listAnnotations', await seedId(page));
  expect(stored.find((a) => a.kind === 'note')?.note).toBe('Ask about the **second** Baghdad conference (soon)');

  await callApi(page, 'setSettings', { theme: 'dark' });
  await page.reload();
  await notes.open();
  await expectAccessible(page, 'notes in dark');
  expect(consoleErrors).toEqual([]);
});

test('a right-to-left article is laid out right to left; its highlights and the typography settings pass axe in every theme', async ({
  page,
  quire,
}) => {
  await page.goto(quire.url);
  const [imported] = await callApi<{ article: ArticleMeta }[]>(page, 'importPaths', [RTL_PAGE]);
  // Highlights of every colour, so axe checks their contrast in each theme.
  for (const [quote, color] of [['Lorem ipsum dolor sit amet.', 'yellow'], ['consectetur adipisicing', 'green'], ['sed do eiusmod', 'blue'], ['Ut enim ad minim', 'pink'], ['quis nostrud', 'purple']]) {
    await callApi(page, 'createAnnotation', { articleId: imported!.article.id, kind: 'bookmark', passage: { quote }, color });
  }
  await page.reload();
  const library = new LibraryPage(page);
  await library.open('RTL Test');
  const reader = new ReaderPage(page);
  await expect(reader.article).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('.article-header')).toHaveAttribute('dir', 'rtl');
  await expect(reader.article.locator('mark.quire-highlight')).toHaveCount(5);
  // The article's column and header run right to left; each line of it finds its own direction.
  expect(await reader.article.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
  await expect(reader.article.locator('p').first()).toHaveAttribute('dir', 'auto');

  const controls = new ReaderControls(page);
  for (const theme of ['Light', 'Dark', 'Sepia'] as const) {
    await controls.setTheme(theme);
    await page.getByRole('button', { name: 'Text layout' }).click();
    await expect(page.getByRole('slider', { name: 'Line spacing' })).toBeVisible();
    await expectAccessible(page, `reader and text layout in ${theme}`);
    await page.getByRole('button', { name: 'Text layout' }).click();
  }
});

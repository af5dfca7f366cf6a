import path from 'node:path';
import type { ArticleMeta, ImportOutcome } from '../../../electron/shared/models';
import { expectAccessible } from '../support/accessibility';
import { expect, test } from '../support/browser-mode';
import { callApi, LibraryPage, SearchBox } from '../support/pages';

const CORPUS = path.resolve('tests/fixtures/corpus');

/**
 * The metadata people expect of a library, against the real core: the author shown and sorted by,
 * a finished article marked unread again, a title edited and found by search under its new name
 * only, and several articles moved to the trash at once and brought back with Undo.
 */
test('author shown and sorted by, unread again, an edited title found by search, bulk trash and Undo', async ({
  page,
  quire,
  consoleErrors,
}, testInfo) => {
  test.setTimeout(180_000);
  await page.goto(quire.url);
  const files = [
    path.join(CORPUS, 'epub', 'moby-dick.epub'),
    path.join(CORPUS, 'epub', 'childrens-literature.epub'),
    path.join(CORPUS, 'web-pages', 'bbc-1', 'source.html'),
    path.join(CORPUS, 'web-pages', 'lemonde-1', 'source.html'),
  ];
  const outcomes = await callApi<ImportOutcome[]>(page, 'importPaths', files);
  const [moby, children, bbc, lemonde] = outcomes.map((outcome) => {
    if (outcome.status !== 'imported') throw new Error(`${outcome.source} was not imported`);
    return outcome.article;
  }) as [ArticleMeta, ArticleMeta, ArticleMeta, ArticleMeta];
  // Moby-Dick read to its end, as scrolling through it would leave it.
  await callApi(page, 'setProgress', moby.id, { progress: 1, position: 1000 });
  await page.goto(quire.url);
  const library = new LibraryPage(page);
  await library.loaded();
  const row = (title: string) => page.getByRole('listitem').filter({ has: page.getByRole('button', { name: title, exact: true }) });

  // The book's author, not its publisher.
  await expect(row('Moby-Dick').getByText('Herman Melville')).toBeVisible();
  await expect(row('Moby-Dick').getByText('Harper & Brothers')).toHaveCount(0);

  await library.sortBy('Author');
  const ours = [bbc.title, children.title, moby.title, lemonde.title];
  await expect.poll(async () => (await library.titles()).filter((title) => ours.includes(title))).toEqual(ours);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: testInfo.outputPath('library-1280.png') });
  await page.setViewportSize({ width: 800, height: 700 });
  await page.screenshot({ path: testInfo.outputPath('library-800.png') });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: testInfo.outputPath('library-360.png') });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The same library as covers: the book's own cover picture, shown from the library's files.
  const layout = page.getByRole('group', { name: 'Show the library as' });
  await layout.getByRole('button', { name: 'Covers' }).click();
  const cover = page.locator(`[data-article-id="${moby.id}"] .article-cover img`);
  await expect(cover).toBeVisible();
  await expect.poll(() => cover.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBeGreaterThan(0);
  await page.screenshot({ path: testInfo.outputPath('covers-1280.png') });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: testInfo.outputPath('covers-360.png') });
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectAccessible(page, 'the library as covers');
  await layout.getByRole('button', { name: 'List' }).click();

  // Finished by scrolling, marked unread again: the row says so, after a reload too (it is on disk).
  await expect(row('Moby-Dick').locator('.progress-badge')).toHaveText('Progress: finished');
  await page.getByRole('button', { name: 'Mark Moby-Dick unread' }).click();
  await expect(row('Moby-Dick').locator('.progress-badge')).toHaveText('Progress: unread');
  await page.goto(quire.url);
  await library.loaded();
  await expect(row('Moby-Dick').locator('.progress-badge')).toHaveText('Progress: unread');

  // An edit refused in a sentence changes nothing; an edit saved is what search finds.
  await page.getByRole('button', { name: 'Edit details of Moby-Dick' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit details' });
  await dialog.getByLabel('Title').fill('   ');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('A title cannot be empty.');
  await expectAccessible(page, 'the edit dialog with its error');
  await dialog.getByLabel('Title').fill('Quillfeather Voyages');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(library.articleButton('Quillfeather Voyages')).toBeVisible();

  const search = new SearchBox(page);
  await search.search('quillfeather');
  await expect(search.results.locator('.search-group-head .search-hit-title')).toHaveText(['Quillfeather Voyages']);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Edit details of Quillfeather Voyages' }).click();
  await dialog.getByLabel('Title').fill('The Whale');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(library.articleButton('The Whale')).toBeVisible();
  await search.search('quillfeather');
  await expect(search.summary).toHaveText('No results for “quillfeather”');
  await page.keyboard.press('Escape');

  // Two articles to the trash at once, and Undo brings both back.
  await library.select(bbc.title);
  await library.select(lemonde.title);
  await expectAccessible(page, 'the library with a selection and its actions');
  await page.getByRole('group', { name: 'Actions on the selected articles' }).getByRole('button', { name: 'Move to trash' }).click();
  const moved = page.getByRole('status').filter({ hasText: 'Moved 2 articles to trash' });
  await expect(moved).toBeVisible();
  await expect.poll(async () => (await library.titles()).filter((title) => [bbc.title, lemonde.title].includes(title))).toEqual([]);
  await moved.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await library.titles()).filter((title) => [bbc.title, lemonde.title].includes(title)).length).toBe(2);
  expect(consoleErrors).toEqual([]);
});

test('the grid of covers keeps only the rows near the window in the page with 10,000 articles', async ({ page, quire, consoleErrors }) => {
  // The library's answer made 10,000 long (importing as many would take minutes): the page's own work is what is measured.
  await page.route('**/api/listArticles', async (route) => {
    const response = await route.fetch();
    const real = (await response.json()) as { value: ArticleMeta[] };
    const sample = real.value[0]!;
    const many = Array.from({ length: 10_000 }, (_, i) => ({
      ...sample,
      id: `vol-${i + 1}`,
      title: `Volume ${i + 1}`,
      contentHash: `hash-${i + 1}`,
      addedAt: new Date(Date.UTC(2020, 0, 1) + (10_000 - i) * 60_000).toISOString(),
    }));
    await route.fulfill({ response, json: { ok: true, value: many } });
  });
  await page.goto(quire.url);
  await expect(page.getByText('10,000 articles')).toBeVisible();
  await page.getByRole('group', { name: 'Show the library as' }).getByRole('button', { name: 'Covers' }).click();
  const grid = page.getByRole('list', { name: 'Articles' });
  await expect(grid.getByRole('button', { name: 'Volume 1', exact: true })).toBeVisible();
  const rendered = await grid.getByRole('listitem').count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(100);

  await grid.getByRole('button', { name: 'Volume 1', exact: true }).focus();
  await page.keyboard.press('End');
  await expect(grid.getByRole('button', { name: 'Volume 10000', exact: true })).toBeFocused();
  expect(await grid.getByRole('listitem').count()).toBeLessThan(100);
  expect(consoleErrors).toEqual([]);
});

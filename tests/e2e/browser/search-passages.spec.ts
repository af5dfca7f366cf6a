import path from 'node:path';
import type { ImportOutcome } from '../../../electron/shared/models';
import { expectAccessible } from '../support/accessibility';
import { expect, test } from '../support/browser-mode';
import { callApi, SearchBox } from '../support/pages';

/**
 * A real book and real pages in three languages: a query typed as people type it (common words
 * and all) finds the book first, lists it once with its best places, and "and N more in this
 * article" opens the reader on every match.
 */
const CORPUS = path.resolve('tests/fixtures/corpus');

test('natural queries find the book, which is listed once with its best places and the rest a click away', async ({ page, quire, consoleErrors }) => {
  await page.goto(quire.url);
  const files = [
    path.join(CORPUS, 'epub', 'moby-dick.epub'),
    path.join(CORPUS, 'web-pages', 'lemonde-1', 'source.html'),
    path.join(CORPUS, 'web-pages', 'heise', 'source.html'),
    path.join(CORPUS, 'web-pages', 'guardian-1', 'source.html'),
  ];
  const outcomes = await callApi<ImportOutcome[]>(page, 'importPaths', files);
  expect(outcomes.map((outcome) => outcome.status)).toEqual(['imported', 'imported', 'imported', 'imported']);

  const search = new SearchBox(page);
  const titles = search.results.locator('.search-group-head .search-hit-title');
  // "call" and "me" are common words; a French and a German page are in the library.
  await search.search('call me ishmael');
  await expect(titles.first()).toHaveText('Moby-Dick');

  await search.search('whale');
  const book = search.results.getByRole('group', { name: /^Moby-Dick/ });
  const rows = book.getByRole('option');
  // Its three best places, then the others, counted.
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(3)).toHaveAccessibleName(/^And \d+ more places in Moby-Dick: open the article with every match listed$/);
  const more = Number(/(\d+)/.exec((await rows.nth(3).textContent()) ?? '')?.[1]);
  expect(more).toBeGreaterThan(10);
  for (const row of [rows.nth(0), rows.nth(1), rows.nth(2)]) await expect(row.locator('mark').first()).toHaveText(/^whales?$/i);
  await expectAccessible(page, 'search results with the places of an article');

  await rows.nth(3).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Moby-Dick' })).toBeVisible();
  // The reader steps through every match of the book, more than the list showed.
  const count = page.getByRole('group', { name: 'Search matches' }).locator('.search-match-count');
  await expect(count).toHaveText(/^1 of \d+$/);
  const total = Number(/of (\d+)/.exec((await count.textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThan(more);

  expect(consoleErrors).toEqual([]);
});

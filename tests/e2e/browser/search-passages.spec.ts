import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  // Counts are written as people read them: 1,149.
  const number = (text: string) => Number(text.replace(/\D/g, ''));
  await expect(rows.nth(3)).toHaveAccessibleName(/^And [\d,]+ more places in Moby-Dick: open the article with every match listed$/);
  const more = number(/([\d,]+) more/.exec((await rows.nth(3).textContent()) ?? '')?.[1] ?? '');
  expect(more).toBeGreaterThan(10);
  for (const row of [rows.nth(0), rows.nth(1), rows.nth(2)]) await expect(row.locator('mark').first()).toHaveText(/^whales?$/i);
  await expectAccessible(page, 'search results with the places of an article');

  // The count line says what the whole query found: every group's places added up, no "at least"
  // when every text was read.
  const groups = search.results.locator('.search-group-count');
  const perGroup = (await groups.allTextContents()).map((label) => number(/^([\d,.\s]+) passages?/.exec(label)?.[1] ?? '0'));
  const total = perGroup.reduce((sum, count) => sum + count, 0);
  await expect(search.summary).toHaveText(/^\d+ articles · [\d,.\s]+ passages$/);
  const [articlesPart, passagesPart] = ((await search.summary.textContent()) ?? '').split(' · ');
  expect(number(articlesPart ?? '')).toBe(perGroup.length);
  expect(number(passagesPart ?? '')).toBe(total);
  expect(total).toBeGreaterThan(more + 3);

  await rows.nth(3).click();
  // A whole 215,000-word book is laid out before its title shows: seconds, more on a busy machine.
  await expect(page.getByRole('heading', { level: 1, name: 'Moby-Dick' })).toBeVisible({ timeout: 30_000 });
  // The reader steps through every match of the book, more than the list showed.
  const count = page.getByRole('group', { name: 'Search matches' }).locator('.search-match-count');
  await expect(count).toHaveText(/^1 of [\d,]+$/);
  const matches = number(/of ([\d,]+)/.exec((await count.textContent()) ?? '')?.[1] ?? '');
  expect(matches).toBeGreaterThan(more);

  expect(consoleErrors).toEqual([]);
});

test('the count line counts past the first page, says "at least" until every text was read, and Load more brings the rest', async ({ page, quire, consoleErrors }) => {
  await page.goto(quire.url);
  // 55 notes, each naming the lantern twice, far apart: two places in every text.
  const folder = mkdtempSync(path.join(tmpdir(), 'quire-lanterns-'));
  try {
    const filler = 'The path went on between the fields and the hedges, past the farm and the old barn by the stream. '.repeat(4);
    for (let i = 1; i <= 55; i += 1) {
      writeFileSync(path.join(folder, `walk-${i}.txt`), `Walk ${i}\n\nOn walk ${i} a lantern hung by the gate. ${filler}At the end a lantern lit the door.\n`);
    }
    const outcomes = await callApi<ImportOutcome[]>(page, 'importPaths', [folder]);
    expect(outcomes.filter((outcome) => outcome.status === 'imported')).toHaveLength(55);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }

  const search = new SearchBox(page);
  await search.search('lantern');
  // The first 50 texts were read (two places each); the other five count one place each until read.
  await expect(search.summary).toHaveText('55 articles · at least 105 passages · showing the best 50 articles');
  await expect(search.results.getByRole('group')).toHaveCount(50);

  await page.getByRole('button', { name: 'Load more results' }).click();
  await expect(search.results.getByRole('group')).toHaveCount(55);
  await expect(search.summary).toHaveText('55 articles · 110 passages');
  await expect(page.getByRole('button', { name: 'Load more results' })).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

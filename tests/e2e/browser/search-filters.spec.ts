import path from 'node:path';
import type { ArticleMeta, ImportOutcome } from '../../../electron/shared/models';
import { expectAccessible } from '../support/accessibility';
import { expect, test } from '../support/browser-mode';
import { callApi, SearchBox } from '../support/pages';

/**
 * Four articles that all mention "zorblatt": a French web page published 2019 (the word is
 * everywhere), an English one published 2023 (with a note that says it, which ranks first), Markdown tagged
 * Fieldwork/Climate and a German text file (both dated by their import, today).
 */
const FIXTURES = path.resolve('tests/fixtures/search-filters');
const FRENCH = 'Les glaciers des Alpes reculent';
const ENGLISH = 'Walking on the Perito Moreno glacier';
const MARKDOWN = 'Field notes on ice cores';
const GERMAN = 'Die Gletscher der Ostalpen';

test('search results narrow by tag, format, language and date, sort newest first, and clear', async ({ page, quire, consoleErrors }, testInfo) => {
  await page.goto(quire.url);
  const files = ['glaciers-fr.html', 'glaciers-en.html', 'field-notes.md', 'gletscher-de.txt'].map((name) => path.join(FIXTURES, name));
  const outcomes = await callApi<ImportOutcome[]>(page, 'importPaths', files);
  expect(outcomes.map((outcome) => outcome.status)).toEqual(['imported', 'imported', 'imported', 'imported']);
  const articles = await callApi<ArticleMeta[]>(page, 'listArticles');
  const english = articles.find((article) => article.title === ENGLISH)!;
  await callApi(page, 'createAnnotation', { articleId: english.id, kind: 'note', note: 'Ask the guide where the zorblatt dust comes from.' });

  const search = new SearchBox(page);
  const titles = search.results.locator('.search-group-head .search-hit-title');
  await search.search('zorblatt');
  // Every place a text matches is a passage: the French page's five mentions stand in three
  // places (two pairs close together and one apart), the others' one each, and the note.
  await expect(search.summary).toHaveText('4 articles · 7 passages (1 note)');
  // Your own note is what you meant to find: its article comes before the page that only says
  // the word most often.
  await expect(titles.first()).toHaveText(ENGLISH);
  await expect(titles).toHaveCount(4);

  // Only what the library holds is offered, with readable names.
  await expect(search.filters.getByLabel('Language').getByRole('option')).toHaveText(['Any language', 'German', 'English', 'French']);
  await expect(search.filters.getByLabel('Format').getByRole('option')).toHaveText(['Any format', 'Web page', 'Markdown', 'Plain text']);

  await search.filterBy('Format', 'Web page');
  await expect(titles).toHaveText([ENGLISH, FRENCH]);
  await expect(search.summary).toHaveText('2 articles · 5 passages (1 note)');
  await expect(page.getByRole('button', { name: 'Clear filters' })).toBeVisible();

  await search.filterBy('Language', 'French');
  await expect(titles).toHaveText([FRENCH]);
  await search.filterBy('Language', 'German');
  await expect(search.summary).toHaveText('No results with these filters');
  await expect(titles).toHaveCount(0);

  await search.clearFilters();
  await expect(titles).toHaveCount(4);
  await expect(search.input).toBeFocused();
  await expect(page.getByRole('button', { name: 'Clear filters' })).toHaveCount(0);

  await search.filterBy('Tag', 'Fieldwork');
  await expect(titles).toHaveText([MARKDOWN]);
  await expect(search.results).toContainText('ice cores');
  await search.clearFilters();

  // Dates: the published day, else the day it was imported.
  await search.setDate('To', '2020-12-31');
  await expect(titles).toHaveText([FRENCH]);
  // Each group says its date (the one filtered on) and format, carried by the hits themselves.
  await expect(search.results.locator('.search-group-facts')).toHaveText([/2019 · Web page$/]);
  await search.setDate('To', '');
  await search.setDate('From', '2023-01-01');
  await expect(titles).toHaveCount(3);
  expect(await titles.allTextContents()).not.toContain(FRENCH);
  await search.setDate('From', '');
  await expect(titles).toHaveCount(4);

  // Newest first: today's imports, then 2023, then 2019 (the page saying the word most goes last).
  await search.sortBy('Newest first');
  await expect(titles.nth(2)).toHaveText(ENGLISH);
  await expect(titles.nth(3)).toHaveText(FRENCH);
  expect((await titles.allTextContents()).slice(0, 2).sort()).toEqual([GERMAN, MARKDOWN].sort());
  await search.sortBy('Relevance');
  await expect(titles.first()).toHaveText(ENGLISH);

  // A user who filters, opens a result and comes back finds the same filtered results.
  await search.filterBy('Format', 'Web page');
  await expect(titles).toHaveText([ENGLISH, FRENCH]);
  await page.screenshot({ path: testInfo.outputPath('search-filters-light.png') });
  await expectAccessible(page, 'search results with filters');
  await search.input.focus();
  await search.input.press('ArrowDown');
  await search.input.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: ENGLISH })).toBeVisible();
  await page.getByRole('button', { name: /Back to library/ }).click();
  await search.input.click();
  await expect(search.input).toHaveValue('zorblatt');
  await expect(search.filters.getByLabel('Format')).toHaveValue('html');
  await expect(titles).toHaveText([ENGLISH, FRENCH]);

  expect(consoleErrors).toEqual([]);
});

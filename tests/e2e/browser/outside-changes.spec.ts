/**
 * `quire serve` shows what another process did to its library without a reload of the page: a
 * title and tag changed in article.json by another program, and an article folder deleted.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../support/browser-mode';
import { LibraryPage } from '../support/pages';

/** The article folder whose article.json has a title matching `title`. */
function articleFolder(libraryDir: string, title: RegExp): string {
  const articles = path.join(libraryDir, 'articles');
  for (const id of readdirSync(articles)) {
    const metaFile = path.join(articles, id, 'article.json');
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as { title: string };
    if (title.test(meta.title)) return path.join(articles, id);
  }
  throw new Error(`no article titled ${String(title)} in ${libraryDir}`);
}

test('a rename and a deletion made by another process show in the open page', async ({ page, quire, consoleErrors }) => {
  const library = new LibraryPage(page);
  await page.goto(quire.url);
  await expect(library.articleButton(/Welcome to Quire/)).toBeVisible();
  const titlesBefore = await library.titles();
  expect(titlesBefore.length).toBeGreaterThanOrEqual(2);

  // Another program (a second machine through a sync tool, an editor) rewrites article.json.
  const welcome = articleFolder(quire.libraryDir, /Welcome to Quire/);
  const metaFile = path.join(welcome, 'article.json');
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Record<string, unknown>;
  writeFileSync(metaFile, JSON.stringify({ ...meta, title: 'Renamed on another machine' }, null, 2));
  await expect(library.articleButton(/Renamed on another machine/)).toBeVisible({ timeout: 10_000 });
  await expect(library.articleButton(/Welcome to Quire/)).toHaveCount(0);

  // And deletes the article's folder.
  rmSync(welcome, { recursive: true, force: true });
  await expect(library.articleButton(/Renamed on another machine/)).toHaveCount(0, { timeout: 10_000 });
  expect(await library.titles()).toHaveLength(titlesBefore.length - 1);
  expect(consoleErrors).toEqual([]);
});

/**
 * `quire serve` shows what another process did to its library without a reload of the page: a
 * title and tag changed in article.json by another program, and an article folder deleted; and
 * the open article, given new text by `quire import --replace` in a terminal, changes in the
 * reader, which stays where the reader was.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../support/browser-mode';
import { LibraryPage, ReaderControls, ReaderPage } from '../support/pages';
import { runQuire } from '../../support/run-quire';

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

test('the open article changes in the reader when a terminal gives it new text, and the reader keeps its place', async ({ page, quire, consoleErrors }) => {
  const library = new LibraryPage(page);
  const reader = new ReaderPage(page);
  await page.goto(quire.url);
  const folder = articleFolder(quire.libraryDir, /Welcome to Quire/);
  const id = path.basename(folder);
  // A long article, so the reader has somewhere to scroll to.
  const paragraphs = Array.from({ length: 80 }, (_, i) => `Paragraph ${i + 1} of the first version, long enough to fill a line or two of the reader on its own.`);
  const first = path.join(quire.homeDir, 'first.txt');
  writeFileSync(first, `Welcome to Quire\n\n${paragraphs.join('\n\n')}`);
  expect((await runQuire(quire.homeDir, quire.libraryDir, ['import', '--replace', id, first])).code).toBe(0);

  await library.open(/Welcome to Quire/);
  await new ReaderControls(page).scrollToText('Paragraph 60 of the first version');
  await expect(reader.article).toContainText('Paragraph 60 of the first version');

  // Another process (here `quire` in a terminal, sent to this serve) gives the open article new text.
  const second = path.join(quire.homeDir, 'second.txt');
  writeFileSync(second, `Welcome to Quire\n\n${paragraphs.map((p) => p.replace('first version', 'second version')).join('\n\n')}`);
  const replaced = await runQuire(quire.homeDir, quire.libraryDir, ['import', '--replace', id, second]);
  expect(replaced.code, replaced.stderr).toBe(0);
  expect(replaced.stdout).toMatch(/^replaced /);

  await expect(reader.article).toContainText('Paragraph 60 of the second version');
  await expect(reader.article).not.toContainText('first version');
  // Still near paragraph 60: the reader was not opened again at the top.
  const visible = await reader.article.evaluate((root) => {
    const top = root.getBoundingClientRect().top;
    const paragraphsShown = [...root.querySelectorAll('p')].filter((p) => p.getBoundingClientRect().bottom > Math.max(top, 0) && p.getBoundingClientRect().top < window.innerHeight);
    return paragraphsShown.map((p) => p.textContent ?? '');
  });
  expect(visible.some((text) => text.startsWith('Paragraph 60 of the second version'))).toBe(true);
  expect(consoleErrors).toEqual([]);
});

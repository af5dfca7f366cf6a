import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expectAccessible } from '../support/accessibility';
import { expect, test } from '../support/browser-mode';
import { LibraryPage, TrashPage } from '../support/pages';
import { WEB_PAGES_DIR } from '../../support/corpus-paths';

const WEB_PAGES = WEB_PAGES_DIR;

/** A folder of real web pages as someone would have saved them: one sub-folder per page. */
function pagesFolder(): string {
  const folder = path.join(mkdtempSync(path.join(tmpdir(), 'quire-pages-')), 'saved pages');
  for (const name of readdirSync(WEB_PAGES)) {
    cpSync(path.join(WEB_PAGES, name, 'source.html'), path.join(folder, name, 'source.html'));
  }
  // What else such folders hold: not documents, so skipped rather than failed.
  writeFileSync(path.join(folder, 'bbc-1', 'style.css'), 'p { margin: 0 }');
  writeFileSync(path.join(folder, 'bbc-1', 'thumbnail.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  return folder;
}

test('a folder of real pages imports with progress, then tags, filters, sorting, delete with Undo and empty trash', async ({
  page,
  quire,
  consoleErrors,
}) => {
  test.setTimeout(300_000);
  const folder = pagesFolder();
  const library = new LibraryPage(page);
  await page.goto(quire.url);
  await expect(library.articleButton(/Welcome to Quire/)).toBeVisible();

  await library.importFolder(folder);
  await expect(library.importProgress).toBeVisible();
  await expect(library.importProgress).toContainText(/Importing \d+ of 24/);
  await expect(library.importProgress.getByRole('button', { name: 'Cancel import' })).toBeEnabled();
  await expect(library.importSummary).toBeVisible({ timeout: 180_000 });
  await expect(library.importSummary).toHaveAccessibleName('Import finished');
  // Every document is accounted for: imported, already in the library, or failed with a reason;
  // the stylesheet and the image are left out as what they are, not reported as failures.
  const counts = (await library.importSummary.locator('.import-summary-counts').textContent()) ?? '';
  const [imported, duplicates, failed] = ['Imported', 'Already in library', 'Failed'].map((label) => Number(new RegExp(`${label} (\\d+)`).exec(counts)?.[1]));
  expect(imported! + duplicates! + failed!).toBe(24);
  expect(imported).toBeGreaterThanOrEqual(20);
  expect(counts).toContain('Not documents, left out 2 (.css 1, .png 1)');
  await expectAccessible(page, 'library');

  const bbc = /Obama admits US gun laws/;
  const guardian = /Māori tribes fearful over whale strandings/;
  await library.select(bbc);
  await library.select(guardian);
  await library.addTagToSelected('Reading list');
  await expect(page.getByText('Tagged 2 articles “Reading list”')).toBeVisible();
  await page.getByRole('button', { name: 'Clear selection' }).click();

  await library.filterByTag('Reading list');
  await expect(page.getByText(/^2 of \d+ articles$/)).toBeVisible();
  await library.sortBy('Title');
  const titles = await library.titles();
  expect(titles).toHaveLength(2);
  expect(titles[0]).toMatch(guardian); // "'What is the sea telling us?': Māori…" sorts before "Obama…"
  expect(titles[1]).toMatch(bbc);
  await expectAccessible(page, 'library');

  const bbcTitle = titles[1]!;
  await library.moveToTrash(bbcTitle);
  // The row leaves once the server has moved the folder; on a loaded machine that is not instant.
  await expect(page.getByRole('status')).toContainText('Moved to trash');
  await expect.poll(() => library.titles()).toEqual([titles[0]]);
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => library.titles()).toEqual(titles);

  await library.moveToTrash(bbcTitle);
  const trash = new TrashPage(page);
  await trash.open();
  await expect(page.getByRole('button', { name: `Restore ${bbcTitle}` })).toBeVisible();
  await trash.emptyTrash();
  await expect(page.getByText('The trash is empty.')).toBeVisible();
  expect(readdirSync(path.join(quire.libraryDir, 'trash'))).toEqual([]);
  expect(consoleErrors).toEqual([]);
  rmSync(path.dirname(folder), { recursive: true, force: true });
});

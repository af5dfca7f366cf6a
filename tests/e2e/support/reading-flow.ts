import { expect, type Page } from '@playwright/test';
import { expectAccessible } from './accessibility';
import { LibraryPage, ReaderPage, SearchBox } from './pages';

export const SEED_TITLE = "Iraq: Regional security impacts Iraq, relations with Iran 'strong'";

/**
 * The foundation's whole user journey, shared by the browser-mode and Electron-mode specs:
 * sample article listed → search → open the hit at the passage → bookmark a selection with a
 * note → reload → still there → the note is searchable → delete → restore.
 */
export async function readingFlow(page: Page): Promise<void> {
  const library = new LibraryPage(page);
  const search = new SearchBox(page);
  const reader = new ReaderPage(page);

  await expect(library.articleButton(SEED_TITLE)).toBeVisible();
  await expect(library.articleButton(/Welcome to Quire/)).toBeVisible();
  await expectAccessible(page, 'library');

  // Search finds the passage, with the matched words marked.
  await search.search('Fuad Hussein');
  const hit = search.result(/Fuad/);
  await expect(hit).toBeVisible();
  await expect(search.results.locator('mark').first()).toHaveText(/Fuad|Hussein/);
  await expectAccessible(page, 'search results');
  await search.input.press('ArrowDown');
  await search.input.press('Enter');

  // The reader opens at the passage, every match highlighted.
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  const matches = reader.article.locator('.quire-search-match');
  await expect(matches.first()).toBeVisible();
  await expect.poll(() => matches.count()).toBeGreaterThanOrEqual(2);
  await expectAccessible(page, 'reader');
  // An article's status line gives the time left in it; an article is not called a book.
  const status = page.locator('.reading-status-text');
  await expect(status).toContainText(/\d+%.*left/);
  await expect(status).not.toContainText('book');

  // Bookmark a selected passage with a note.
  const passage = 'Iraq is trying to bridge the views of neighboring countries';
  await reader.selectText(passage);
  await page.getByRole('button', { name: 'Bookmark selection' }).click();
  const dialog = page.getByRole('dialog', { name: 'New bookmark' });
  await expectAccessible(page, 'bookmark dialog');
  await dialog.getByRole('radio', { name: 'Green' }).check();
  await dialog.getByRole('textbox', { name: 'Note' }).fill('Mediation between Gulf neighbours – ask Layla about zanzibarite');
  await dialog.getByRole('button', { name: 'Save bookmark' }).click();
  await expect(reader.panel.getByText(passage)).toBeVisible();
  await expect(reader.article.locator('.quire-highlight', { hasText: 'bridge the views' })).toBeVisible();

  // After a reload, the bookmark and its note are still there.
  await page.reload();
  await library.open(SEED_TITLE);
  await expect(reader.panel.getByText(passage)).toBeVisible();
  await expect(reader.panel.getByText(/zanzibarite/)).toBeVisible();
  await expect(reader.article.locator('.quire-highlight', { hasText: 'bridge the views' })).toBeVisible();

  // The note's words are searchable, and the hit says it is a bookmark.
  await search.search('zanzibarite');
  await expect(search.result(/zanzibarite/)).toBeVisible();
  await expect(search.results.getByText(/Bookmark/).first()).toBeVisible();
  await search.input.press('Escape');

  // Delete, then restore from the trash.
  await page.getByRole('button', { name: 'Back to library' }).click().catch(() => {});
  await library.moveToTrash(SEED_TITLE);
  await expect(library.articleButton(SEED_TITLE)).toHaveCount(0);
  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  await expectAccessible(page, 'trash');
  await page.getByRole('button', { name: `Restore ${SEED_TITLE}` }).click();
  await page.getByRole('button', { name: 'Library', exact: true }).click().catch(() => {});
  await expect(library.articleButton(SEED_TITLE)).toBeVisible();

}

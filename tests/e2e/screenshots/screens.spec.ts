/**
 * A PNG of each screen (library, reader, find in the article, an Arabic article, search, bookmarks,
 * notes, reading settings) in the light and dark themes, into docs/screenshots/, for a person to look at.
 * Run with `npm run screenshots` (after `npm run build`).
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { ArticleMeta, ImportOutcome } from '../../../electron/shared/models';
import { expect, test } from '../support/browser-mode';
import { BookmarksPage, callApi, LibraryPage, NotesPage, ReaderPage } from '../support/pages';
import { SEED_TITLE } from '../support/reading-flow';
import { ARABIC_TITLE, MENU_BELOW, SCREENS, seedEveryScreen, WINDOW_SIZES } from '../support/responsive';
import { shoot } from './shots';

const ARABIC = path.resolve('tests/fixtures/screenshots/arabic-article.md');

async function annotate(page: Page): Promise<void> {
  const articles = await callApi<ArticleMeta[]>(page, 'listArticles');
  const seed = articles.find((a) => a.title === SEED_TITLE)!;
  const [arabic] = await callApi<ImportOutcome[]>(page, 'importPaths', [ARABIC]);
  if (arabic?.status !== 'imported') throw new Error('the Arabic article was not imported');
  const marks = [
    [seed.id, 'Iraq is trying to bridge the views of neighboring countries', 'green', 'Mediation between neighbours'],
    [seed.id, 'the first Baghdad conference was held', 'pink', 'Which conference?'],
    [seed.id, 'Fuad Hussein', 'yellow', ''],
    [arabic.article.id, 'المكتبة الشخصية التي تعمل دون اتصال بالإنترنت', 'blue', 'فكرة المقالة كلها في هذه الجملة.'],
    [arabic.article.id, 'يدعم Quire ملفات EPUB وPDF', 'purple', ''],
  ] as const;
  for (const [articleId, quote, color, note] of marks) {
    await callApi(page, 'createAnnotation', { articleId, kind: 'bookmark', passage: { quote }, color, note });
  }
  await callApi(page, 'createAnnotation', { articleId: seed.id, kind: 'note', note: 'Compare with the **second** report on the same talks.' });
  await callApi(page, 'createAnnotation', { articleId: arabic.article.id, kind: 'note', note: 'ملاحظة على المقالة كلها: تصلح مقدمةً للدليل.' });
}

test('every screen in light and dark', async ({ page, quire }) => {
  await page.goto(quire.url);
  await annotate(page);
  const library = new LibraryPage(page);
  const reader = new ReaderPage(page);

  for (const theme of ['light', 'dark'] as const) {
    await callApi(page, 'setSettings', { theme });
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
    await expect(library.articleButton(ARABIC_TITLE)).toBeVisible();
    await shoot(page, `library-${theme}`);

    const search = page.getByRole('searchbox', { name: 'Search library' });
    await search.fill('Baghdad conference');
    await expect(page.getByRole('listbox').getByRole('option').first()).toBeVisible();
    await shoot(page, `search-${theme}`);
    await search.fill('');
    await search.press('Escape');

    await library.open(SEED_TITLE);
    await expect(reader.article.locator('mark.quire-color-green').first()).toBeVisible();
    await shoot(page, `reader-${theme}`);
    // Find in the article (Ctrl+F): every match painted, the current one distinct.
    await page.keyboard.press('Control+f');
    await page.getByRole('textbox', { name: 'Find in article' }).pressSequentially('iraq');
    await expect(page.getByRole('search', { name: 'Find in article' })).toContainText('1 of');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('search', { name: 'Find in article' })).toContainText('2 of');
    await shoot(page, `reader-find-${theme}`);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Text layout' }).click();
    await expect(page.getByRole('slider', { name: 'Line spacing' })).toBeVisible();
    await shoot(page, `settings-${theme}`);
    await page.getByRole('button', { name: 'Text layout' }).click();

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Library' }).click();
    await library.open(ARABIC_TITLE);
    await expect(reader.article).toHaveAttribute('dir', 'rtl');
    await expect(reader.article.locator('mark.quire-color-blue').first()).toBeVisible();
    await shoot(page, `reader-arabic-${theme}`);

    await new BookmarksPage(page).open();
    await shoot(page, `bookmarks-${theme}`);
    await new NotesPage(page).open();
    await shoot(page, `notes-${theme}`);
  }
});

/**
 * Every screen at every window size (phone to 4K) in light and dark, named
 * `<screen>-<width>-<theme>.png`: what the responsive layout looks like, for a person to check.
 */
for (const size of WINDOW_SIZES) {
  test(`every screen at ${size.width}×${size.height} in light and dark`, async ({ page, quire }) => {
    await page.setViewportSize(size);
    await page.goto(quire.url);
    await seedEveryScreen(page);
    for (const theme of ['light', 'dark'] as const) {
      await callApi(page, 'setSettings', { theme });
      await page.reload();
      for (const screen of SCREENS) {
        if (screen.narrowOnly && size.width >= MENU_BELOW) continue;
        await screen.show(page);
        await shoot(page, `${screen.name}-${size.width}-${theme}`);
      }
      await page.keyboard.press('Escape'); // the note dialog the walk ends with
    }
  });
}

/**
 * Every screen at every window size, from a phone to a 4K screen: nothing wider than the window
 * (the page, the reading column, any visible control) and the controls people need in reach. Then
 * the keyboard paths the narrow layout adds: the header menu, the bookmarks drawer, focus mode,
 * and Escape / Alt+← back to where the article was opened from.
 */
import { expectAccessible } from '../support/accessibility';
import { expect, test } from '../support/browser-mode';
import { LibraryPage, ReaderPage, SearchBox } from '../support/pages';
import { SEED_TITLE } from '../support/reading-flow';
import { expectNoOverflow, SCREENS, seedEveryScreen, WINDOW_SIZES } from '../support/responsive';

for (const size of WINDOW_SIZES) {
  test(`no screen overflows a ${size.width}×${size.height} window`, async ({ page, quire, consoleErrors }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    await page.goto(quire.url);
    await seedEveryScreen(page);
    await page.reload();
    // The search box's hint names the key that reaches it, but on a phone, where it is the search's name alone.
    const hint = size.width <= 520 ? 'Search library' : 'Search your library (Ctrl+K)';
    await expect(page.getByRole('searchbox', { name: 'Search library' })).toHaveAttribute('placeholder', hint);
    for (const screen of SCREENS) {
      await test.step(screen.name, async () => {
        await screen.show(page);
        await expectNoOverflow(page, screen.name);
      });
    }
    expect(consoleErrors).toEqual([]);
  });
}

test('a narrow window: the header menu and the bookmarks drawer by keyboard, named, closed by Escape', async ({ page, quire }) => {
  await page.setViewportSize({ width: 800, height: 700 });
  await page.goto(quire.url);
  await seedEveryScreen(page);
  await page.reload();

  const menu = page.getByRole('button', { name: 'Menu' });
  await menu.focus();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  const sections = page.getByRole('navigation', { name: 'Sections' });
  await expect(sections).toBeVisible();
  await expectAccessible(page, 'open header menu');
  await page.keyboard.press('Tab');
  await expect(sections.getByRole('button', { name: 'Library' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(sections).toBeHidden();
  await expect(menu).toBeFocused();
  // A choice closes the menu.
  await menu.click();
  await sections.getByRole('button', { name: 'Notes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notes' })).toBeVisible();
  await expect(sections).toBeHidden();

  // The reader: the panel is a drawer; opened from the toolbar it takes the focus, Escape gives it back.
  await menu.click();
  await sections.getByRole('button', { name: 'Library' }).click();
  await new LibraryPage(page).open(SEED_TITLE);
  const reader = new ReaderPage(page);
  await expect(reader.panel).toBeHidden();
  const drawerButton = page.getByRole('button', { name: 'Bookmarks and notes (3)' });
  await drawerButton.click();
  await expect(reader.panel).toBeVisible();
  await expect(reader.panel.getByRole('heading', { name: /Bookmarks and notes/ })).toBeFocused();
  await expectAccessible(page, 'reader with the drawer open');
  await page.keyboard.press('Escape');
  await expect(reader.panel).toBeHidden();
  await expect(drawerButton).toBeFocused();
  // The drawer was open, so that Escape did not leave the reader; the next one does.
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  await expect(new LibraryPage(page).articleButton(SEED_TITLE)).toBeFocused();
});

test('Escape and Alt+← go back to where the article was opened from; focus mode hides the chrome until asked', async ({ page, quire }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(quire.url);
  await seedEveryScreen(page);
  await page.reload();
  const library = new LibraryPage(page);
  const reader = new ReaderPage(page);

  // From search results: back to them, same query.
  const search = new SearchBox(page);
  await search.search('Baghdad conference');
  await expect(search.results.getByRole('option').first()).toBeVisible();
  await search.input.press('ArrowDown');
  await search.input.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  await reader.article.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(search.input).toBeFocused();
  await expect(search.input).toHaveValue('Baghdad conference');
  await expect(search.results.getByRole('option').first()).toBeVisible();
  await search.input.press('Escape');

  // Find bar open: Escape closes it first, and only then goes back.
  await library.open(SEED_TITLE);
  await expect(reader.article.locator('mark.quire-color-green').first()).toBeVisible();
  await reader.article.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+f');
  const findBar = page.getByRole('search', { name: 'Find in article' });
  await expect(findBar).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(findBar).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();

  // Focus mode (F): header, toolbar and panel step aside; the top edge or Tab bring the toolbar back.
  await page.keyboard.press('f');
  const back = page.getByRole('button', { name: 'Back to library' });
  await expect(back).not.toBeInViewport();
  await expect(page.getByRole('searchbox', { name: 'Search library' })).not.toBeInViewport();
  await expect(reader.panel).toBeHidden();
  await page.mouse.move(640, 4);
  await expect(back).toBeInViewport();
  await page.mouse.move(640, 500);
  await expect(back).not.toBeInViewport();
  await back.focus();
  await expect(back).toBeInViewport();
  // Remembered: a reload keeps it on.
  await page.reload();
  await library.open(SEED_TITLE);
  await expect(page.getByRole('button', { name: 'Focus mode' })).toHaveAttribute('aria-pressed', 'true');
  await expect(reader.panel).toBeHidden();
  await reader.article.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('f');
  await expect(reader.panel).toBeVisible();
  await expect(page.getByRole('button', { name: 'Focus mode' })).toHaveAttribute('aria-pressed', 'false');

  // From the library: Escape goes back to it, to the article's row.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  await expect(library.articleButton(SEED_TITLE)).toBeFocused();
});

/**
 * The interface right to left (as in Arabic): mirrored as a whole (the header's order, the side
 * panel and the drawer on the other side, the Back arrow pointing right), nothing wider than a
 * phone's or a laptop's window, articles in their own direction whatever the interface's, and
 * nothing serious for axe on any screen in light or dark.
 */
import { expectAccessible } from '../support/accessibility';
import { expect, test } from '../support/browser-mode';
import { callApi, LibraryPage, ReaderPage } from '../support/pages';
import { SEED_TITLE } from '../support/reading-flow';
import { ARABIC_TITLE, expectNoOverflow, MENU_BELOW, SCREENS, seedEveryScreen, showSection } from '../support/responsive';
import {
  expectInterfaceDirection,
  horizontalEdges,
  lastCharacterFollowsRightwards,
  openRightToLeft,
  textEdges,
  useRightToLeftInterface,
} from '../support/rtl';

/** Screens axe looks at in both themes (the rest are folds and modes of these). */
const AXE_SCREENS = new Set(['library', 'search', 'reader', 'bookmarks', 'notes', 'preferences']);

test('a laptop window: the header runs from the right, the panel and the Back arrow are mirrored', async ({ page, quire, consoleErrors }) => {
  await openRightToLeft(page, quire.url, { width: 1280, height: 800 });
  const width = 1280;

  // The header: the brand at the right edge, then the search box, then the sections, first to last
  // leftwards, and the import actions at the left edge.
  const brand = await horizontalEdges(page.locator('.brand'));
  const search = await horizontalEdges(page.getByRole('searchbox', { name: 'Search library' }));
  const sections = page.getByRole('navigation', { name: 'Sections' });
  const order = [];
  for (const name of ['Library', 'Bookmarks', 'Notes', 'Trash']) order.push(await horizontalEdges(sections.getByRole('button', { name })));
  const importFolder = await horizontalEdges(page.locator('.app-header label', { hasText: 'Import folder' }));
  expect(width - brand.right, 'the brand is at the right edge').toBeLessThanOrEqual(24);
  expect(search.right, 'the search box is left of the brand').toBeLessThanOrEqual(brand.left);
  expect(order[0]!.right, 'the sections are left of the search box').toBeLessThanOrEqual(search.left);
  for (let i = 1; i < order.length; i += 1) {
    expect(order[i]!.right, 'each section is left of the one before it').toBeLessThanOrEqual(order[i - 1]!.left);
  }
  expect(importFolder.left, 'the import actions are at the left edge').toBeLessThanOrEqual(24);

  // A list's rows: the checkbox at the right, the title beside it (an English one, so it runs left
  // to right, but it starts the row all the same), the row's actions at the left.
  await showSection(page, 'Trash');
  const checkbox = await horizontalEdges(page.getByRole('checkbox', { name: /^Select Welcome to Quire/ }));
  const title = await textEdges(page.locator('.article-title-text', { hasText: 'Welcome to Quire' }));
  const restore = await horizontalEdges(page.getByRole('button', { name: /^Restore Welcome to Quire/ }));
  expect(title.textRight, 'the title is left of its checkbox').toBeLessThanOrEqual(checkbox.left);
  expect(checkbox.left - title.textRight, 'and next to it').toBeLessThanOrEqual(24);
  expect(restore.right, 'the row actions are at the left').toBeLessThanOrEqual(title.textLeft);
  expect(restore.left, 'at the list’s left edge').toBeLessThan(width / 2);
  await showSection(page, 'Library');
  const library = new LibraryPage(page);
  expect(await lastCharacterFollowsRightwards(library.articleButton(SEED_TITLE)), 'the English title’s closing quote stays at its end').toBe(true);

  // The reader: the side panel at the left, the text at its right; Back at the right, its arrow pointing right.
  await library.open(SEED_TITLE);
  const reader = new ReaderPage(page);
  await expect(reader.panel).toBeVisible();
  const panel = await horizontalEdges(reader.panel);
  const text = await horizontalEdges(reader.article);
  expect(panel.left, 'the panel is at the left edge').toBeLessThanOrEqual(1);
  expect(panel.right, 'the text is right of the panel').toBeLessThanOrEqual(text.left);
  const back = page.getByRole('button', { name: 'Back to library' });
  const backEdges = await horizontalEdges(back);
  expect(width - backEdges.right, 'Back is the toolbar’s first control, at the right').toBeLessThanOrEqual(24);
  await expect(back.locator('[aria-hidden="true"]').first(), 'the Back arrow is turned to point right').toHaveCSS('transform', 'matrix(-1, 0, 0, 1, 0, 0)');
  expect(consoleErrors).toEqual([]);
});

test('a narrow window: the menu opens under its button at the left, the drawer slides in at the left', async ({ page, quire }) => {
  await openRightToLeft(page, quire.url, { width: 800, height: 700 });
  const menuButton = page.getByRole('button', { name: 'Menu' });
  const button = await horizontalEdges(menuButton);
  expect(button.left, 'the Menu button is at the left edge').toBeLessThanOrEqual(24);
  await menuButton.click();
  const sections = page.getByRole('navigation', { name: 'Sections' });
  await expect(sections).toBeVisible();
  const menu = await horizontalEdges(sections);
  expect(menu.left, 'the menu opens at the left, under its button').toBeLessThanOrEqual(button.right);
  await sections.getByRole('button', { name: 'Library' }).click();

  await new LibraryPage(page).open(SEED_TITLE);
  const reader = new ReaderPage(page);
  await expect(reader.panel).toBeHidden();
  await page.getByRole('button', { name: /^Bookmarks and notes/ }).click();
  await expect(reader.panel).toBeVisible();
  const drawer = await horizontalEdges(reader.panel);
  expect(drawer.left, 'the drawer lies along the left edge').toBeLessThanOrEqual(1);
  expect(drawer.right, 'and leaves the text at the right in view').toBeLessThan(800 - 100);
});

test('each article keeps its own direction: English left to right in a right-to-left interface, Arabic right to left in either', async ({ page, quire }) => {
  const reader = new ReaderPage(page);
  const library = new LibraryPage(page);
  /** Opens `title` and says which way its text runs and from which edge its first line starts. */
  const read = async (title: string) => {
    await showSection(page, 'Library');
    await library.open(title);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const direction = await reader.article.evaluate((element) => getComputedStyle(element).direction);
    const edges = await textEdges(reader.article.locator('p').first());
    return { direction, fromLeft: Math.abs(edges.firstLeft - edges.boxLeft) <= 2, fromRight: Math.abs(edges.boxRight - edges.firstRight) <= 2 };
  };

  // The interface left to right: the Arabic article still reads from the right.
  await page.goto(quire.url);
  await seedEveryScreen(page);
  await page.reload();
  await expectInterfaceDirection(page, 'ltr');
  expect(await read(ARABIC_TITLE)).toEqual({ direction: 'rtl', fromLeft: false, fromRight: true });
  expect(await read(SEED_TITLE)).toEqual({ direction: 'ltr', fromLeft: true, fromRight: false });

  // The interface right to left: the English article still reads from the left.
  await useRightToLeftInterface(page);
  await page.reload();
  await expectInterfaceDirection(page, 'rtl');
  expect(await read(SEED_TITLE)).toEqual({ direction: 'ltr', fromLeft: true, fromRight: false });
  expect(await read(ARABIC_TITLE)).toEqual({ direction: 'rtl', fromLeft: false, fromRight: true });
});

for (const [width, height, themes] of [
  [360, 740, ['light']],
  [1280, 800, ['light', 'dark']],
] as const) {
  test(`right to left at ${width}×${height}: no screen overflows${width === 1280 ? ', axe finds nothing serious in light and dark' : ''}`, async ({ page, quire, consoleErrors }) => {
    test.setTimeout(180_000);
    await openRightToLeft(page, quire.url, { width, height });
    for (const theme of themes) {
      await callApi(page, 'setSettings', { theme, focusMode: false });
      await page.reload();
      for (const screen of SCREENS) {
        if (screen.narrowOnly && width >= MENU_BELOW) continue;
        await test.step(`${screen.name} (${theme})`, async () => {
          await screen.show(page);
          await expectNoOverflow(page, `${screen.name} right to left`);
          if (width === 1280 && AXE_SCREENS.has(screen.name)) await expectAccessible(page, `${screen.name} right to left in ${theme}`);
        });
      }
      await page.keyboard.press('Escape'); // the note dialog the walk ends with
    }
    expect(consoleErrors).toEqual([]);
  });
}

/**
 * Highlighting in one step: a colour bar at the selected passage, a popover on a highlight, and
 * the same by keyboard alone; the bars stay next to their passage and inside the window at every
 * window size, left to right and right to left.
 */
import type { Locator, Page } from '@playwright/test';
import type { Annotation, ArticleMeta, HighlightColor } from '../../../electron/shared/models';
import { expectAccessible } from '../support/accessibility';
import { expect, test } from '../support/browser-mode';
import { expectBesidePassage, selectionBox, showColourBar } from '../support/highlights';
import { callApi, LibraryPage, ReaderPage } from '../support/pages';
import { SEED_TITLE } from '../support/reading-flow';
import { ARABIC_TITLE, seedEveryScreen, WINDOW_SIZES } from '../support/responsive';

const KEPT = 'Iraq is trying to bridge the views of neighboring countries';
const SECOND = 'the first Baghdad conference was held';
const ARABIC_PASSAGE = 'يدعم Quire ملفات EPUB وPDF';

/** The colour the theme gives highlights of `color`, as the page computes it. */
const themeColour = (page: Page, color: HighlightColor): Promise<string> =>
  page.evaluate((name) => {
    const probe = document.createElement('span');
    probe.style.background = `var(--mark-${name})`;
    document.body.append(probe);
    const value = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return value;
  }, color);

const paintedColour = (mark: Locator): Promise<string> => mark.evaluate((element) => getComputedStyle(element).backgroundColor);

/** The seed article open in the reader of a new library. */
async function openSeed(page: Page, url: string): Promise<{ library: LibraryPage; reader: ReaderPage }> {
  await page.goto(url);
  const library = new LibraryPage(page);
  await library.open(SEED_TITLE);
  return { library, reader: new ReaderPage(page) };
}

async function storedAnnotations(page: Page): Promise<Annotation[]> {
  const seed = (await callApi<ArticleMeta[]>(page, 'listArticles')).find((a) => a.title === SEED_TITLE)!;
  return callApi<Annotation[]>(page, 'listAnnotations', seed.id);
}

test('one click on a colour highlights the selection: painted, listed, kept after a reload; its popover recolours, writes a note (Ctrl+Enter, with a preview) and deletes', async ({
  page,
  quire,
  consoleErrors,
}) => {
  const { library, reader } = await openSeed(page, quire.url);
  const bar = await showColourBar(page, KEPT);
  await expectBesidePassage(bar, await selectionBox(page));
  await expect(bar.getByRole('button')).toHaveText(['', '', '', '', '', 'Note', 'Copy']);
  await expectAccessible(page, 'reader with the colour bar');
  await bar.getByRole('button', { name: 'Highlight green' }).click();

  const mark = reader.highlight('bridge the views');
  await expect.poll(async () => (await mark.allTextContents()).join('')).toBe(KEPT);
  expect(await paintedColour(mark.first())).toBe(await themeColour(page, 'green'));
  await expect(bar).toHaveCount(0);
  await expect(reader.panel.locator('.annotation-item.quire-color-green')).toContainText(KEPT);
  expect(await storedAnnotations(page)).toMatchObject([{ kind: 'bookmark', color: 'green', note: '', target: { quote: { exact: KEPT } } }]);

  await page.reload();
  await library.open(SEED_TITLE);
  await expect(mark.first()).toHaveClass(/quire-color-green/);

  // A click on the highlight: its popover, at it, the focus on its colour now.
  await mark.first().click();
  const popover = reader.highlightPopover;
  await expect(popover).toBeInViewport({ ratio: 1 });
  await expect(popover.getByRole('button', { name: 'Green' })).toHaveAttribute('aria-pressed', 'true');
  await expect(popover.getByRole('button', { name: 'Green' })).toBeFocused();
  await expectAccessible(page, 'reader with a highlight’s popover');
  await popover.getByRole('button', { name: 'Blue' }).click();
  await expect(popover).toHaveCount(0);
  await expect(mark.first()).toHaveClass(/quire-color-blue/);
  expect(await paintedColour(mark.first())).toBe(await themeColour(page, 'blue'));
  await expect(reader.panel.locator('.annotation-item.quire-color-blue')).toContainText(KEPT);

  // Its note: Markdown previewed as it is typed, saved with Ctrl+Enter.
  await mark.first().click();
  await popover.getByRole('button', { name: 'Add note' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit bookmark' });
  const field = dialog.getByRole('textbox', { name: 'Note' });
  await field.fill('Mediation, **not** an alliance');
  await expect(dialog.getByRole('region', { name: 'Preview of the note' }).locator('strong')).toHaveText('not');
  await field.press('ControlOrMeta+Enter');
  await expect(dialog).toHaveCount(0);
  await expect(reader.panel.locator('.annotation-item strong')).toHaveText('not');
  expect((await storedAnnotations(page))[0]).toMatchObject({ color: 'blue', note: 'Mediation, **not** an alliance' });

  // Delete, from the highlight; Undo is offered.
  await mark.first().click();
  await expect(popover.getByRole('button', { name: 'Edit note' })).toBeVisible();
  await popover.getByRole('button', { name: 'Delete' }).click();
  await expect(mark).toHaveCount(0);
  await expect(reader.panel.getByText(KEPT)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
  expect(await storedAnnotations(page)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('by keyboard alone: 1–5 highlight, N writes a note, Enter on a highlight opens its popover, the arrow keys move in the bars, Escape closes a bar before it leaves the reader', async ({
  page,
  quire,
  consoleErrors,
}) => {
  const { reader } = await openSeed(page, quire.url);
  const heading = page.getByRole('heading', { level: 1, name: SEED_TITLE });

  // A passage selected (with a screen reader or the mouse), then only keys.
  await showColourBar(page, KEPT);
  await page.keyboard.press('3');
  const mark = reader.highlight('bridge the views');
  await expect(mark.first()).toHaveClass(/quire-color-blue/);
  await expect(mark.first()).toBeFocused();
  await expect(reader.colourBar).toHaveCount(0);

  const popover = reader.highlightPopover;
  await page.keyboard.press('Enter');
  await expect(popover.getByRole('button', { name: 'Blue' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(popover.getByRole('button', { name: 'Pink' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(mark.first()).toHaveClass(/quire-color-pink/);
  await expect(mark.first()).toBeFocused();
  // Escape closes the popover and gives the focus back to the highlight; the reader stays.
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await expect(popover.getByRole('button', { name: 'Delete' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(popover).toHaveCount(0);
  await expect(mark.first()).toBeFocused();
  await expect(heading).toBeVisible();

  // N: a note on the selected passage, saved with Ctrl+Enter from its field.
  await showColourBar(page, SECOND);
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'New note' });
  await expect(dialog.getByRole('textbox', { name: 'Note' })).toBeFocused();
  await page.keyboard.type('Which **conference**?');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(dialog).toHaveCount(0);
  await expect(reader.panel.locator('.annotation-item strong')).toHaveText('conference');
  expect((await storedAnnotations(page)).map((a) => [a.kind, a.note])).toEqual([
    ['bookmark', ''],
    ['note', 'Which **conference**?'],
  ]);

  // The bar is one Tab stop before the text: the arrow keys, Home and End move along it.
  const bar = await showColourBar(page, 'Fuad Hussein');
  await page.getByRole('region', { name: 'Article text' }).focus();
  await page.keyboard.press('Shift+Tab');
  await expect(bar.getByRole('button', { name: 'Highlight yellow' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(bar.getByRole('button', { name: 'Copy' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(bar.getByRole('button', { name: 'Highlight yellow' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(bar.getByRole('button', { name: 'Note' })).toBeFocused();
  // Escape: first the bar (and the selection) goes, the focus back in the text; then the reader.
  await page.keyboard.press('Escape');
  await expect(bar).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Article text' })).toBeFocused();
  await expect(heading).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('Copy puts the selected passage on the clipboard', async ({ page, quire, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: quire.origin });
  await openSeed(page, quire.url);
  const bar = await showColourBar(page, SECOND);
  await bar.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByRole('status').getByText('Copied')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(SECOND);
});

for (const size of WINDOW_SIZES) {
  test(`at ${size.width}×${size.height} the colour bar and the popover sit at their passage, inside the window, left to right and right to left`, async ({
    page,
    quire,
  }) => {
    await page.setViewportSize(size);
    await page.goto(quire.url);
    await seedEveryScreen(page);
    await page.reload();
    const library = new LibraryPage(page);
    const reader = new ReaderPage(page);
    await library.open(SEED_TITLE);
    // A passage at the start of a line and one running to its end.
    for (const passage of ['Iraqi Foreign Minister Fuad Hussein', 'relations with Tehran']) {
      const bar = await showColourBar(page, passage);
      await expectBesidePassage(bar, await selectionBox(page));
    }
    await page.keyboard.press('Escape');
    await reader.highlight('bridge the views').first().click();
    await expect(reader.highlightPopover).toBeInViewport({ ratio: 1 });
    await page.keyboard.press('Escape');

    await page.goto(quire.url);
    await library.open(ARABIC_TITLE);
    await expect(reader.article).toHaveAttribute('dir', 'rtl');
    const bar = await showColourBar(page, ARABIC_PASSAGE);
    await expectBesidePassage(bar, await selectionBox(page));
    await bar.getByRole('button', { name: 'Highlight purple' }).click();
    const mark = reader.highlight(ARABIC_PASSAGE);
    await expect(mark.first()).toHaveClass(/quire-color-purple/);
    await mark.first().click();
    await expect(reader.highlightPopover).toBeInViewport({ ratio: 1 });
  });
}

/**
 * The selection's colour bar and a highlight's popover at phone, laptop-window and laptop widths,
 * in light and dark, named `highlight-bar-<width>-<theme>.png` and `highlight-popover-<width>-<theme>.png`
 * in docs/screenshots/, and the bar on an Arabic (right-to-left) article on a phone
 * (`highlight-bar-arabic-360-<theme>.png`), for a person to look at. Run with `npm run screenshots`.
 */
import { expect, test } from '../support/browser-mode';
import { showColourBar } from '../support/highlights';
import { callApi, LibraryPage, ReaderPage } from '../support/pages';
import { SEED_TITLE } from '../support/reading-flow';
import { ARABIC_TITLE, seedEveryScreen, showSection, WINDOW_SIZES } from '../support/responsive';
import { shoot } from './shots';

for (const size of WINDOW_SIZES.filter((s) => s.width <= 1280)) {
  test(`the colour bar and the popover at ${size.width}×${size.height} in light and dark`, async ({ page, quire }) => {
    await page.setViewportSize(size);
    await page.goto(quire.url);
    await seedEveryScreen(page);
    const reader = new ReaderPage(page);
    for (const theme of ['light', 'dark'] as const) {
      await callApi(page, 'setSettings', { theme, focusMode: false });
      await page.reload();
      await new LibraryPage(page).open(SEED_TITLE);
      await showColourBar(page, 'relations with Tehran are');
      await shoot(page, `highlight-bar-${size.width}-${theme}`);
      await page.keyboard.press('Escape');
      await expect(reader.colourBar).toHaveCount(0);
      await reader.highlight('bridge the views').first().click();
      await expect(reader.highlightPopover).toBeInViewport({ ratio: 1 });
      await shoot(page, `highlight-popover-${size.width}-${theme}`);
      await page.keyboard.press('Escape');
      if (size.width > 360) continue;
      await page.keyboard.press('Escape'); // back to the library
      await showSection(page, 'Library');
      await new LibraryPage(page).open(ARABIC_TITLE);
      await showColourBar(page, 'يدعم Quire ملفات EPUB وPDF');
      await shoot(page, `highlight-bar-arabic-${size.width}-${theme}`);
    }
  });
}

/**
 * Every screen with the interface right to left (Arabic), at a phone's and a laptop's width, in
 * light and dark, named `rtl-<screen>-<width>-<theme>.png` in docs/screenshots/: the mirrored
 * layout, a left-to-right and a right-to-left article in it, the colour bar, a dialog, for a person
 * to look at. Run with `npm run screenshots` (after `npm run build`).
 */
import { expect, test } from '../support/browser-mode';
import { showColourBar } from '../support/highlights';
import { callApi, LibraryPage, ReaderPage } from '../support/pages';
import { SEED_TITLE } from '../support/reading-flow';
import { ARABIC_TITLE, MENU_BELOW, SCREENS, showSection } from '../support/responsive';
import { openRightToLeft } from '../support/rtl';
import { PHONE_AND_LAPTOP, shoot } from './shots';

for (const size of PHONE_AND_LAPTOP) {
  test(`every screen right to left at ${size.width}×${size.height} in light and dark`, async ({ page, quire }) => {
    await openRightToLeft(page, quire.url, size);
    const reader = new ReaderPage(page);
    for (const theme of ['light', 'dark'] as const) {
      await callApi(page, 'setSettings', { theme, focusMode: false });
      await page.reload();
      for (const screen of SCREENS) {
        if (screen.narrowOnly && size.width >= MENU_BELOW) continue;
        await screen.show(page);
        await shoot(page, `rtl-${screen.name}-${size.width}-${theme}`);
      }
      await page.keyboard.press('Escape'); // the note dialog the walk ends with
    }
    // Then what moves the seed article's reading position (the walk above expects its start).
    for (const theme of ['light', 'dark'] as const) {
      await callApi(page, 'setSettings', { theme, focusMode: false });
      await page.reload();
      await showSection(page, 'Library');
      await new LibraryPage(page).open(SEED_TITLE);
      // The reader may still be scrolling back to where it was read last: click once it stands.
      await expect(async () => {
        await reader.highlight('bridge the views').first().click();
        await expect(reader.highlightPopover).toBeInViewport({ ratio: 1, timeout: 1_000 });
      }).toPass();
      await shoot(page, `rtl-highlight-popover-${size.width}-${theme}`);
      await reader.highlightPopover.getByRole('button', { name: 'Edit note' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await shoot(page, `rtl-dialog-${size.width}-${theme}`);
      await page.keyboard.press('Escape'); // the dialog
      await page.keyboard.press('Escape'); // back to the library
      await new LibraryPage(page).open(ARABIC_TITLE);
      await expect(reader.article.locator('mark.quire-highlight').first()).toBeVisible();
      await shoot(page, `rtl-reader-arabic-${size.width}-${theme}`);
      await showColourBar(page, 'يدعم Quire ملفات EPUB وPDF');
      await shoot(page, `rtl-highlight-bar-arabic-${size.width}-${theme}`);
      await page.keyboard.press('Escape'); // the colour bar
    }
  });
}

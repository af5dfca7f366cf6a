import { expect, type Locator, type Page } from '@playwright/test';
import { ReaderControls, ReaderPage } from './pages';

/** The window's box of the passage selected now, as the page measures it. */
export function selectionBox(page: Page): Promise<{ top: number; bottom: number; left: number; right: number }> {
  return page.evaluate(() => {
    const { top, bottom, left, right } = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
    return { top, bottom, left, right };
  });
}

/**
 * A bar at a passage as a user needs it: wholly inside the window, and next to the passage (just
 * above or below it, overlapping it sideways), not somewhere else on the screen.
 */
export async function expectBesidePassage(bar: Locator, passage: { top: number; bottom: number; left: number; right: number }): Promise<void> {
  await expect(bar).toBeInViewport({ ratio: 1 });
  // Retried: the bar is placed once it is measured, after it appears.
  await expect(async () => {
    const box = (await bar.boundingBox())!;
    const gapAbove = passage.top - (box.y + box.height);
    const gapBelow = box.y - passage.bottom;
    expect(Math.min(Math.abs(gapAbove), Math.abs(gapBelow)), 'the bar touches the passage above or below').toBeLessThanOrEqual(12);
    expect(box.x < passage.right && box.x + box.width > passage.left, 'the bar overlaps the passage sideways').toBe(true);
  }).toPass({ timeout: 5_000 });
}

/** Selects `text` (scrolled into the middle of the reader first) and waits for the colour bar at it. */
export async function showColourBar(page: Page, text: string): Promise<Locator> {
  const reader = new ReaderPage(page);
  await new ReaderControls(page).scrollToText(text);
  await reader.selectText(text);
  await expect(reader.colourBar).toBeVisible();
  return reader.colourBar;
}

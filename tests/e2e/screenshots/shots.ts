/** Where the screenshots go and how one is taken, for the specs of `npm run screenshots`. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

export const SCREENSHOTS_DIR = path.resolve('docs/screenshots');

/** A phone's and a laptop's window. */
export const PHONE_AND_LAPTOP = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
] as const;

/** `docs/screenshots/<name>.png` of the window, once transitions and fonts have settled. */
export async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // Transitions in flight (a button's colours after a theme change) are shown as they end.
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}.png`), animations: 'disabled' });
}

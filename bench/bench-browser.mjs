/**
 * For the benches that time a page in Chromium: the browser found, or fetched, as `npm test` finds
 * its own (scripts/test-browser.mjs), before anything is measured. A bench that fails after minutes
 * of timings for want of a browser measures nothing, so without one it stops at once, saying why.
 */
import { ensureTestBrowser } from '../scripts/test-browser.mjs';

export async function requireBenchBrowser() {
  const noBrowser = await ensureTestBrowser();
  if (noBrowser !== null) {
    console.error(noBrowser);
    process.exit(1);
  }
}

// Which Chromium the end-to-end tests drive, decided in one place for playwright.config.ts and
// `npm test`: Debian's where it is installed (the machines this project grew up on reach Debian's
// archive but not the storage Playwright downloads from), otherwise Playwright's own headless shell.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The real binary, not the /usr/bin/chromium wrapper (which prints shell noise on some machines). */
const DEBIAN_CHROMIUM = '/usr/lib/chromium/chromium';

/** The arguments every launch gets: headless on a CI machine without a GPU or a user session. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Debian's Chromium when installed; undefined lets Playwright use its own browser. */
export function debianChromium() {
  return existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
}

async function launches(chromium) {
  try {
    const browser = await chromium.launch({ executablePath: debianChromium(), args: CHROMIUM_ARGS });
    await browser.close();
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes sure a Chromium the tests can launch exists, downloading Playwright's headless shell when
 * neither Debian's nor Playwright's is there. Proven by launching it: `playwright install` exits 0
 * even when its download failed (docs/research/tooling.md §2). Returns a sentence saying what to
 * install when no browser can be had, else null.
 */
export async function ensureTestBrowser() {
  const { chromium } = await import('@playwright/test');
  if (await launches(chromium)) return null;
  console.log('No Chromium for the end-to-end tests: downloading Playwright\'s (npx playwright install --only-shell chromium)');
  spawnSync('npx', ['playwright', 'install', '--only-shell', 'chromium'], { stdio: 'inherit' });
  if (await launches(chromium)) return null;
  return 'No Chromium could be launched or downloaded for the end-to-end tests: install Debian\'s ' +
    '(`sudo apt-get install chromium`) or run `npx playwright install chromium` where its download is reachable.';
}

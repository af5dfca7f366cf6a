import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, debianChromium } from './scripts/test-browser.mjs';

/**
 * End-to-end tests. `browser` drives the real React UI against the real core in browser mode
 * (Debian's Chromium where installed, else Playwright's own: scripts/test-browser.mjs); `electron`
 * drives the packaged desktop app (see `electron-package`) and skips itself, saying why, where the
 * Electron binary is not installed.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Every test starts its own server on its own new library, so tests of one file need not share a
  // worker: the files' long tests (seven languages, four window sizes) spread over both.
  fullyParallel: true,
  workers: 2,
  // One retry on CI, where the 2-core machine may be loaded: a test that needed it is reported as
  // flaky in the list output, never silently passed.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  outputDir: 'test-results/e2e',
  use: {
    // A failed test keeps its trace (each action's DOM snapshot, network, console) and a
    // screenshot of the end; not the trace's screencast, whose frames Chromium encodes all through
    // every test, failed or not: about a sixth of the e2e tests' time on the 2-core machine. On CI
    // only the retry is traced: recording every action of every passing test cost about a tenth of
    // the e2e time (the whole suite 8.8 min and 524 CPU-s traced, 8.0 min and 473 CPU-s not), and a
    // failure there is retried once, traced.
    trace: { mode: process.env.CI ? 'on-first-retry' : 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'browser',
      testMatch: 'browser/**/*.spec.ts',
      use: {
        viewport: { width: 1280, height: 800 },
        // The interface follows the browser's languages: the tests name elements in English.
        locale: 'en-US',
        launchOptions: { executablePath: debianChromium(), args: CHROMIUM_ARGS },
      },
    },
    // The packaged app (electron-builder --dir, fuses as shipped but the inspector), built first by
    // the setup project where the Electron binary is installed.
    {
      name: 'electron-package',
      testMatch: 'electron/package.setup.ts',
    },
    {
      name: 'electron',
      testMatch: 'electron/**/*.spec.ts',
      dependencies: ['electron-package'],
    },
  ],
});

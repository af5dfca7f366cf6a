/**
 * The desktop app as shipped, as far as it runs without Electron: main is the bundle
 * scripts/build-node.mjs writes (out/main/index.js) with its real core, against the strict fake
 * `electron` (it enforces Electron's start-up order and refuses APIs it does not model). The page
 * the window would load is then served to Chromium through the `quire-app:` handler main
 * registered, with the BUILT preload in the page carrying its calls to main's IPC handlers, and a
 * person's first run must work: the sample library, a search, the reader.
 *
 * What only the real Electron can show (the scheme privileges, the sandbox) is left to the
 * packaged-app e2e run on CI.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fake } from '../../support/fake-electron';
import { connectPageToMain } from '../../support/electron-mode/page-bridge';
import { redirectNativeElectronToFake } from '../../support/electron-mode/redirect-electron';

const MAIN_BUNDLE = path.resolve('out/main/index.js');
const DEBIAN_CHROMIUM = '/usr/lib/chromium/chromium';
const SEED_TITLE = "Iraq: Regional security impacts Iraq, relations with Iran 'strong'";
/**
 * Chromium knows no quire-app: scheme; the page is served at this origin, by the same handler,
 * never touching the network (every request is routed). localhost, because it is a secure context
 * like the privileged quire-app: scheme.
 */
const TEST_ORIGIN = 'http://localhost';

const fromTheWindow = (url: string): string => url.replace('quire-app://app', TEST_ORIGIN);

/** Serves every request of the page through the `quire-app:` handler main registered. */
async function serveThroughAppScheme(page: Page, served: string[]): Promise<void> {
  const appHandler = fake.protocol.handlers.get('quire-app')!;
  await page.route(`${TEST_ORIGIN}/**`, async (route) => {
    const asked = new URL(route.request().url());
    const url = `quire-app://app${asked.pathname}${asked.search}`;
    served.push(url);
    const response = await appHandler(new Request(url, { method: route.request().method() }));
    await route.fulfill({
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: Buffer.from(await response.arrayBuffer()),
    });
  });
}

/** A person's first run: the sample library, a search, the hit opened in the reader. */
async function firstRun(page: Page): Promise<void> {
  const library = page.getByRole('main');
  await library.getByRole('button', { name: /Welcome to Quire/ }).first().waitFor();
  await library.getByRole('button', { name: SEED_TITLE }).first().waitFor();

  await page.keyboard.press('Control+k');
  const search = page.getByRole('searchbox', { name: 'Search library' });
  await search.fill('Fuad Hussein');
  const results = page.getByRole('listbox', { name: 'Search results' }).or(page.getByRole('list', { name: 'Search results' }));
  await results.getByText(/Fuad/).first().waitFor();
  await search.press('ArrowDown');
  await search.press('Enter');

  await page.getByRole('heading', { level: 1, name: SEED_TITLE }).waitFor();
  const article = page.locator('[data-testid="article-body"]');
  await article.locator('.quire-search-match').first().waitFor();
  expect(await article.locator('.quire-search-match').count()).toBeGreaterThanOrEqual(2);
}

let root: string;
let browser: Browser | undefined;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'quire-electron-mode-'));
});

afterAll(async () => {
  await browser?.close();
  vi.restoreAllMocks();
  rmSync(root, { recursive: true, force: true });
});

// One test: the fake is reset between tests, and main holds on to the fake it started with.
describe('Electron mode, main bundled as shipped', () => {
  it('starts in Electron’s order on damaged store files, renders the UI, runs the first-run flow and saves before quitting', async () => {
    // A desktop profile whose store files are all damaged: the app must start anyway.
    const profile = path.join(root, 'Quire');
    mkdirSync(profile, { recursive: true });
    writeFileSync(path.join(profile, 'window-state.json'), '{"main": {"bounds": ');
    writeFileSync(path.join(profile, 'settings.json'), '\u0000\u0000 not json');
    fake.app.paths.set('appData', root);
    fake.ready = false;
    redirectNativeElectronToFake();
    vi.spyOn(console, 'error').mockImplementation(() => {});

    await import(/* @vite-ignore */ pathToFileURL(MAIN_BUNDLE).href);
    await vi.waitFor(() => expect(fake.BrowserWindow.instances).toHaveLength(1), { timeout: 20_000 });
    const window = fake.BrowserWindow.instances[0]!;

    // Electron's order (the fake refuses anything else) and the documented window.
    expect(fake.violations).toEqual([]);
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(fake.protocol.privileged.map(({ scheme }) => scheme).sort()).toEqual(['quire-app', 'quire-content']);
    expect(fake.protocol.privileged.every(({ privileges }) => privileges?.standard && privileges.secure)).toBe(true);
    expect([...fake.protocol.handlers.keys()].sort()).toEqual(['quire-app', 'quire-content']);
    const preferences = window.options.webPreferences as Record<string, unknown>;
    expect(preferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(existsSync(preferences.preload as string)).toBe(true);
    expect(window.loadURL).toHaveBeenCalledWith('quire-app://app/index.html');

    // Damaged store files are kept aside; electron-store's own channel is closed.
    const kept = readdirSync(profile);
    expect(kept.filter((file) => file.startsWith('window-state.json.broken-'))).toHaveLength(1);
    expect(kept.filter((file) => file.startsWith('settings.json.broken-'))).toHaveLength(1);
    expect(fake.ipcMain.listenerCount('electron-store-get-data')).toBe(0);

    // The page the window loads, in Chromium, through the app-scheme handler and the built preload.
    browser = await chromium.launch({
      ...(existsSync(DEBIAN_CHROMIUM) ? { executablePath: DEBIAN_CHROMIUM } : {}),
      args: ['--no-sandbox', '--disable-gpu'],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    const served: string[] = [];
    await serveThroughAppScheme(page, served);
    await connectPageToMain(page, fake, window, preferences.preload as string);
    await page.goto(fromTheWindow(String(window.loadURL.mock.calls[0]![0])));
    await firstRun(page);
    expect(pageErrors).toEqual([]);
    expect(served).toContain('quire-app://app/index.html');
    expect(served.some((url) => /\/assets\/index-[\w-]+\.js$/.test(url))).toBe(true);

    // Quitting asks the page to save, and quits once the core has closed.
    const quitting = { prevented: false, preventDefault() { this.prevented = true; } };
    fake.app.emit('before-quit', quitting);
    expect(quitting.prevented).toBe(true);
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalled(), { timeout: 20_000 });
    expect(window.webContents.send.mock.calls.filter(([channel]) => channel === 'quire-desktop:flush')).toHaveLength(1);
    expect(fake.violations).toEqual([]);
  }, 120_000);
});

/**
 * Browser mode next to other programs on 127.0.0.1. Cookies ignore ports, so any program listening
 * on another port of 127.0.0.1 is sent every cookie of Quire's address and can set its own there.
 * Here a second HTTP server (the "neighbour") on another loopback port records everything it
 * receives while one Chromium profile moves between the two: it must never receive a credential
 * of Quire's (no token, no content key, no Quire address in a Referer), what its page leaves in
 * the browser (cookies named like Quire's, with longer paths, and a cookie bomb) must not lock
 * Quire out, and Quire's tab must not be moved to it by anything an article could hold.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startQuireServer, type QuireServer } from '../support/browser-mode';
import { callApi, LibraryPage } from '../support/pages';

interface Received {
  url: string;
  headers: IncomingHttpHeaders;
}

interface Neighbour {
  origin: string;
  received: Received[];
  /** resolves once a request for `pathname` arrived */
  arrival(pathname: string): Promise<Received>;
}

/**
 * The neighbour's own page: it tosses cookies at 127.0.0.1 (a wrong `quire_token` at `/` and at
 * the longer paths Quire's routes use, and 150 cookies of 4 KB), then tries Quire's API from
 * another origin and reports what it could read.
 */
const neighbourPage = (quireOrigin: string): string => `<!doctype html><title>Neighbour</title>
<script>
  for (const path of ['/', '/api', '/api/listArticles', '/content']) document.cookie = 'quire_token=tossed; path=' + path;
  for (let i = 0; i < 150; i += 1) document.cookie = 'bomb' + i + '=' + 'x'.repeat(4000) + '; path=/';
  window.tryImage = (src) =>
    new Promise((resolve) => {
      const image = new Image();
      image.onload = () => resolve('loaded');
      image.onerror = () => resolve('refused');
      image.src = src;
    });
  window.attempts = (async () => {
    const outcome = {};
    try {
      const response = await fetch('${quireOrigin}/api/listArticles', { method: 'POST', credentials: 'include', body: '[]' });
      outcome.cors = 'read ' + response.status + ' ' + (await response.text());
    } catch (error) {
      outcome.cors = 'blocked';
    }
    try {
      await fetch('${quireOrigin}/api/listArticles', { method: 'POST', credentials: 'include', headers: { 'X-Quire-Token': 'guess' }, body: '[]' });
      outcome.withHeader = 'sent';
    } catch (error) {
      outcome.withHeader = 'blocked';
    }
    await fetch('/after-cookies', { credentials: 'include' });
    return outcome;
  })();
</script>`;

/** A 1×1 PNG. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

async function startNeighbour(quireOrigin: () => string): Promise<{ neighbour: Neighbour; server: Server }> {
  const received: Received[] = [];
  const waiting: { pathname: string; resolve: (request: Received) => void }[] = [];
  // Large headers accepted: the neighbour's own cookie bomb comes back to it too.
  const server = createServer({ maxHeaderSize: 2 * 1024 * 1024 }, (request, response) => {
    const entry = { url: request.url ?? '', headers: request.headers };
    received.push(entry);
    const pathname = new URL(entry.url, 'http://x').pathname;
    for (const waiter of waiting.filter((w) => w.pathname === pathname)) waiter.resolve(entry);
    if (pathname === '/') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(neighbourPage(quireOrigin()));
      return;
    }
    if (pathname === '/pixel.png') {
      response.writeHead(200, { 'Content-Type': 'image/png' });
      response.end(PIXEL);
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    response.end('neighbour');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const arrival = (pathname: string): Promise<Received> => {
    const already = received.find((r) => new URL(r.url, 'http://x').pathname === pathname);
    return already ? Promise.resolve(already) : new Promise((resolve) => waiting.push({ pathname, resolve }));
  };
  return { neighbour: { origin, received, arrival }, server };
}

const test = base.extend<{ quire: QuireServer; neighbour: Neighbour }>({
  quire: async ({}, use) => {
    const { server, stop } = await startQuireServer();
    await use(server);
    await stop();
  },
  neighbour: async ({ quire }, use) => {
    const { neighbour, server } = await startNeighbour(() => quire.origin);
    await use(neighbour);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  },
});

const tokenOf = (quire: QuireServer): string => new URL(quire.url).searchParams.get('token')!;

async function openQuire(page: Page, quire: QuireServer): Promise<void> {
  await page.goto(quire.url);
  await expect(new LibraryPage(page).articleButton(/Welcome to Quire/)).toBeVisible();
}

/** Every navigation the page starts, and whether something cancelled it. */
async function recordNavigations(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: { url: string; cancelled: boolean }[] = [];
    (window as unknown as { navigations: typeof seen }).navigations = seen;
    // Added after the app's own listener, so it sees that listener's verdict.
    navigation.addEventListener('navigate', (event) => seen.push({ url: event.destination.url, cancelled: event.defaultPrevented }));
  });
}

const navigationTo = (page: Page, fragment: string) =>
  page.waitForFunction(
    (wanted) => (window as unknown as { navigations: { url: string; cancelled: boolean }[] }).navigations.find((n) => n.url.includes(wanted)) ?? null,
    fragment,
  ).then((handle) => handle.jsonValue() as Promise<{ url: string; cancelled: boolean }>);

test('a program on another port of 127.0.0.1 never receives a credential, and cannot lock Quire out', async ({ page, context, quire, neighbour }) => {
  test.setTimeout(120_000);
  await openQuire(page, quire);
  // The token left the address bar (and so the history) as soon as the page took it.
  expect(page.url()).toBe(`${quire.origin}/`);
  expect(await context.cookies()).toEqual([]);

  // An article whose stored HTML links to the neighbour, shows an image of its own, and holds a
  // refresh to the neighbour that slipped into the library folder (the sanitizer never lets one in).
  const imported = await callApi<{ article: { id: string; title: string } }>(page, 'importDocument', {
    fileName: 'neighbourly.html',
    dataBase64: Buffer.from(
      `<html><head><title>Neighbourly article</title></head><body><p>A paragraph that links to <a href="${neighbour.origin}/from-article">the program next door</a>.</p></body></html>`,
    ).toString('base64'),
  });
  const articleDir = path.join(quire.libraryDir, 'articles', imported.article.id);
  writeFileSync(path.join(articleDir, 'pixel.png'), PIXEL);
  const stored = readFileSync(path.join(articleDir, 'content.html'), 'utf8');
  writeFileSync(
    path.join(articleDir, 'content.html'),
    `<meta http-equiv="refresh" content="0;url=${neighbour.origin}/meta-refresh">${stored}<p><img src="pixel.png" alt=""></p>`,
  );

  await page.reload();
  await new LibraryPage(page).open(/Neighbourly article/);
  const image = page.locator('[data-testid="article-body"] img');
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  const imageUrl = new URL(await image.evaluate((img: HTMLImageElement) => img.src));
  const contentKey = imageUrl.pathname.split('/')[2]!;
  expect(imageUrl.origin).toBe(quire.origin);
  expect(imageUrl.href).not.toContain(tokenOf(quire));

  // Following the article's link opens the neighbour in a new tab; Quire's tab stays.
  const [popup] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: 'the program next door' }).click()]);
  await neighbour.arrival('/from-article');
  await popup.close();
  expect(page.url()).toBe(`${quire.origin}/`);

  // Whatever else slips through (a refresh, a script) cannot move the tab either.
  await recordNavigations(page);
  await page.evaluate((to) => document.body.insertAdjacentHTML('beforeend', `<meta http-equiv="refresh" content="0;url=${to}/slipped-refresh">`), neighbour.origin);
  expect(await navigationTo(page, '/slipped-refresh')).toMatchObject({ cancelled: true });
  await page.evaluate((to) => window.location.assign(`${to}/scripted`), neighbour.origin);
  expect(await navigationTo(page, '/scripted')).toMatchObject({ cancelled: true });
  expect(page.url()).toBe(`${quire.origin}/`);

  // The user goes to the neighbour in the same tab; its page tosses cookies and tries the API.
  await page.goto(`${neighbour.origin}/`);
  const attempts = await page.evaluate(() => (window as unknown as { attempts: Promise<Record<string, string>> }).attempts);
  expect(attempts).toEqual({ cors: 'blocked', withHeader: 'blocked' });
  // Even were the content key to leak, another origin could not show Quire's image
  // (Cross-Origin-Resource-Policy); the same URL loaded in Quire's page above.
  const tryImage = (src: string) => page.evaluate((url) => (window as unknown as { tryImage: (u: string) => Promise<string> }).tryImage(url), src);
  expect(await tryImage(imageUrl.href)).toBe('refused');
  expect(await tryImage(`${neighbour.origin}/pixel.png`)).toBe('loaded');
  const afterCookies = await neighbour.arrival('/after-cookies');
  // The browser does carry the bomb (so Quire will receive it too).
  expect(String(afterCookies.headers.cookie).length).toBeGreaterThan(150 * 4000);

  // Back to Quire in the same tab, and in a new tab from the printed address: both work, with
  // the neighbour's cookies sent along.
  await page.goto(`${quire.origin}/`);
  await expect(new LibraryPage(page).articleButton(/Neighbourly article/)).toBeVisible();
  expect((await callApi<unknown[]>(page, 'listArticles')).length).toBeGreaterThan(1);
  const second = await context.newPage();
  await openQuire(second, quire);
  // A neighbour that sends the tab to Quire with a token of its own choosing locks nobody out.
  await second.goto(`${neighbour.origin}/elsewhere`);
  await second.evaluate((to) => window.location.assign(`${to}/#token=planted-by-the-neighbour`), quire.origin);
  await second.waitForURL(`${quire.origin}/`);
  await expect(new LibraryPage(second).articleButton(/Neighbourly article/)).toBeVisible();
  expect(second.url()).toBe(`${quire.origin}/`);

  // Nothing the neighbour ever received carries a credential of Quire's or Quire's address.
  expect(neighbour.received.length).toBeGreaterThanOrEqual(4);
  for (const { url, headers } of neighbour.received) {
    const seen = `${url}\n${JSON.stringify(headers)}`;
    expect(seen).not.toContain(tokenOf(quire));
    expect(seen).not.toContain(contentKey);
    expect(headers.referer ?? '', url).not.toContain(quire.origin);
    expect(headers['x-quire-token'], url).toBeUndefined();
  }
  expect(neighbour.received.map((r) => r.url)).not.toContain('/meta-refresh');
  expect(neighbour.received.map((r) => r.url)).not.toContain('/slipped-refresh');
  expect(neighbour.received.map((r) => r.url)).not.toContain('/scripted');
});

test('two quire serve processes work side by side in one browser profile', async ({ page, context }) => {
  test.setTimeout(120_000);
  const first = await startQuireServer();
  const second = await startQuireServer();
  try {
    await openQuire(page, first.server);
    const other = await context.newPage();
    await openQuire(other, second.server);
    await callApi(other, 'importDocument', {
      fileName: 'only-in-the-second.txt',
      dataBase64: Buffer.from('Only in the second library\n\nA line of text.').toString('base64'),
    });
    await other.reload();
    await expect(new LibraryPage(other).articleButton(/Only in the second library/)).toBeVisible();
    // The first still answers, to calls and to a reload, and shows its own library.
    await page.reload();
    await expect(new LibraryPage(page).articleButton(/Welcome to Quire/)).toBeVisible();
    const titles = (await callApi<{ title: string }[]>(page, 'listArticles')).map((a) => a.title);
    expect(titles).not.toContain('Only in the second library');
  } finally {
    await first.stop();
    await second.stop();
  }
});

test('the page opened without the printed address says how to get in', async ({ page, quire }) => {
  await page.goto(`${quire.origin}/`);
  await expect(page.getByText('Open the address that `quire serve` printed', { exact: false }).first()).toBeVisible();
});

test('no source map ships or is served', async ({ page, quire, request }) => {
  const built = readdirSync(path.resolve('out/renderer'), { recursive: true }).map(String);
  expect(built.filter((file) => file.endsWith('.map'))).toEqual([]);
  await openQuire(page, quire);
  const assets = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('script[src], link[rel="stylesheet"]')].map((el) =>
      'src' in el ? el.src : el.href,
    ),
  );
  expect(assets.length).toBeGreaterThanOrEqual(2);
  for (const asset of assets) {
    const file = await request.get(asset);
    expect(await file.text(), asset).not.toContain('sourceMappingURL');
    expect(file.headers().sourcemap, asset).toBeUndefined();
    expect((await request.get(`${asset}.map`)).status(), `${asset}.map`).toBe(404);
  }
});

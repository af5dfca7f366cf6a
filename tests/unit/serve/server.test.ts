import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openQuire, type QuireCore } from '../../../electron/core/open-quire';
import { createConfStore } from '../../../electron/core/settings/conf-store';
import { PAGE_CSP } from '../../../electron/shared/page-policy';
import { NO_TOKEN_MESSAGE, createQuireServer, type QuireServer } from '../../../electron/serve/server';
import { createFakeReaderService } from '../../support/fake-reader-service';
import { rawRequest } from '../../support/http';
import { ARTICLE_ID, PNG_BYTES, createTempLibrary, type TempLibrary } from '../../support/temp-library';
import { SEED_FILE } from '../../support/corpus-paths';

const SEED = SEED_FILE;

function makeRendererDir(root: string): string {
  const dir = path.join(root, 'renderer');
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Quire</title><script type="module" src="/assets/app.js"></script>');
  writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log("quire")');
  return dir;
}

describe('browser mode over a real core', () => {
  let root: string;
  let core: QuireCore;
  let server: QuireServer;
  let port: number;
  let cookie: string;

  const api = (method: string, args: unknown, headers: Record<string, string> = {}) =>
    rawRequest(port, {
      method: 'POST',
      path: `/api/${method}`,
      headers: { Cookie: cookie, 'Content-Type': 'application/json', ...headers },
      body: typeof args === 'string' ? args : JSON.stringify(args),
    });

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'quire-serve-'));
    core = await openQuire({
      libraryDir: path.join(root, 'library'),
      cacheDir: path.join(root, 'cache'),
      settings: createConfStore(path.join(root, 'config')),
      log: () => {},
    });
    server = await createQuireServer({ core, rendererDir: makeRendererDir(root), libraryDir: () => core.libraryDir });
    port = server.port;
    cookie = `quire_token=${server.token}`;
  });

  afterAll(async () => {
    await server?.close();
    await core?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only and prints its address with a long random token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${port}/?token=${server.token}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a request without the token, saying how to get in', async () => {
    const page = await rawRequest(port, { path: '/' });
    expect(page.status).toBe(403);
    expect(page.body.trim()).toBe(NO_TOKEN_MESSAGE);
    const call = await rawRequest(port, { method: 'POST', path: '/api/listArticles', headers: { 'Content-Type': 'application/json' }, body: '[]' });
    expect(call.status).toBe(403);
    // API refusals come as a Result, so the UI can show the sentence.
    expect(JSON.parse(call.body)).toEqual({ ok: false, error: { code: 'forbidden', message: NO_TOKEN_MESSAGE } });
    const wrong = await rawRequest(port, { path: '/', headers: { Cookie: 'quire_token=guess' } });
    expect(wrong.status).toBe(403);
    const wrongInUrl = await rawRequest(port, { path: '/?token=guess' });
    expect(wrongInUrl.status).toBe(403);
    expect(wrongInUrl.headers['set-cookie']).toBeUndefined();
  });

  it('trades the token in the URL for a strict, HttpOnly cookie, and then serves the app', async () => {
    const entry = await rawRequest(port, { path: `/?token=${server.token}` });
    expect(entry.status).toBe(302);
    expect(entry.headers.location).toBe('/');
    const setCookie = entry.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toContain(`quire_token=${server.token}`);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);

    const page = await rawRequest(port, { path: '/', headers: { Cookie: setCookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Quire</title>');
    const script = await rawRequest(port, { path: '/assets/app.js', headers: { Cookie: cookie } });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
  });

  it('puts the security headers on every response', async () => {
    for (const response of [
      await rawRequest(port, { path: '/', headers: { Cookie: cookie } }),
      await rawRequest(port, { path: '/' }),
      await api('listArticles', []),
    ]) {
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      // The one policy of every host (the desktop app sends it too).
      expect(response.headers['content-security-policy']).toBe(PAGE_CSP);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(response.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('refuses a foreign Host header (DNS rebinding), even with the token', async () => {
    for (const host of ['evil.example:' + port, `127.0.0.1:${port + 1}`, '127.0.0.1', `[::1]:${port}`]) {
      const response = await rawRequest(port, { path: '/', headers: { Host: host, Cookie: cookie } });
      expect(response.status, host).toBe(403);
    }
    const localhost = await rawRequest(port, { path: '/', headers: { Host: `localhost:${port}`, Cookie: cookie } });
    expect(localhost.status).toBe(200);
  });

  it('refuses a POST from a foreign Origin (CSRF), and accepts its own', async () => {
    const foreign = await api('listArticles', [], { Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const nullOrigin = await api('listArticles', [], { Origin: 'null' });
    expect(nullOrigin.status).toBe(403);
    const own = await api('listArticles', [], { Origin: `http://127.0.0.1:${port}` });
    expect(own.status).toBe(200);
  });

  it('accepts the token in the X-Quire-Token header', async () => {
    const response = await rawRequest(port, {
      method: 'POST',
      path: '/api/getSettings',
      headers: { 'X-Quire-Token': server.token, 'Content-Type': 'application/json' },
      body: '[]',
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { theme: 'system' } });
  });

  it('imports, lists and searches through the API, with Results as JSON', async () => {
    const bytes = readFileSync(SEED);
    const imported = await api('importDocument', [{ fileName: 'seed.txt', dataBase64: bytes.toString('base64') }]);
    expect(imported.status).toBe(200);
    const outcome = JSON.parse(imported.body);
    expect(outcome).toMatchObject({ ok: true, value: { status: 'imported' } });
    const list = JSON.parse((await api('listArticles', [])).body);
    expect(list.value.map((a: { title: string }) => a.title)).toContain(outcome.value.article.title);
    await core.whenIndexed();
    const hits = JSON.parse((await api('search', ['Fuad Hussein'])).body);
    expect(hits.ok).toBe(true);
    expect(hits.value[0].snippet).toContain('<mark>');
  });

  it('answers an unknown method with 404', async () => {
    const response = await api('deleteEverything', []);
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await api('__proto__', [])).status).toBe(404);
  });

  it('answers a body that is not a JSON array of arguments with 400', async () => {
    expect((await api('listArticles', '{not json')).status).toBe(400);
    expect((await api('getArticle', '{"id":"x"}')).status).toBe(400);
    const plain = await api('listArticles', '[]', { 'Content-Type': 'text/plain' });
    expect(plain.status).toBe(400);
    const form = await api('listArticles', 'a=1', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(400);
  });

  it('refuses a body larger than 300 MB before reading it', async () => {
    const response = await rawRequest(port, {
      method: 'POST',
      path: '/api/importDocument',
      headers: { Cookie: cookie, 'Content-Type': 'application/json', 'Content-Length': String(400 * 1024 * 1024) },
      body: '[',
    }).catch((error: NodeJS.ErrnoException) => ({ status: error.code }));
    expect(response.status).toBe(413);
  });

  it('validates arguments like every other host (invalid-argument in the Result)', async () => {
    const response = await api('getArticle', ['../../etc/passwd']);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('only accepts POST for the API', async () => {
    const response = await rawRequest(port, { path: '/api/listArticles', headers: { Cookie: cookie } });
    expect(response.status).toBe(405);
    const put = await rawRequest(port, { method: 'PUT', path: '/', headers: { Cookie: cookie } });
    expect(put.status).toBe(405);
  });
});

describe('browser mode: article files', () => {
  let library: TempLibrary;
  let server: QuireServer;
  let cookie: string;

  beforeAll(async () => {
    library = createTempLibrary();
    server = await createQuireServer({
      core: createFakeReaderService(),
      rendererDir: makeRendererDir(library.root),
      libraryDir: library.libraryDir,
    });
    cookie = `quire_token=${server.token}`;
  });
  afterAll(async () => {
    await server.close();
    library.cleanup();
  });

  const get = (urlPath: string, withCookie = true) =>
    rawRequest(server.port, { path: urlPath, headers: withCookie ? { Cookie: cookie } : {} });

  it('serves a file of an article, typed and sandboxed', async () => {
    const response = await get(`/content/${ARTICLE_ID}/assets/pic.png`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.headers['content-security-policy']).toContain('sandbox');
    expect(response.bytes).toEqual(PNG_BYTES);
  });

  it('needs the token like everything else', async () => {
    expect((await get(`/content/${ARTICLE_ID}/assets/pic.png`, false)).status).toBe(403);
  });

  it('refuses encoded ../, absolute paths and symlinks that leave the article folder', async () => {
    for (const urlPath of [
      `/content/${ARTICLE_ID}/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.txt`,
      `/content/${ARTICLE_ID}/..%2f..%2f..%2fsecret.txt`,
      `/content/${ARTICLE_ID}/%2Fetc%2Fpasswd`,
      `/content/${ARTICLE_ID}//etc/passwd`,
      `/content/${ARTICLE_ID}/assets/leak.txt`,
      `/content/${ARTICLE_ID}/assets/escape/secret.txt`,
    ]) {
      const response = await get(urlPath);
      expect(response.status, urlPath).toBe(403);
      expect(response.body).not.toContain('TOP SECRET');
    }
  });

  it('answers 404 for missing files and unknown articles', async () => {
    expect((await get(`/content/${ARTICLE_ID}/assets/none.png`)).status).toBe(404);
    expect((await get('/content/c1b2c3d4e5f60718/text.txt')).status).toBe(404);
  });
});

describe('browser mode: ports', () => {
  const occupied = async () => {
    const blocker = createNetServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    return { blocker, port: typeof address === 'object' && address ? address.port : 0 };
  };

  it('falls back to a free port when asked to, and fails otherwise', async () => {
    const { blocker, port } = await occupied();
    const dir = mkdtempSync(path.join(tmpdir(), 'quire-port-'));
    try {
      const options = { core: createFakeReaderService(), rendererDir: dir, libraryDir: dir, port };
      await expect(createQuireServer(options)).rejects.toMatchObject({ code: 'EADDRINUSE' });
      const server = await createQuireServer({ ...options, fallbackToFreePort: true });
      expect(server.port).not.toBe(port);
      await server.close();
    } finally {
      blocker.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

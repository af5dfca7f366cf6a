import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openQuire, type QuireCore } from '../../../electron/core/open-quire';
import { createConfStore } from '../../../electron/core/settings/conf-store';
import { PAGE_CSP } from '../../../electron/shared/page-policy';
import { NO_TOKEN_MESSAGE, createQuireServer, type QuireServer } from '../../../electron/serve/server';
import { createFakeReaderService } from '../../support/fake-reader-service';
import { contentBaseOf, rawRequest } from '../../support/http';
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
  let auth: Record<string, string>;

  const api = (method: string, args: unknown, headers: Record<string, string> = {}) =>
    rawRequest(port, {
      method: 'POST',
      path: `/api/${method}`,
      headers: { ...auth, 'Content-Type': 'application/json', ...headers },
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
    auth = { 'X-Quire-Token': server.token };
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

  it('refuses API calls without the token, saying how to get in', async () => {
    const call = await rawRequest(port, { method: 'POST', path: '/api/listArticles', headers: { 'Content-Type': 'application/json' }, body: '[]' });
    expect(call.status).toBe(403);
    // API refusals come as a Result, so the UI can show the sentence.
    expect(JSON.parse(call.body)).toEqual({ ok: false, error: { code: 'forbidden', message: NO_TOKEN_MESSAGE, sentence: { id: 'core.serve.noToken', values: {} } } });
    const wrong = await api('listArticles', [], { 'X-Quire-Token': 'guess' });
    expect(wrong.status).toBe(403);
    const events = await rawRequest(port, { path: '/api/events' });
    expect(events.status).toBe(403);
    const wrongInUrl = await rawRequest(port, { path: '/?token=guess' });
    expect(wrongInUrl.status).toBe(403);
    expect(wrongInUrl.body.trim()).toBe(NO_TOKEN_MESSAGE);
  });

  it('moves the printed token into the fragment of the page address, and sets no cookie', async () => {
    const entry = await rawRequest(port, { path: `/?token=${server.token}` });
    expect(entry.status).toBe(302);
    expect(entry.headers.location).toBe(`/#token=${server.token}`);
    expect(entry.headers['set-cookie']).toBeUndefined();
    expect(entry.headers['cache-control']).toBe('no-store');
  });

  it('serves the page itself to anyone (it holds no data), and never a cookie', async () => {
    const page = await rawRequest(port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Quire</title>');
    const script = await rawRequest(port, { path: '/assets/app.js' });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    for (const response of [page, script, await api('listArticles', [])]) expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('ignores cookies: the right token in a cookie opens nothing, a tossed one locks nobody out', async () => {
    const byCookie = await rawRequest(port, {
      method: 'POST',
      path: '/api/listArticles',
      headers: { Cookie: `quire_token=${server.token}`, 'Content-Type': 'application/json' },
      body: '[]',
    });
    expect(byCookie.status).toBe(403);
    // What a page on another port of 127.0.0.1 can leave in the browser: a wrong token cookie
    // and as many 4 KB cookies as Chromium keeps for one host.
    const tossed = ['quire_token=evil', ...Array.from({ length: 180 }, (_, i) => `junk${i}=${'x'.repeat(4000)}`)].join('; ');
    const call = await api('getSettings', [], { Cookie: tossed });
    expect(call.status).toBe(200);
    expect(JSON.parse(call.body)).toMatchObject({ ok: true });
    const page = await rawRequest(port, { path: '/', headers: { Cookie: tossed } });
    expect(page.status).toBe(200);
  });

  it('puts the security headers on every response', async () => {
    for (const response of [
      await rawRequest(port, { path: '/' }),
      await rawRequest(port, { path: '/?token=guess' }),
      await api('listArticles', []),
      await api('listArticles', [], { 'X-Quire-Token': 'guess' }),
    ]) {
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      // The one policy of every host (the desktop app sends it too).
      expect(response.headers['content-security-policy']).toBe(PAGE_CSP);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(response.headers['x-frame-options']).toBe('DENY');
      // No page of another origin (another port of 127.0.0.1 included) may even load our files.
      expect(response.headers['cross-origin-resource-policy']).toBe('same-origin');
    }
  });

  it('refuses a foreign Host header (DNS rebinding), even with the token', async () => {
    for (const host of ['evil.example:' + port, `127.0.0.1:${port + 1}`, '127.0.0.1', `[::1]:${port}`]) {
      for (const path of ['/', '/api/getSettings']) {
        const response = await rawRequest(port, { method: 'POST', path, headers: { Host: host, ...auth, 'Content-Type': 'application/json' }, body: '[]' });
        expect(response.status, `${host} ${path}`).toBe(403);
      }
      expect((await rawRequest(port, { path: '/', headers: { Host: host } })).status, host).toBe(403);
    }
    const localhost = await api('getSettings', [], { Host: `localhost:${port}` });
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

  it('imports, lists and searches through the API, with Results as JSON', async () => {
    const bytes = readFileSync(SEED);
    const imported = await api('importDocument', [{ fileName: 'seed.txt', dataBase64: bytes.toString('base64') }]);
    expect(imported.status).toBe(200);
    const outcome = JSON.parse(imported.body);
    expect(outcome).toMatchObject({ ok: true, value: { status: 'imported' } });
    const list = JSON.parse((await api('listArticles', [])).body);
    expect(list.value.map((a: { title: string }) => a.title)).toContain(outcome.value.article.title);
    await core.whenIndexed();
    const found = JSON.parse((await api('search', ['Fuad Hussein'])).body);
    expect(found.ok).toBe(true);
    expect(found.value.hits[0].snippet).toContain('<mark>');
    expect(found.value.totals.articles).toBe(1);
  });

  it('answers in ASCII only, every other character escaped, so the page reads one-byte text; the values are unchanged', async () => {
    const title = 'Café au lait — 東京の朝 𝄞 “quoted”';
    const markdown = `# ${title}\n\nNaïve façades in Zürich, and a line in Arabic: مرحبا بالعالم.\n`;
    const imported = await api('importDocument', [{ fileName: 'unicode.md', dataBase64: Buffer.from(markdown).toString('base64') }]);
    expect(JSON.parse(imported.body)).toMatchObject({ ok: true, value: { status: 'imported' } });
    const list = await api('listArticles', []);
    expect(list.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(list.headers['content-length'])).toBe(list.bytes.length);
    expect(list.bytes.every((byte) => byte < 0x80)).toBe(true);
    const titles = JSON.parse(list.body).value.map((a: { title: string }) => a.title);
    expect(titles).toContain(title);
    expect(list.body).toContain('Caf\\u00e9');
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

  it('refuses an upload larger than 300 MB before reading it', async () => {
    const response = await rawRequest(port, {
      method: 'POST',
      path: '/api/importDocument',
      headers: { ...auth, 'Content-Type': 'application/json', 'Content-Length': String(400 * 1024 * 1024) },
      body: '[',
    }).catch((error: NodeJS.ErrnoException) => ({ status: error.code, body: '' }));
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toEqual({
      ok: false,
      error: {
        code: 'invalid-argument',
        message: 'The importDocument request is larger than 300 MB.',
        sentence: { id: 'core.serve.tooLarge', values: { method: 'importDocument', megabytes: 300 } },
      },
    });
  });

  it('refuses a 300 MB search from its declared length, before reading any of it', async () => {
    const response = await rawRequest(port, {
      method: 'POST',
      path: '/api/search',
      headers: { ...auth, 'Content-Type': 'application/json', 'Content-Length': String(300 * 1024 * 1024) },
      body: '["',
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toEqual({
      ok: false,
      error: { code: 'invalid-argument', message: 'The search request is larger than 1 MB.', sentence: { id: 'core.serve.tooLarge', values: { method: 'search', megabytes: 1 } } },
    });
  });

  it('stops reading a streamed search body at its limit: most of 300 MB is never sent', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const { status, sent } = await new Promise<{ status: number; sent: number }>((resolve, reject) => {
      let sent = 0;
      let answered = false;
      const request = http.request(
        { host: '127.0.0.1', port, method: 'POST', path: '/api/search', agent: false, headers: { Host: `127.0.0.1:${port}`, ...auth, 'Content-Type': 'application/json' } },
        (response) => {
          answered = true;
          response.resume();
          resolve({ status: response.statusCode ?? 0, sent });
        },
      );
      request.on('error', (error) => (answered ? undefined : reject(error)));
      const pump = (): void => {
        while (!answered && sent < 300 * 1024 * 1024) {
          sent += chunk.length;
          if (!request.write(chunk)) return void request.once('drain', pump);
        }
        if (!answered) request.end();
      };
      request.write('["');
      pump();
    });
    expect(status).toBe(413);
    // The socket buffers hold a few MB; a server reading on would have taken all 300.
    expect(sent).toBeLessThan(64 * 1024 * 1024);
    // And it still answers.
    expect((await api('getSettings', [])).status).toBe(200);
  });

  it('never reads the body of a refused request: the connection closes after the answer', async () => {
    const unknown = await rawRequest(port, {
      method: 'POST',
      path: '/api/listArticles',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(300 * 1024 * 1024) },
      body: '[',
    });
    expect(unknown.status).toBe(403);
    expect(unknown.headers.connection).toBe('close');
    const noMethod = await api('deleteEverything', '[]');
    expect(noMethod.status).toBe(404);
    expect(noMethod.headers.connection).toBe('close');
  });

  it('takes an upload larger than the small methods may send', async () => {
    const text = `Quire upload\n\n${'A long document. '.repeat(150_000)}`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(2 * 1024 * 1024);
    const imported = await api('importDocument', [{ fileName: 'long.txt', dataBase64: Buffer.from(text).toString('base64') }]);
    expect(imported.status).toBe(200);
    expect(JSON.parse(imported.body)).toMatchObject({ ok: true, value: { status: 'imported' } });
    const sameSizeSearch = await api('search', [text]);
    expect(sameSizeSearch.status).toBe(413);
  });

  it('validates arguments like every other host (invalid-argument in the Result)', async () => {
    const response = await api('getArticle', ['../../etc/passwd']);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('only accepts POST for the API', async () => {
    const response = await rawRequest(port, { path: '/api/listArticles', headers: auth });
    expect(response.status).toBe(405);
    const put = await rawRequest(port, { method: 'PUT', path: '/', headers: auth });
    expect(put.status).toBe(405);
  });
});

describe('browser mode: article files', () => {
  let library: TempLibrary;
  let server: QuireServer;
  let files: string;
  const logged: string[] = [];

  beforeAll(async () => {
    library = createTempLibrary();
    server = await createQuireServer({
      core: createFakeReaderService(),
      rendererDir: makeRendererDir(library.root),
      libraryDir: library.libraryDir,
      log: (message, error) => logged.push(`${message} ${error instanceof Error ? `${error.message} ${error.stack}` : String(error)}`),
    });
    // Where the files are is told to a page that holds the token, in the answer to any call.
    files = await contentBaseOf(server.port, server.token);
  });
  afterAll(async () => {
    await server.close();
    library.cleanup();
  });

  const get = (urlPath: string, headers: Record<string, string> = {}) => rawRequest(server.port, { path: urlPath, headers });

  it('tells a page with the token where the files are: a per-run key, not the token', async () => {
    expect(files).toMatch(/^\/content\/[A-Za-z0-9_-]{43}$/);
    expect(files).toBe(server.contentBase);
    expect(files).not.toContain(server.token);
    const refused = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/listArticles',
      headers: { 'Content-Type': 'application/json' },
      body: '[]',
    });
    expect(refused.headers['x-quire-content-base']).toBeUndefined();
  });

  it('serves a file of an article, typed and sandboxed, to an <img> that sends no header', async () => {
    const response = await get(`${files}/${ARTICLE_ID}/assets/pic.png`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.headers['content-security-policy']).toContain('sandbox');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(response.bytes).toEqual(PNG_BYTES);
  });

  it('refuses the files without the key: the old route, a guessed key, the token, a cookie', async () => {
    for (const urlPath of [
      `/content/${ARTICLE_ID}/assets/pic.png`,
      `/content/guess/${ARTICLE_ID}/assets/pic.png`,
      `/content/${server.token}/${ARTICLE_ID}/assets/pic.png`,
    ]) {
      const response = await get(urlPath, { Cookie: `quire_token=${server.token}`, 'X-Quire-Token': server.token });
      expect(response.status, urlPath).toBe(403);
      expect(response.bytes).not.toEqual(PNG_BYTES);
    }
  });

  it('refuses encoded ../, absolute paths and symlinks that leave the article folder', async () => {
    for (const rest of [
      '%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.txt',
      '..%2f..%2f..%2fsecret.txt',
      '%2Fetc%2Fpasswd',
      '/etc/passwd',
      'assets/leak.txt',
      'assets/escape/secret.txt',
    ]) {
      const response = await get(`${files}/${ARTICLE_ID}/${rest}`);
      expect(response.status, rest).toBe(403);
      expect(response.body).not.toContain('TOP SECRET');
    }
  });

  it('answers 404 for missing files and unknown articles', async () => {
    expect((await get(`${files}/${ARTICLE_ID}/assets/none.png`)).status).toBe(404);
    expect((await get(`${files}/c1b2c3d4e5f60718/text.txt`)).status).toBe(404);
  });

  it('answers 404 to paths too long for any file system, naming no path in its answer or its log', async () => {
    logged.length = 0;
    for (const urlPath of [
      `${files}/${ARTICLE_ID}/${'a'.repeat(5000)}`,
      `${files}/${ARTICLE_ID}/${'a'.repeat(1000)}.png`,
      `${files}/${ARTICLE_ID}/${Array.from({ length: 300 }, () => 'abcdef').join('/')}`,
      `/${'a'.repeat(5000)}`,
      `/assets/${'b'.repeat(1000)}.js`,
    ]) {
      const response = await get(urlPath);
      expect(response.status, urlPath.slice(0, 60)).toBe(404);
      expect(response.body.trim()).toBe('Not found.');
    }
    expect(logged).toEqual([]);
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

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rendererFileResponse } from '../../../electron/core/renderer-files';
import { createQuireServer, type QuireServer } from '../../../electron/serve/server';
import { createFakeReaderService } from '../../support/fake-reader-service';
import { rawRequest } from '../../support/http';

// The renderer build as the desktop app's quire-app: protocol and browser mode both serve it.
const APP = 'quire-app://app';
const INDEX_HTML = '<!doctype html><title>Quire</title><script type="module" src="./assets/app.js"></script>';

let root: string;
let rendererDir: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'quire-renderer-files-'));
  rendererDir = path.join(root, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), INDEX_HTML);
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("quire")');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js.map'), '{"version":3}');
  writeFileSync(path.join(rendererDir, 'assets', 'app.css'), 'body{}');
  writeFileSync(path.join(rendererDir, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(path.join(rendererDir, 'assets', 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(path.join(rendererDir, '.env'), 'SECRET=1');
  writeFileSync(path.join(root, 'secret.txt'), 'library secrets');
  symlinkSync(path.join(root, 'secret.txt'), path.join(rendererDir, 'assets', 'escape.txt'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => rendererFileResponse(new Request(url, { method }), rendererDir);

describe('the renderer build as a Request → Response handler', () => {
  it('serves index.html at the root and by name, as UTF-8 HTML', async () => {
    for (const url of [`${APP}/`, `${APP}/index.html`, `${APP}/index.html?recovered=crash#top`]) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toBe(INDEX_HTML);
    }
  });

  it('types scripts, styles, fonts and images from a MIME table', async () => {
    const types: Record<string, string> = {
      'assets/app.js': 'text/javascript; charset=utf-8',
      'assets/app.css': 'text/css; charset=utf-8',
      'assets/font.woff2': 'font/woff2',
      'assets/icon.svg': 'image/svg+xml; charset=utf-8',
    };
    for (const [file, type] of Object.entries(types)) {
      const response = await get(`${APP}/${file}`);
      expect(response.status, file).toBe(200);
      expect(response.headers.get('content-type'), file).toBe(type);
    }
    expect(new Uint8Array(await (await get(`${APP}/assets/font.woff2`)).arrayBuffer())).toEqual(new Uint8Array([0x77, 0x4f, 0x46, 0x32]));
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const head = await get(`${APP}/assets/app.js`, 'HEAD');
    const full = await get(`${APP}/assets/app.js`);
    expect(head.status).toBe(200);
    expect(Object.fromEntries(head.headers)).toEqual(Object.fromEntries(full.headers));
    expect(head.headers.get('content-length')).toBe(String('console.log("quire")'.length));
    expect(await head.text()).toBe('');
  });

  it('answers 404 for missing files and folders, dotfiles and source maps', async () => {
    for (const file of ['missing.js', 'assets', '.env', 'assets/app.js.map', 'assets/%2eenv']) {
      const response = await get(`${APP}/${file}`);
      expect(response.status, file).toBe(404);
      expect(await response.text()).toBe('Not found.\n');
    }
  });

  it('never serves a file outside the renderer folder: .., encoded separators, symlinks', async () => {
    for (const file of ['..%2fsecret.txt', '%2e%2e%2fsecret.txt', 'assets/..%2f..%2fsecret.txt', '..%5csecret.txt', 'assets/escape.txt', '%2fetc%2fpasswd']) {
      const response = await get(`${APP}/${file}`);
      expect(response.status, file).toBe(403);
      expect(await response.text()).not.toContain('library secrets');
    }
    // Plain `..` never reaches the handler: the URL parser already resolved it inside the origin.
    const dotted = await get(`${APP}/assets/../../secret.txt`);
    expect(dotted.status).toBe(404);
  });

  it('refuses writes', async () => {
    const response = await get(`${APP}/index.html`, 'POST');
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it('puts the page policy on every answer, refusals included', async () => {
    for (const response of [await get(`${APP}/`), await get(`${APP}/missing`), await get(`${APP}/..%2fsecret.txt`)]) {
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
  });
});

describe('browser mode serves the same files with the same headers', () => {
  let server: QuireServer;
  beforeAll(async () => {
    server = await createQuireServer({ core: createFakeReaderService(), rendererDir, libraryDir: root });
  });
  afterAll(() => server.close());

  it('answers like the desktop protocol for the page, an asset, a refusal and a missing file', async () => {
    for (const file of ['', 'assets/app.js', 'assets/escape.txt', 'missing.js']) {
      const desktop = await get(`${APP}/${file}`);
      // The page's files are public in browser mode: they hold no data, and a reload must load them.
      const browser = await rawRequest(server.port, { path: `/${file}` });
      expect(browser.status, file).toBe(desktop.status);
      expect(browser.body, file).toBe(await desktop.text());
      for (const [name, value] of desktop.headers) expect(browser.headers[name], `${file}: ${name}`).toBe(value);
    }
  });
});

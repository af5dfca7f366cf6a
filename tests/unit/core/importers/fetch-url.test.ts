import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFragment } from '../../../../electron/core/importers/dom-window';
import { importFromUrl } from '../../../../electron/core/importers/fetch-url';
import { isQuireError } from '../../../../electron/shared/result';
import { makePdf } from './support/make-pdf';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAYAAACp8Z5+AAAAEUlEQVR4nGP8z8DwnwEJMKFzADUKAgHQ3e5BAAAAAElFTkSuQmCC', 'base64');
const paragraph = 'The harbour at dawn is quiet, and the boats lie still on grey water while the gulls wait on the posts. '.repeat(6);
const ARTICLE = `<!doctype html><html lang="en"><head><title>Harbour at dawn</title></head><body>
<nav><a href="/">Home</a></nav>
<article><h1>Harbour at dawn</h1><p class="byline">By Mara Quill</p>
<p>${paragraph}</p><figure><img src="/pics/boat.png" alt="A boat at its mooring"></figure>
<p>${paragraph}</p><img src="/pics/missing.png" alt="The lighthouse"><img src="/pics/not-an-image.png" alt="A fake picture">
<p>${paragraph}</p></article></body></html>`;

let server: Server;
let base: string;
const requests: string[] = [];

beforeAll(async () => {
  const pdf = await makePdf([{ heading: 'Tide tables', paragraphs: [['High water at six.']] }]);
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    const send = (status: number, type: string, body: string | Uint8Array): void => {
      response.writeHead(status, { 'content-type': type });
      response.end(body);
    };
    switch (request.url) {
      case '/article': return send(200, 'text/html; charset=utf-8', ARTICLE);
      case '/moved': response.writeHead(302, { location: '/article' }); return response.end();
      case '/pics/boat.png': return send(200, 'image/png', PNG);
      case '/pics/not-an-image.png': return send(200, 'image/png', '<html>surprise</html>');
      case '/tides.pdf': return send(200, 'application/pdf', pdf);
      case '/photo.jpg': return send(200, 'image/jpeg', Buffer.alloc(100, 1));
      case '/huge': return send(200, 'text/html', `<html><body><p>${'x'.repeat(300_000)}</p></body></html>`);
      case '/slow': return void setTimeout(() => send(200, 'text/html', ARTICLE), 2_000);
      default: return send(404, 'text/plain', 'not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/**
 * The test server is on loopback, which Quire's own fetch refuses (web-fetch.test.ts): these tests
 * are about reading pages, so they fetch with the plain fetch.
 */
const plain = { fetch: globalThis.fetch };

async function urlError(address: string, options = {}): Promise<string> {
  try {
    await importFromUrl(address, { ...plain, ...options });
  } catch (error) {
    if (isQuireError(error)) return error.message;
    throw error;
  }
  throw new Error(`${address} was imported`);
}

describe('import from a web address', () => {
  it('reads the article, keeps its address and downloads the pictures it shows into assets', async () => {
    const result = await importFromUrl(`${base}/moved`, plain);
    const { document } = result;
    expect(result.format).toBe('html');
    expect(result.finalUrl).toBe(`${base}/article`);
    expect(document.url).toBe(`${base}/article`);
    expect(document.title).toBe('Harbour at dawn');
    expect(document.text).toContain('The harbour at dawn is quiet');
    expect(document.assets).toHaveLength(1);
    expect(Buffer.from(document.assets[0]!.bytes).equals(PNG)).toBe(true);
    const images = Array.from(parseFragment(document.html).querySelectorAll('img'), (img) => img.getAttribute('src'));
    expect(images).toEqual([document.assets[0]!.path]);
    // A picture that is missing, or is not a picture, keeps its alt text.
    expect(document.text).toContain('The lighthouse');
    expect(document.text).toContain('A fake picture');
    expect(parseFragment(document.html).textContent).toBe(document.text);
    // Nothing outside the page and the article's own pictures was requested (no navigation links).
    expect(requests.filter((r) => r !== '/moved' && r !== '/article' && !r.startsWith('/pics/'))).toEqual([]);
  });

  it('reads a PDF served at an address', async () => {
    const { format, document } = await importFromUrl(`${base}/tides.pdf`, plain);
    expect(format).toBe('pdf');
    expect(document.title).toBe('Tide tables');
    expect(document.url).toBe(`${base}/tides.pdf`);
  });

  it('uses the fetch it is given', async () => {
    const seen: string[] = [];
    const fakeFetch: typeof fetch = async (input) => {
      seen.push(String(input));
      return new Response('Quiet harbour\nBoats at rest.', { headers: { 'content-type': 'text/plain' } });
    };
    const { document } = await importFromUrl('https://example.org/notes.txt', { fetch: fakeFetch });
    expect(seen).toEqual(['https://example.org/notes.txt']);
    expect(document.title).toBe('Quiet harbour');
  });

  it('refuses what it should, each with one sentence', async () => {
    expect(await urlError('file:///etc/passwd')).toBe('Quire imports only web addresses that start with http:// or https://.');
    expect(await urlError('not an address')).toBe('This is not a web address.');
    expect(await urlError(`${base}/nothing-here`)).toBe('The page could not be downloaded (the server answered 404).');
    expect(await urlError(`${base}/photo.jpg`)).toBe('This address leads to a image/jpeg file, not a page or document Quire can read.');
    expect(await urlError(`${base}/huge`, { maxBytes: 100 * 1024 })).toBe('The file is larger than 100 KB, the most Quire can import.');
    expect(await urlError(`${base}/slow`, { timeoutMs: 200 })).toBe('The page did not arrive within 1 second.');
    expect(await urlError('http://127.0.0.1:1/')).toBe('The page could not be downloaded (the address cannot be reached).');
  });
});

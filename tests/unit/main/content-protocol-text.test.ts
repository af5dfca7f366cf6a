/**
 * The reader reads a long book's text.txt in a worker (renderer/reader/text-file-worker.ts) with a
 * plain `fetch` of the article file's URL: `quire-content:` in the desktop app, the browser-mode
 * server's `/content/<key>/…` in a browser. Both must answer that request alike, byte for byte,
 * whatever the file's size (it is read in 1 MB pieces) and wherever a character's bytes fall
 * across two pieces: the worker decodes the answer as UTF-8, and the reader checks the text's
 * length against the core's.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Protocol } from 'electron';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SCHEME, handleContentProtocol } from '../../../electron/main/content-protocol';
import { CONTENT_READ_CHUNK_BYTES } from '../../../electron/core/content-path';
import { createQuireServer, type QuireServer } from '../../../electron/serve/server';
import { fake } from '../../support/fake-electron';
import { createFakeReaderService } from '../../support/fake-reader-service';
import { contentBaseOf, rawRequest } from '../../support/http';
import { ARTICLE_ID, createTempLibrary, type TempLibrary } from '../../support/temp-library';

/**
 * A text of 2.5 pieces with characters of two, three and four bytes in UTF-8, one of them cut by
 * the first piece's end (and two-byte UTF-16 in the string: the length the core counts).
 */
function bookText(): string {
  const filler = 'Call me Ishmael. Some years ago — never mind how long precisely — ';
  const head = 'a'.repeat(CONTENT_READ_CHUNK_BYTES - 2);
  const whale = '鯨'; // three bytes: two in the first piece, one in the second
  const start = `${head}${whale}é🐋\n`;
  const fillerBytes = Buffer.byteLength(filler);
  return start + filler.repeat(Math.ceil((CONTENT_READ_CHUNK_BYTES * 2.5 - Buffer.byteLength(start)) / fillerBytes));
}

describe("the worker's request for text.txt, desktop and browser alike", () => {
  let library: TempLibrary;
  let server: QuireServer;
  let files: string;
  const text = bookText();

  beforeAll(async () => {
    library = createTempLibrary();
    writeFileSync(path.join(library.articleDir, 'text.txt'), text);
    server = await createQuireServer({ core: createFakeReaderService(), rendererDir: library.root, libraryDir: () => library.libraryDir });
    files = await contentBaseOf(server.port, server.token);
  });
  afterAll(async () => {
    await server.close();
    library.cleanup();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  /** The desktop app's answer to a request, as Electron hands it to the handler. */
  const desktop = (url: string, init?: RequestInit): Promise<Response> => {
    // Served once per test, as the app does once it is ready.
    if (!fake.protocol.handlers.has(CONTENT_SCHEME)) handleContentProtocol(fake.protocol as unknown as Protocol, () => library.libraryDir, vi.fn());
    const handler = fake.protocol.handlers.get(CONTENT_SCHEME)!;
    return Promise.resolve(handler(new Request(url, init)));
  };
  // The URL the reader gives the worker (renderer/api/api-client.ts, assetUrl).
  const desktopUrl = `quire-content://articles/${encodeURIComponent(ARTICLE_ID)}/text.txt`;

  /** Runs the worker's own code with its `fetch` answered by `answer`; resolves to what it posts back. */
  async function runWorker(url: string, answer: (url: string) => Promise<Response>): Promise<unknown> {
    const posted = new Promise<unknown>((resolve) => vi.stubGlobal('postMessage', resolve));
    vi.stubGlobal('fetch', (input: string) => answer(input));
    // A worker's global scope has its `onmessage`; the worker's code sets it.
    vi.stubGlobal('onmessage', null);
    await import('../../../renderer/reader/text-file-worker');
    const onmessage = (globalThis as unknown as { onmessage?: (event: { data: string }) => Promise<void> }).onmessage;
    expect(onmessage).toBeTypeOf('function');
    await onmessage!({ data: url });
    return posted;
  }

  it('gives the worker the whole text, every character whole, in the desktop app', async () => {
    const read = await runWorker(desktopUrl, (url) => desktop(url));
    expect(typeof read).toBe('string');
    expect((read as string).length).toBe(text.length);
    expect(read === text).toBe(true);
  });

  it('answers as the browser-mode server does: status, type, headers of the file and bytes', async () => {
    const answer = await desktop(desktopUrl);
    const served = await rawRequest(server.port, { path: `${files}/${ARTICLE_ID}/text.txt` });
    expect(answer.status).toBe(served.status);
    expect(answer.status).toBe(200);
    for (const header of ['content-type', 'content-security-policy', 'x-content-type-options', 'cache-control']) {
      expect(answer.headers.get(header), header).toBe(served.headers[header]);
    }
    expect(answer.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const bytes = Buffer.from(await answer.arrayBuffer());
    expect(bytes.equals(served.bytes)).toBe(true);
    expect(bytes.equals(Buffer.from(text))).toBe(true);
  });

  it('answers a missing text.txt with 404 in both, which the worker reports as no text', async () => {
    const missing = `quire-content://articles/${ARTICLE_ID}/gone/text.txt`;
    expect((await desktop(missing)).status).toBe(404);
    expect((await rawRequest(server.port, { path: `${files}/${ARTICLE_ID}/gone/text.txt` })).status).toBe(404);
    expect(await runWorker(missing, (url) => desktop(url))).toBeNull();
  });
});

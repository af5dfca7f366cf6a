import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Protocol } from 'electron';
import { CONTENT_SCHEME, handleContentProtocol } from '../../../electron/main/content-protocol';
import { fake } from '../../support/fake-electron';
import { ARTICLE_ID, PNG_BYTES, createTempLibrary, type TempLibrary } from '../../support/temp-library';

describe('quire-content: protocol', () => {
  let library: TempLibrary;
  beforeEach(() => {
    library = createTempLibrary();
  });
  afterEach(() => library.cleanup());

  const serve = () => {
    handleContentProtocol(fake.protocol as unknown as Protocol, () => library.libraryDir, vi.fn());
    const handler = fake.protocol.handlers.get(CONTENT_SCHEME)!;
    return (url: string, init?: RequestInit) => Promise.resolve(handler(new Request(url, init)));
  };

  it('serves a file of the article with its type, sandboxed', async () => {
    const response = await serve()(`quire-content://articles/${ARTICLE_ID}/assets/a%20b.png`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PNG_BYTES);
  });

  it('refuses encoded ../ and a symlink that points outside the article folder', async () => {
    const fetch = serve();
    const encoded = await fetch(`quire-content://articles/${ARTICLE_ID}/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.txt`);
    expect(encoded.status).toBe(403);
    const symlink = await fetch(`quire-content://articles/${ARTICLE_ID}/assets/leak.txt`);
    expect(symlink.status).toBe(403);
    expect(await symlink.text()).not.toContain('TOP SECRET');
  });

  it('never leaves the article folder through plain ../ either (the URL parser folds it first)', async () => {
    const response = await serve()(`quire-content://articles/${ARTICLE_ID}/../../../secret.txt`);
    expect([403, 404]).toContain(response.status);
    expect(await response.text()).not.toContain('TOP SECRET');
  });

  it('answers a name too long for the file system with 404, and logs nothing (no path in a log)', async () => {
    const log = vi.fn();
    handleContentProtocol(fake.protocol as unknown as Protocol, () => library.libraryDir, log);
    const handler = fake.protocol.handlers.get(CONTENT_SCHEME)!;
    const response = await Promise.resolve(handler(new Request(`quire-content://articles/${ARTICLE_ID}/${'a'.repeat(5000)}`)));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(library.libraryDir);
    expect(log).not.toHaveBeenCalled();
  });

  it('answers 404 for missing files and other hosts', async () => {
    const fetch = serve();
    expect((await fetch(`quire-content://articles/${ARTICLE_ID}/assets/none.png`)).status).toBe(404);
    expect((await fetch(`quire-content://library/${ARTICLE_ID}/text.txt`)).status).toBe(404);
    expect((await fetch(`quire-content://articles/${ARTICLE_ID}`)).status).toBe(404);
  });

  it('serves a script as plain bytes, which nosniff keeps from running', async () => {
    const response = await serve()(`quire-content://articles/${ARTICLE_ID}/assets/evil.js`);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
  });

  it('accepts only GET and HEAD', async () => {
    const response = await serve()(`quire-content://articles/${ARTICLE_ID}/text.txt`, { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
  });
});

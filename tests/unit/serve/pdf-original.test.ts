/**
 * The reader's page view shows a PDF from the original kept beside its text: the import keeps the
 * bytes as `original.pdf`, and both hosts serve them as a PDF under the article files' rules.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openQuire, type QuireCore } from '../../../electron/core/open-quire';
import { createConfStore } from '../../../electron/core/settings/conf-store';
import { contentResponse } from '../../../electron/main/content-protocol';
import { createQuireServer, type QuireServer } from '../../../electron/serve/server';
import { contentBaseOf, rawRequest } from '../../support/http';
import { makePdf } from '../core/importers/support/make-pdf';

describe('a PDF\'s original, kept and served', () => {
  let root: string;
  let core: QuireCore;
  let server: QuireServer;
  let contentBase: string;
  let pdf: Uint8Array;
  let articleId: string;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'quire-pdf-'));
    core = await openQuire({
      libraryDir: path.join(root, 'library'),
      cacheDir: path.join(root, 'cache'),
      settings: createConfStore(path.join(root, 'config')),
      log: () => {},
    });
    server = await createQuireServer({ core, rendererDir: path.join(root, 'no-renderer'), libraryDir: () => core.libraryDir });
    pdf = await makePdf([{ heading: 'Two Pages', paragraphs: [['The first page.']] }, { paragraphs: [['The second page.']] }]);
    const outcome = await core.importDocument({ fileName: 'Two Pages.PDF', dataBase64: Buffer.from(pdf).toString('base64') });
    if (outcome.status !== 'imported') throw new Error(`not imported: ${outcome.status}`);
    articleId = outcome.article.id;
    contentBase = await contentBaseOf(server.port, server.token);
  });

  afterAll(async () => {
    await server?.close();
    await core?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('keeps the imported bytes as original.pdf in the article folder', () => {
    const kept = readFileSync(path.join(core.libraryDir, 'articles', articleId, 'original.pdf'));
    expect(Buffer.compare(kept, Buffer.from(pdf))).toBe(0);
  });

  it('serves it in the desktop app as application/pdf, sandboxed', async () => {
    const response = await contentResponse(new Request(`quire-content://articles/${articleId}/original.pdf`), core.libraryDir);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect(Buffer.compare(Buffer.from(await response.arrayBuffer()), Buffer.from(pdf))).toBe(0);
  });

  it('serves it in browser mode as application/pdf, behind the per-run key', async () => {
    const response = await rawRequest(server.port, { path: `${contentBase}/${articleId}/original.pdf` });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(Buffer.compare(response.bytes, Buffer.from(pdf))).toBe(0);
    const keyless = await rawRequest(server.port, { path: `/content/${articleId}/original.pdf` });
    expect(keyless.status).toBe(403);
  });

  it('refuses another article\'s name and a path out of the folder, in both hosts', async () => {
    const missing = await contentResponse(new Request('quire-content://articles/ffffffffffffffff/original.pdf'), core.libraryDir);
    expect(missing.status).toBe(404);
    const out = await contentResponse(new Request(`quire-content://articles/${articleId}/%2e%2e%2f..%2foriginal.pdf`), core.libraryDir);
    expect([403, 404]).toContain(out.status);
    const route = await rawRequest(server.port, { path: `${contentBase}/ffffffffffffffff/original.pdf` });
    expect(route.status).toBe(404);
  });

  it('gets its original back when the same PDF is imported again after the folder lost it', async () => {
    const kept = path.join(core.libraryDir, 'articles', articleId, 'original.pdf');
    rmSync(kept);
    const again = await core.importDocument({ fileName: 'copy.pdf', dataBase64: Buffer.from(pdf).toString('base64') });
    expect(again.status).toBe('duplicate');
    expect(existsSync(kept)).toBe(true);
    expect(Buffer.compare(readFileSync(kept), Buffer.from(pdf))).toBe(0);
  });
});

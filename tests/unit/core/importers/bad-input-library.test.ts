/**
 * Bad input through the whole core: a batch of broken files imported into a real library
 * folder. Each broken file gets its one sentence, the good file in the batch is imported with its
 * pictures, and nothing else appears on disk, inside the library or out of it.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openQuire } from '../../../../electron/core/open-quire';
import type { ImportOutcome } from '../../../../electron/shared/models';
import { CORPUS_DIR } from '../support/corpus';
import { createMemoryIndex, createMemoryIndexState } from '../support/memory-search-index';
import { useTempDir } from '../support/temp-dir';
import { makeImageOnlyPdf, makePasswordProtectedPdf } from './support/make-pdf';
import { makeEpub, xhtml } from './support/make-zip';

const tempDir = useTempDir();
const MB = 1024 * 1024;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAYAAACp8Z5+AAAAEUlEQVR4nGP8z8DwnwEJMKFzADUKAgHQ3e5BAAAAAElFTkSuQmCC', 'base64');

/** Every path under `dir`, folders marked with a slash. */
function listing(dir: string): string[] {
  const walk = (at: string): string[] =>
    readdirSync(at, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(at, entry.name);
      return entry.isDirectory() ? [`${full}/`, ...walk(full)] : [full];
    });
  return walk(dir).map((p) => path.relative(dir, p)).sort();
}

const opf = (manifest: string, spine: string): string =>
  `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>T</dc:title></metadata><manifest>${manifest}</manifest><spine>${spine}</spine></package>`;

describe('a batch of broken files imported into a library', () => {
  it('fails each with one clear sentence, imports the good one with its pictures, and leaves nothing else', async () => {
    const root = tempDir();
    const libraryDir = path.join(root, 'library');
    const inbox = path.join(root, 'inbox', 'deep', 'er');
    mkdirSync(path.join(inbox, 'page_files'), { recursive: true });
    const chapter = { 'c.xhtml': xhtml('c', '<p>Inside.</p>') };
    const files: Record<string, Uint8Array | string> = {
      '01-empty.txt': '',
      '02-picture.html': PNG,
      '03-cut.epub': readFileSync(path.join(CORPUS_DIR, 'epub', 'moby-dick.epub')).subarray(0, 200_000),
      '04-bomb.epub': makeEpub({
        opf: opf('<item id="c" href="c.xhtml" media-type="application/xhtml+xml"/>', '<itemref idref="c"/>'),
        files: { 'c.xhtml': xhtml('c', `<p>${'a'.repeat(3 * MB)}</p>`) },
      }),
      '05-invalid-opf.epub': makeEpub({ opf: '<package><metadata>' }),
      '06-too-big.txt': 'Big\n' + 'words '.repeat(MB / 6 + 10),
      '07-archive.rar': 'Rar!',
      '08-locked.pdf': await makePasswordProtectedPdf(),
      '09-scan.pdf': await makeImageOnlyPdf(),
      '10-escape.epub': makeEpub({
        opf: opf('<item id="c" href="c.xhtml" media-type="application/xhtml+xml"/>', '<itemref idref="c"/>'),
        files: chapter,
        extra: [{ name: '../../escaped.txt', data: 'out' }, { name: '/tmp/absolute-escape.txt', data: 'out' }],
      }),
      '11-good.html': `<!doctype html><html lang="en"><head><title>Good page</title></head><body><article><h1>Good page</h1>
        <p>${'A paragraph worth reading, with enough words to count as an article. '.repeat(8)}</p>
        <img src="page_files/photo.png" alt="A photo"><img src="../../../secret.png" alt="Outside the page folder">
        </article></body></html>`,
      'page_files/photo.png': PNG,
    };
    for (const [name, data] of Object.entries(files)) writeFileSync(path.join(inbox, name), data);
    writeFileSync(path.join(root, 'secret.png'), PNG);
    const rootBefore = listing(root).filter((p) => !p.startsWith('library'));

    const memory = createMemoryIndexState();
    const quire = await openQuire({
      libraryDir,
      cacheDir: path.join(root, 'cache'),
      settings: { get: () => undefined, set: () => undefined },
      createIndex: (options) => createMemoryIndex(memory, options),
      maxImportBytes: MB,
    });
    const libraryBefore = listing(libraryDir);
    let outcomes: ImportOutcome[];
    try {
      outcomes = await quire.importPaths(Object.keys(files).filter((name) => !name.includes('/')).map((name) => path.join(inbox, name)));
    } finally {
      await quire.close();
    }

    const reasons = Object.fromEntries(outcomes.map((o) => [path.basename(o.source), o.status === 'failed' ? o.reason : o.status]));
    expect(reasons).toEqual({
      '01-empty.txt': 'The file is empty.',
      '02-picture.html': 'This file does not look like a text/HTML document.',
      '03-cut.epub': 'This EPUB is damaged or incomplete: its zip archive cannot be read.',
      '04-bomb.epub': 'This EPUB unpacks to more than Quire allows (it may be a zip bomb); it was not imported.',
      '05-invalid-opf.epub': "This EPUB's package file (OPF) is not valid XML, so its contents cannot be read.",
      '06-too-big.txt': 'The file is larger than 1 MB, the most Quire can import.',
      '07-archive.rar': 'Quire cannot import .rar files yet (supported: .epub, .pdf, .html, .htm, .xhtml, .md, .markdown, .txt).',
      '08-locked.pdf': 'This PDF is password-protected; Quire cannot open it.',
      '09-scan.pdf': 'This PDF has no text layer (it is scanned images); Quire cannot import it yet.',
      '10-escape.epub': 'imported',
      '11-good.html': 'imported',
    });

    // Only the two good articles were added: their folders, nothing else in the library.
    const ids = outcomes.flatMap((o) => (o.status === 'imported' ? [o.article.id] : []));
    const added = listing(libraryDir).filter((p) => !libraryBefore.includes(p));
    expect(added.every((p) => ids.some((id) => p.startsWith(path.join('articles', id))))).toBe(true);
    // No entry of the archive was written anywhere, in the library or beside it.
    expect(listing(root).filter((p) => !p.startsWith('library') && !p.startsWith('cache'))).toEqual(rootBefore);

    // The good page keeps the picture beside it as a generated asset, not the one outside its
    // folder.
    const good = outcomes.find((o) => path.basename(o.source) === '11-good.html')!;
    if (good.status !== 'imported') throw new Error('not imported');
    const articleDir = path.join(libraryDir, 'articles', good.article.id);
    const assets = readdirSync(path.join(articleDir, 'assets'));
    expect(assets).toHaveLength(1);
    expect(assets[0]).toMatch(/^[0-9a-f]{20}\.png$/);
    expect(readFileSync(path.join(articleDir, 'assets', assets[0]!)).equals(PNG)).toBe(true);
    const html = readFileSync(path.join(articleDir, 'content.html'), 'utf8');
    expect(html).toContain(`<img src="assets/${assets[0]}" alt="A photo">`);
    expect(readFileSync(path.join(articleDir, 'text.txt'), 'utf8')).toContain('Outside the page folder');
  }, 60_000);
});

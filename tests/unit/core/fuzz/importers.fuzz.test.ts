/**
 * Hostile input, fuzzed (docs/security.md, "Hostile files, crashes and restores"). Every importer
 * gets generated malformed files (random bytes, truncated and byte-flipped real documents, hostile
 * markup, bad encodings, hostile archives and PDFs). Each runs in the real import worker pool (the
 * worker path, `extractForLibrary`), so a hang is stopped by its time limit (the abort ends the
 * worker) and a crash stays in its thread. Each must end within its CPU time (below) and its time
 * limit, in a valid document, which is then written into a library in a temp folder, or in a
 * QuireError's one sentence; nothing may appear outside the article folders. The seed is fixed (QUIRE_FUZZ_SEED overrides it) so CI is deterministic;
 * QUIRE_FUZZ_LONG=1 runs many more inputs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fragmentText } from '../../../../electron/core/importers/fragment-text';
import { createImportPool } from '../../../../electron/core/import-jobs/import-pool';
import { ArticleStore } from '../../../../electron/core/library/article-store';
import { asString } from '../../../../electron/core/library/content-files';
import { addExtracted } from '../../../../electron/core/library/import-into-library';
import { CORPUS_DIR, SEED_FILE } from '../support/corpus';
import { processCpuMs } from '../support/process-cpu';
import { useTempDir } from '../support/temp-dir';
import { makePasswordProtectedPdf, makePdf } from '../importers/support/make-pdf';
import { makeEpub, makeZip, xhtml } from '../importers/support/make-zip';

const LONG = process.env.QUIRE_FUZZ_LONG === '1';
const SEED = Number(process.env.QUIRE_FUZZ_SEED ?? 20261128);
/** Generated inputs per kind of trial: the default run stays near a minute on two shared cores. */
const PER_KIND = LONG ? 1000 : 140;
/**
 * What one input may cost, in CPU time of the import host (Linux; elsewhere in time on the clock):
 * the slowest take about 1.7 s (the 4 MB attribute, and a fresh worker's start every 250 files).
 * CPU time, because the host runs at background priority, below the test run beside this file,
 * which on two busy cores can leave it a tenth of a core: inputs of 1–2 s of work then took over
 * 10 s on the clock.
 */
const CPU_LIMIT_MS = 10_000;
/** Stops an input that hangs without using CPU (waiting on something that never comes). */
const TIME_LIMIT_MS = 60_000;
const tempDir = useTempDir('quire-fuzz-');

interface FuzzInput {
  fileName: string;
  bytes: Uint8Array;
}

const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');

const OPF = (manifest: string, spine: string, extra = ''): string =>
  `<?xml version="1.0"?>${extra}<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>T</dc:title></metadata><manifest>${manifest}</manifest><spine>${spine}</spine></package>`;
const CHAPTER = '<item id="c" href="c.xhtml" media-type="application/xhtml+xml"/>';

function corpusFiles(): { html: Uint8Array[]; epub: Uint8Array[]; txt: Uint8Array[] } {
  const pages = readdirSync(path.join(CORPUS_DIR, 'web-pages')).sort().map((name) => readFileSync(path.join(CORPUS_DIR, 'web-pages', name, 'source.html')));
  // Small books only: a byte flip in a large one still reads the whole book, which costs seconds.
  const epub = ['hefty-water.epub', 'trees.epub'].map((name) => readFileSync(path.join(CORPUS_DIR, 'epub', name)));
  return { html: pages.filter((page) => page.length < 120_000), epub, txt: [readFileSync(SEED_FILE)] };
}

/** Hand-made hostile documents: every kind the issue names, each at least once in every run. */
function hostileDocuments(): FuzzInput[] {
  const MB = 1024 * 1024;
  const depth = LONG ? 20_000 : 2_000;
  const html = (body: string): string => `<html><head><title>Hostile</title></head><body>${body}</body></html>`;
  const billion = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>`;
  const external = `<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`;
  const book = (files: Record<string, string>, opf = OPF(CHAPTER, '<itemref idref="c"/>')): Uint8Array => makeEpub({ opf, files });
  const docs: FuzzInput[] = [
    { fileName: 'nested-div.html', bytes: utf8(html('<div>'.repeat(depth) + 'deep text' + '</div>'.repeat(depth))) },
    { fileName: 'nested-b.htm', bytes: utf8(html('<p>' + '<b>'.repeat(depth) + 'deep text')) },
    { fileName: 'nested-list.html', bytes: utf8(html('<ul><li>'.repeat(depth) + 'deep text')) },
    { fileName: 'nested-table.xhtml', bytes: utf8(html('<table><tr><td>'.repeat(depth / 4) + 'deep text')) },
    { fileName: 'nested-chapter.epub', bytes: book({ 'c.xhtml': xhtml('c', '<div>'.repeat(depth) + 'deep text' + '</div>'.repeat(depth)) }) },
    { fileName: 'nested-broken-chapter.epub', bytes: book({ 'c.xhtml': xhtml('c', '<div>'.repeat(depth) + 'deep text') }) },
    { fileName: 'huge-attribute.html', bytes: utf8(html(`<p title="${'x'.repeat(4 * MB)}">text</p>`)) },
    { fileName: 'unclosed-comment.html', bytes: utf8(html('<p>text</p><!--' + 'x'.repeat(1000))) },
    { fileName: 'unclosed-cdata.html', bytes: utf8(html('<p>text</p><![CDATA[' + 'x'.repeat(1000))) },
    { fileName: 'nested-quote.md', bytes: utf8('>'.repeat(depth * 5) + ' deep') },
    { fileName: 'nested-html.md', bytes: utf8('# T\n\n' + '<div>'.repeat(depth) + 'deep') },
    { fileName: 'yaml-bomb.md', bytes: utf8('---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c]\ntitle: T\n---\nbody\n') },
    { fileName: 'yaml-deep.md', bytes: utf8('---\ntitle: ' + '['.repeat(depth * 5) + '\n---\nbody\n') },
    { fileName: 'lone-surrogate.txt', bytes: utf8('Title\n\ud800 lone \udfff surrogates') },
    { fileName: 'invalid-utf8.txt', bytes: Uint8Array.from([0x54, 0x69, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0x0a, 0x66, 0x80, 0x81]) },
    { fileName: 'utf16-no-bom.txt', bytes: Buffer.from('Title\nSome text in UTF-16 without a BOM.', 'utf16le') },
    { fileName: 'bom-lie.html', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), utf8(html('<p>UTF-8 behind a UTF-16 BOM</p>'))]) },
    { fileName: 'bom-lie-odd.txt', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), utf8('odd')]) },
    { fileName: 'charset-lie.html', bytes: Buffer.concat([utf8('<meta charset="utf-16"><meta charset="x-nonsense"><p>'), Buffer.from([0xe9, 0xe8, 0xff]), utf8('</p>')]) },
    { fileName: 'escape.epub', bytes: makeEpub({ opf: OPF(CHAPTER, '<itemref idref="c"/>'), files: { 'c.xhtml': xhtml('c', '<p>in</p>') }, extra: [{ name: '../../x.txt', data: 'out' }, { name: '/tmp/abs.txt', data: 'out' }, { name: '..\\..\\win.txt', data: 'out' }, { name: 'C:/drive.txt', data: 'out' }, { name: '../fuzz-escape-marker.txt', data: 'out' }] }) },
    { fileName: 'duplicates.epub', bytes: makeZip([{ name: 'mimetype', data: 'application/epub+zip', store: true }, { name: 'META-INF/container.xml', data: '<container><rootfiles><rootfile full-path="a.opf"/></rootfiles></container>' }, { name: 'a.opf', data: OPF('<item id="c" href="c.xhtml" media-type="application/xhtml+xml"/>', '<itemref idref="c"/>') }, { name: 'c.xhtml', data: xhtml('c', '<p>one</p>') }, { name: 'c.xhtml', data: xhtml('c', '<p>two</p>') }]) },
    { fileName: 'bomb.epub', bytes: book({ 'c.xhtml': xhtml('c', `<p>${'a'.repeat(3 * MB)}</p>`) }) },
    { fileName: 'lying-size.epub', bytes: makeEpub({ opf: OPF(CHAPTER, '<itemref idref="c"/>'), extra: [{ name: 'OEBPS/c.xhtml', data: xhtml('c', `<p>${'a'.repeat(MB)}</p>`), declaredSize: 100 }] }) },
    { fileName: 'no-container.epub', bytes: makeZip([{ name: 'mimetype', data: 'application/epub+zip', store: true }, { name: 'c.xhtml', data: xhtml('c', '<p>x</p>') }]) },
    { fileName: 'no-opf.epub', bytes: makeZip([{ name: 'mimetype', data: 'application/epub+zip', store: true }, { name: 'META-INF/container.xml', data: '<container><rootfiles><rootfile full-path="missing.opf"/></rootfiles></container>' }]) },
    { fileName: 'circular.epub', bytes: makeEpub({ opf: OPF('<item id="c" href="c.xhtml" media-type="application/xhtml+xml"/><item id="n" href="c.xhtml" media-type="application/xhtml+xml" properties="nav"/><item id="s" href="content.opf" media-type="application/xhtml+xml"/>', '<itemref idref="c"/><itemref idref="c"/><itemref idref="n"/><itemref idref="s"/>'), files: { 'c.xhtml': xhtml('c', '<nav epub:type="toc"><ol><li><a href="c.xhtml">self</a><ol><li><a href="#x">loop</a></li></ol></li></ol></nav><p id="x">text</p>') } }) },
    { fileName: 'billion-laughs.epub', bytes: book({ 'c.xhtml': `<?xml version="1.0"?>${billion}<html xmlns="http://www.w3.org/1999/xhtml"><body><p>&lol4;</p></body></html>` }, OPF(CHAPTER, '<itemref idref="c"/>', billion)) },
    { fileName: 'external-entity.epub', bytes: book({ 'c.xhtml': `<?xml version="1.0"?>${external}<html xmlns="http://www.w3.org/1999/xhtml"><body><p>&xxe; text</p></body></html>` }) },
    { fileName: 'mimetype-lie.epub', bytes: makeZip([{ name: 'mimetype', data: 'application/pdf', store: true }, { name: 'x.txt', data: 'not a book' }]) },
    { fileName: 'zip-as-html.html', bytes: book({ 'c.xhtml': xhtml('c', '<p>x</p>') }) },
    { fileName: 'xref.pdf', bytes: utf8('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\nxref\n0 99999999\ntrailer<</Root 1 0 R/Size 99999999>>\nstartxref\n9\n%%EOF') },
    { fileName: 'objects.pdf', bytes: utf8('%PDF-1.7\n1 0 obj<</Type/Catalog/Pages 1 0 R/Kids[1 0 R]>>endobj\n2 0 obj<</Length -5>>stream\nxx\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF') },
    { fileName: 'encrypted-looking.pdf', bytes: utf8('%PDF-1.4\n1 0 obj<</Filter/Standard/V 9/R 9>>endobj\ntrailer<</Encrypt 1 0 R/Root 2 0 R>>\n%%EOF') },
  ];
  return docs;
}

/** Cuts, flips and random bytes from fast-check, with the fixed seed. */
function generated(sources: { fileName: string; bytes: Uint8Array }[], count: number, seed: number): FuzzInput[] {
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({ kind: fc.constant('flip' as const), flips: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }) }),
    fc.record({ kind: fc.constant('random' as const), bytes: fc.uint8Array({ minLength: 1, maxLength: 4096 }) }),
  );
  const samples = fc.sample(fc.tuple(fc.nat(), mutation), { numRuns: count, seed });
  return samples.map(([pick, change]) => {
    const source = sources[pick % sources.length]!;
    if (change.kind === 'random') return { fileName: source.fileName, bytes: change.bytes };
    if (change.kind === 'cut') return { fileName: source.fileName, bytes: source.bytes.subarray(0, Math.max(1, Math.floor(change.at * source.bytes.length))) };
    const bytes = Uint8Array.from(source.bytes);
    for (const [at, value] of change.flips) bytes[Math.min(bytes.length - 1, Math.floor(at * bytes.length))] = value;
    return { fileName: source.fileName, bytes };
  });
}

/** Every path under `dir`, relative to it. */
const listing = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

const ONE_SENTENCE = /^[A-Z][^\n]{5,300}[.!]$/;
const ASSET = /^assets\/[0-9a-f]{20}\.(?:png|jpg|gif|webp|avif|bmp|svg)$/;

describe('every importer under hostile input', () => {
  it('ends each input in a valid article or one clear sentence, in time, writing only into article folders', async () => {
    console.log(`fuzz seed ${SEED} (QUIRE_FUZZ_SEED=${SEED} to repeat)${LONG ? ', long run' : ''}`);
    const corpus = corpusFiles();
    const pdf = await makePdf([{ heading: 'Fuzzed PDF', paragraphs: [['A line of text in a PDF,', 'and another one.']] }], { title: 'Fuzz' });
    const locked = await makePasswordProtectedPdf();
    const markdown = utf8('---\ntitle: Front\ntags: [a, b]\n---\n# Heading\n\nSome *markdown* with a [link](http://x) and <b>html</b>.\n\n- list\n- items\n\n```\ncode\n```\n');
    const sources = [
      ...corpus.html.map((bytes, i) => ({ fileName: `page-${i}.${['html', 'htm', 'xhtml'][i % 3]}`, bytes })),
      ...corpus.epub.map((bytes, i) => ({ fileName: `book-${i}.epub`, bytes })),
      ...corpus.txt.map((bytes) => ({ fileName: 'seed.txt', bytes })),
      { fileName: 'doc.pdf', bytes: pdf },
      { fileName: 'locked.pdf', bytes: locked },
      { fileName: 'note.md', bytes: markdown },
    ];
    // Per format rather than per source, so the many web pages do not crowd out the other formats.
    const byFormat = new Map<string, typeof sources>();
    for (const source of sources) {
      const ext = path.extname(source.fileName);
      byFormat.set(ext, [...(byFormat.get(ext) ?? []), source]);
    }
    const inputs = [...hostileDocuments()];
    [...byFormat.values()].forEach((group, i) => inputs.push(...generated(group, PER_KIND, SEED + i)));

    const root = tempDir();
    const libraryDir = path.join(root, 'library');
    const { store } = await ArticleStore.open(libraryDir, { log: () => undefined });
    const before = listing(root);
    // One input at a time, so that the host's CPU time between two inputs is the one input's.
    const pool = createImportPool({ threads: 1, maxHeapMb: 1024 });
    // A cold worker loads jsdom and the importers first, which is not the first input's cost.
    const warmUp = utf8('<html><head><title>Warm</title></head><body><p>Warming the worker up.</p></body></html>');
    await pool.extract({ fileName: 'warm-up.html', bytes: warmUp });
    const problems: string[] = [];
    const articleIds: string[] = [];
    const started = Date.now();
    let imported = 0;
    try {
      for (const [index, input] of inputs.entries()) {
        const label = `#${index} ${input.fileName} (${input.bytes.length} bytes)`;
        const t0 = Date.now();
        const hostPid = pool.hostPid();
        const cpu0 = hostPid === null ? null : processCpuMs(hostPid);
        let result;
        try {
          result = await pool.extract({ fileName: input.fileName, bytes: input.bytes }, AbortSignal.timeout(TIME_LIMIT_MS));
        } catch (error) {
          problems.push(`${label}: the worker ${Date.now() - t0 >= TIME_LIMIT_MS ? 'did not finish in time' : 'crashed'}: ${String(error)}`);
          continue;
        }
        // Where this input stopped the host (which the pool then replaced), its CPU time went with
        // it and the time limit above is the check; where /proc is missing, the clock.
        if (pool.hostPid() === hostPid) {
          const cpu1 = hostPid === null ? null : processCpuMs(hostPid);
          const cost = cpu0 !== null && cpu1 !== null ? { ms: cpu1 - cpu0, of: 'CPU time' } : { ms: Date.now() - t0, of: 'time' };
          if (cost.ms > CPU_LIMIT_MS) problems.push(`${label}: took ${cost.ms} ms of ${cost.of}`);
        }
        if (!result.ok) {
          if (result.unexpected !== null) problems.push(`${label}: unexpected error ${result.unexpected.slice(0, 300)}`);
          else if (!ONE_SENTENCE.test(result.reason)) problems.push(`${label}: unclear reason ${JSON.stringify(result.reason)}`);
          continue;
        }
        const { document } = result.article;
        // A large result's text and HTML arrive as their bytes (large-result.ts).
        const html = asString(document.html);
        const text = asString(document.text);
        if (document.title.trim() === '') problems.push(`${label}: empty title`);
        if (text.trim() === '') problems.push(`${label}: empty text`);
        if (fragmentText(html) !== text) problems.push(`${label}: text is not the textContent of html`);
        for (const asset of document.assets) if (!ASSET.test(asset.path)) problems.push(`${label}: asset path ${asset.path}`);
        const outcome = await addExtracted(store, result.article, { fileName: input.fileName, source: label, original: { bytes: input.bytes } }, { clock: () => new Date().toISOString() });
        if (outcome.status === 'imported') articleIds.push(outcome.article.id);
        imported += 1;
      }
    } finally {
      await pool.close();
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(`fuzz: ${inputs.length} inputs in ${seconds.toFixed(1)} s, ${imported} read as documents, ${problems.length} problems`);

    expect(inputs.length).toBeGreaterThanOrEqual(1000);
    expect(problems).toEqual([]);
    // Nothing but the new article folders appeared, in the library or beside it.
    const added = listing(root).filter((p) => !before.includes(p));
    const outside = added.filter((p) => !articleIds.some((id) => p.startsWith(path.join('library', 'articles', id))));
    expect(outside).toEqual([]);
    // The escaping archive entries' names (unique to this test) exist nowhere they could have
    // climbed to.
    const escapes = ['x.txt', 'abs.txt', 'win.txt', 'drive.txt', 'fuzz-escape-marker.txt'];
    const places = [tmpdir(), path.dirname(root), process.cwd(), path.resolve(process.cwd(), '..')];
    expect(places.flatMap((dir) => escapes.map((name) => path.join(dir, name))).filter((file) => existsSync(file))).toEqual([]);
  }, LONG ? 3_600_000 : 300_000);
});

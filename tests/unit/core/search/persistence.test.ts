import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SearchEngine } from '../../../../electron/core/search/engine';
import { INDEX_FILE_NAMES } from '../../../../electron/core/search/segment-store';
import { parseManifest } from '../../../../electron/core/search/manifest';
import {
  SEED,
  articleDocuments,
  corpusArticles,
  fingerprintOf,
  tempLibrary,
  type TempLibrary,
  type TestArticle,
} from './search-fixtures';

let library: TempLibrary;
const articles = corpusArticles();
const allIds = articles.map((article) => article.id);
const current = articles.map((article) => fingerprintOf(article));

/** A tail of 3 documents: the 7 corpus articles end up in sealed segments and a tail. */
function newEngine(saveDelayMs?: number): SearchEngine {
  return new SearchEngine({
    indexDir: library.indexDir,
    libraryDir: library.libraryDir,
    log: () => undefined,
    tailMaxDocs: 3,
    ...(saveDelayMs === undefined ? {} : { saveDelayMs }),
  });
}

async function add(engine: SearchEngine, list: TestArticle[], version = 1): Promise<void> {
  for (const article of list) library.write(article);
  await engine.replaceArticles(
    list.map((article) => ({ fingerprint: fingerprintOf(article, version), documents: articleDocuments(article) })),
  );
}

async function buildAndClose(): Promise<void> {
  const engine = newEngine();
  expect((await engine.open(current)).sort()).toEqual([...allIds].sort());
  // One at a time, each searched for, as articles imported one by one: the index grows tail by
  // tail.
  for (const article of articles) {
    await add(engine, [article]);
    await engine.search('anything');
  }
  await engine.close();
}

const manifestFile = () => path.join(library.indexDir, INDEX_FILE_NAMES.manifest);
const segmentFiles = () => readdirSync(library.indexDir).filter((name) => /^seg-\d+\.bin$/.test(name));

interface ManifestView {
  tail: number | null;
  fingerprints: Record<string, string>;
  docs: Record<string, { segment: number; doc: { ref: string; articleId: string; kind: string; title: string } }>;
}
/** The manifest as the index reads it (documents are columns on disk), whatever its version, a document per key. */
function readManifest(): ManifestView {
  const raw = JSON.parse(readFileSync(manifestFile(), 'utf8')) as { version: number; pipelineVersion: number };
  const manifest = parseManifest(raw, raw.version, raw.pipelineVersion);
  if (manifest === null) throw new Error('the manifest does not parse');
  const { key, segment, ref, articleId, kind, title } = manifest.docs;
  const docs = Object.fromEntries(
    key.map((k, row) => [k, { segment: segment[row]!, doc: { ref: ref[row]!, articleId: articleId[row]!, kind: kind[row]!, title: title[row]! } }]),
  );
  return { tail: manifest.tail, fingerprints: Object.fromEntries(manifest.fingerprints), docs };
}

/** The segment file holding an article's text, and the articles that segment holds. */
function segmentOf(articleId: string): { segment: number; file: string; articles: string[] } {
  const { docs } = readManifest();
  const entry = Object.values(docs).find(({ doc }) => doc.ref === articleId);
  if (entry === undefined) throw new Error(`${articleId} is not in the manifest`);
  const articles = Object.values(docs)
    .filter(({ segment }) => segment === entry.segment)
    .map(({ doc }) => doc.articleId);
  return { segment: entry.segment, file: path.join(library.indexDir, INDEX_FILE_NAMES.segment(entry.segment)), articles: [...new Set(articles)].sort() };
}

beforeEach(() => {
  library = tempLibrary();
});
afterEach(() => library.remove());

describe('the index on disk', () => {
  it('reloads in a new instance and answers without re-adding anything', async () => {
    await buildAndClose();
    const reopened = newEngine();
    expect(await reopened.open(current)).toEqual([]);
    const [hit] = await reopened.search('Fuad Hussein');
    expect(hit?.articleId).toBe('seed-article');
    expect(hit?.snippet).toContain('<mark>Fuad</mark> <mark>Hussein</mark>');
    expect((await reopened.search('deputes')).map((h) => h.articleId)).toContain('lemonde-page');
    await reopened.close();
  });

  it('keeps unchanged articles searchable when another one changes after a reload', async () => {
    await buildAndClose();
    const reopened = newEngine();
    await reopened.open(current);
    await add(reopened, [{ id: 'new-article', title: 'Basra port', text: 'Ships wait outside Basra.' }]);
    expect((await reopened.search('hussein')).map((h) => h.articleId)).toEqual(['seed-article']);
    expect((await reopened.search('basra')).map((h) => h.articleId)).toEqual(['new-article']);
    await reopened.close();

    const third = newEngine();
    expect(await third.open([...current, { articleId: 'new-article', fingerprint: 'new-article@1' }])).toEqual([]);
    expect((await third.search('outside basra')).map((h) => h.articleId)).toEqual(['new-article']);
    await third.close();
  });

  it('reports changed and missing articles as stale and forgets deleted ones', async () => {
    await buildAndClose();
    const reopened = newEngine();
    const changed = current.map((fp) => (fp.articleId === 'lemonde-page' ? { ...fp, fingerprint: 'edited' } : fp));
    const withoutSeed = changed.filter((fp) => fp.articleId !== 'seed-article');
    const stale = await reopened.open([...withoutSeed, { articleId: 'brand-new', fingerprint: 'x' }]);
    expect(stale.sort()).toEqual(['brand-new', 'lemonde-page']);
    // the deleted seed is gone from results at once and from disk after the next save
    expect(await reopened.search('hussein')).toEqual([]);
    await reopened.close();
    const third = newEngine();
    expect(await third.open([...current])).toEqual(['seed-article']);
    await third.close();
  });

  it('keeps sealed segments and a tail on disk, each with a checksum in the manifest', async () => {
    await buildAndClose();
    const manifest = readManifest();
    expect(segmentFiles().length).toBeGreaterThanOrEqual(2);
    expect(manifest.tail).not.toBeNull();
    expect(Object.keys(manifest.fingerprints).sort()).toEqual([...allIds].sort());
  });

  it('reindexes only the articles of a corrupted segment; the others keep answering', async () => {
    await buildAndClose();
    const damaged = segmentOf('seed-article');
    const bytes = readFileSync(damaged.file);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] ?? 0) ^ 0x20;
    writeFileSync(damaged.file, bytes);
    const intact = allIds.filter((id) => !damaged.articles.includes(id));
    expect(intact.length).toBeGreaterThan(0);

    const reopened = newEngine();
    const staleAtOpen = await reopened.open(current);
    // Checksums are verified after the first answers: the articles of the corrupt segment then
    // leave the index, and the library's next open reports them.
    await reopened.whenVerified();
    expect(await reopened.search('hussein')).toEqual([]);
    expect([...new Set([...staleAtOpen, ...(await reopened.open(current))])].sort()).toEqual(damaged.articles);
    // an article of an intact segment is still found before anything is re-added
    const other = articles.find((article) => article.id === intact[0])!;
    expect((await reopened.search(`"${other.title}"`)).map((h) => h.articleId)).toContain(other.id);
    await add(reopened, articles.filter((article) => damaged.articles.includes(article.id)));
    expect((await reopened.search('hussein')).map((h) => h.articleId)).toEqual(['seed-article']);
    await reopened.close();
    const third = newEngine();
    expect(await third.open(current)).toEqual([]);
    await third.close();
  });

  it('finds a corrupt sealed segment after answering, without waiting for it to open', async () => {
    await buildAndClose();
    const damaged = segmentOf('seed-article');
    expect(readManifest().tail).not.toBe(damaged.segment);
    const bytes = readFileSync(damaged.file);
    // A byte of the last section (the counts of the postings), which decoding cannot check: only
    // the checksum finds it.
    const last = bytes.length - 2;
    bytes[last] = (bytes[last] ?? 0) ^ 0x20;
    writeFileSync(damaged.file, bytes);
    const logged: string[] = [];
    const reopened = new SearchEngine({ indexDir: library.indexDir, libraryDir: library.libraryDir, log: (message) => logged.push(message), tailMaxDocs: 3 });
    expect(await reopened.open(current)).toEqual([]);
    expect(logged).toEqual([]);
    await reopened.whenVerified();
    expect(logged).toEqual([`${damaged.articles.length} article(s) of a corrupt search segment will be reindexed`]);
    expect(await reopened.search('hussein')).toEqual([]);
    expect((await reopened.open(current)).sort()).toEqual(damaged.articles);
    // The corrupt segment is not written again, nor kept: the next start reports its articles too.
    await reopened.close();
    expect(existsSync(damaged.file)).toBe(false);
    const third = newEngine();
    expect((await third.open(current)).sort()).toEqual(damaged.articles);
    await third.close();
  });

  it('verifies the live tail before answering from it', async () => {
    await buildAndClose();
    const tail = readManifest().tail!;
    const file = path.join(library.indexDir, INDEX_FILE_NAMES.segment(tail));
    const bytes = readFileSync(file);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0x01;
    writeFileSync(file, bytes);
    const { docs } = readManifest();
    const inTail = [...new Set(Object.values(docs).filter(({ segment }) => segment === tail).map(({ doc }) => doc.articleId))].sort();
    expect(inTail.length).toBeGreaterThan(0);
    const reopened = newEngine();
    expect((await reopened.open(current)).sort()).toEqual(inTail);
    await reopened.close();
  });

  it.each([
    ['a manifest that is not JSON', () => writeFileSync(manifestFile(), '{"version": 1, "fing')],
    ['a manifest of another version', () => {
      const manifest = JSON.parse(readFileSync(manifestFile(), 'utf8')) as Record<string, unknown>;
      writeFileSync(manifestFile(), JSON.stringify({ ...manifest, version: 999 }));
    }],
  ])('starts empty on %s', async (_name, damage) => {
    await buildAndClose();
    damage();
    const reopened = newEngine();
    expect((await reopened.open(current)).sort()).toEqual([...allIds].sort());
    await expect(reopened.search('hussein')).resolves.toEqual([]);
    await reopened.close();
  });

  it.each([
    ['truncated', (file: string) => writeFileSync(file, readFileSync(file).subarray(0, 100))],
    ['missing', (file: string) => rmSync(file)],
  ])('reports the articles of a %s segment as stale', async (_name, damage) => {
    await buildAndClose();
    const damaged = segmentOf('lemonde-page');
    damage(damaged.file);
    const reopened = newEngine();
    expect((await reopened.open(current)).sort()).toEqual(damaged.articles);
    expect((await reopened.search('deputes')).map((h) => h.articleId)).not.toContain('lemonde-page');
    await reopened.close();
  });

  it('read ahead of open (as the worker does at start), answers as if read at open', async () => {
    await buildAndClose();
    const reopened = newEngine();
    await reopened.preload();
    // The library changed while the index was being read: open still sees it.
    const changed = current.map((fp) => (fp.articleId === 'lemonde-page' ? { ...fp, fingerprint: 'edited' } : fp));
    expect(await reopened.open(changed.filter((fp) => fp.articleId !== 'seed-article'))).toEqual(['lemonde-page']);
    expect(await reopened.search('hussein')).toEqual([]);
    expect((await reopened.search('deputes')).map((h) => h.articleId)).toContain('lemonde-page');
    await reopened.close();
  });

  it('read ahead of open where a file stands in for the index: open rebuilds as without the read ahead', async () => {
    mkdirSync(path.dirname(library.indexDir), { recursive: true });
    writeFileSync(library.indexDir, 'not a folder');
    const engine = newEngine();
    await expect(engine.preload()).resolves.toBeUndefined();
    expect((await engine.open(current)).sort()).toEqual([...allIds].sort());
    await engine.close();
    rmSync(library.indexDir);
  });

  it('starts empty when the index folder does not exist', async () => {
    const engine = newEngine();
    expect((await engine.open(current)).sort()).toEqual([...allIds].sort());
    await engine.close();
    expect(existsSync(library.indexDir)).toBe(false);
  });

  it('writes by itself shortly after a change, and leaves no temporary files', async () => {
    const engine = newEngine(50);
    await engine.open([]);
    await add(engine, [SEED]);
    expect(existsSync(manifestFile())).toBe(false);
    await expect.poll(() => existsSync(manifestFile()), { timeout: 5000 }).toBe(true);
    await engine.flush();
    const manifest = readManifest();
    expect(readdirSync(library.indexDir).sort()).toEqual(
      [INDEX_FILE_NAMES.manifest, ...Object.values(manifest.docs).map(({ segment }) => INDEX_FILE_NAMES.segment(segment))].sort(),
    );
    expect(manifest.fingerprints).toEqual({ 'seed-article': 'seed-article@1' });
    expect(Object.values(manifest.docs).map(({ doc }) => doc)).toEqual([
      expect.objectContaining({ articleId: 'seed-article', kind: 'article', title: SEED.title }),
    ]);
    // no positions in the index (docs/research/lunr.md §D5), and no article text in the manifest
    expect(readFileSync(path.join(library.indexDir, segmentFiles()[0]!), 'utf8')).not.toContain('"position"');
    expect(readFileSync(manifestFile(), 'utf8')).not.toContain('Tehran');
    await engine.close();
  });

  it('keeps annotations across a reload', async () => {
    const engine = newEngine();
    await engine.open([]);
    await add(engine, [{ ...SEED, annotations: [{ id: 'note-1', kind: 'note', note: 'Follow up on the Jordan conference', quote: 'Bahrain will be present' }] }]);
    await engine.close();
    const reopened = newEngine();
    expect(await reopened.open([fingerprintOf(SEED)])).toEqual([]);
    const [hit] = await reopened.search('jordan conference follow');
    expect(hit).toMatchObject({ kind: 'note', annotationId: 'note-1', snippet: '<mark>Follow</mark> up on the <mark>Jordan</mark> <mark>conference</mark>' });
    const start = SEED.text.indexOf('Bahrain will be present');
    expect(hit?.passage).toEqual({ start, end: start + 'Bahrain will be present'.length });
    await reopened.close();
  });
});

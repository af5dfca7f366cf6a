/**
 * The worker-backed index, end to end. The worker is bundled here (not by the project build, which
 * also bundles hosts that may not compile yet) as the build bundles it — an ES module whose
 * dependencies load from node_modules (stemmers are required on first use) — and passed through
 * QUIRE_SEARCH_WORKER.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSearchIndex } from '../../../../electron/core/search';
import { resolveSearchWorkerPath } from '../../../../electron/core/search/lunr-search-index';
import type { SearchIndex } from '../../../../electron/core/search/search-index';
import { SEED, articleDocuments, fingerprintOf, tempLibrary, webPage, type TempLibrary } from './search-fixtures';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
let buildDir: string;
let workerFile: string;
/** a worker that exits when asked to search for "__die__", to test crash recovery */
let dyingWorkerFile: string;

beforeAll(async () => {
  // Inside the project, so that the bundle's imports resolve in node_modules.
  mkdirSync(path.join(ROOT, 'node_modules', '.cache'), { recursive: true });
  buildDir = mkdtempSync(path.join(ROOT, 'node_modules', '.cache', 'quire-search-worker-'));
  workerFile = path.join(buildDir, 'search-worker.mjs');
  await build({
    entryPoints: [path.join(ROOT, 'electron/core/search/worker.ts')],
    outfile: workerFile,
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    packages: 'external',
    logLevel: 'error',
  });
  dyingWorkerFile = path.join(buildDir, 'dying-worker.mjs');
  writeFileSync(
    dyingWorkerFile,
    `import { parentPort } from 'node:worker_threads';
parentPort.on('message', (m) => { if (m && m.type === 'search' && m.payload.query === '__die__') process.exit(7); });
await import(${JSON.stringify(pathToFileURL(workerFile).href)});
`,
  );
});

afterAll(() => {
  delete process.env.QUIRE_SEARCH_WORKER;
  rmSync(buildDir, { recursive: true, force: true });
});

let library: TempLibrary;
const open: SearchIndex[] = [];

function newIndex(worker = workerFile): SearchIndex {
  process.env.QUIRE_SEARCH_WORKER = worker;
  const index = createSearchIndex({ indexDir: library.indexDir, libraryDir: library.libraryDir });
  open.push(index);
  return index;
}

const lemonde = webPage('lemonde-1');
const LEMONDE = { id: 'lemonde-page', title: lemonde.title, text: lemonde.text, byline: lemonde.byline };

beforeEach(() => {
  library = tempLibrary();
  library.write(SEED);
  library.write(LEMONDE);
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((index) => index.close()));
  library.remove();
});

describe('createSearchIndex (worker thread)', () => {
  it('indexes and searches in the worker', async () => {
    const index = newIndex();
    expect(await index.open([fingerprintOf(SEED)])).toEqual(['seed-article']);
    await index.replaceArticle(fingerprintOf(SEED), articleDocuments(SEED));
    await index.replaceArticles([{ fingerprint: fingerprintOf(LEMONDE), documents: articleDocuments(LEMONDE) }]);
    const [hit] = (await index.search('Fuad Hussein')).hits;
    expect(hit).toMatchObject({ articleId: 'seed-article', kind: 'article', annotationId: null });
    expect(hit?.snippet).toContain('<mark>Fuad</mark> <mark>Hussein</mark>');
    expect((await index.search('senat', { limit: 5 })).hits.map((h) => h.articleId)).toEqual(['lemonde-page']);
    await index.removeArticle('seed-article');
    expect((await index.search('Fuad Hussein')).hits).toEqual([]);
  });

  it('persists through close and reopens without re-adding', async () => {
    const first = newIndex();
    await first.open([]);
    await first.replaceArticle(fingerprintOf(SEED), articleDocuments(SEED));
    await first.close();
    await expect(first.search('hussein')).rejects.toMatchObject({ name: 'QuireError', code: 'internal' });

    const second = newIndex();
    expect(await second.open([fingerprintOf(SEED)])).toEqual([]);
    expect((await second.search('hussein')).hits.map((h) => h.articleId)).toEqual(['seed-article']);
  });

  it('rejects the calls pending when the worker dies, then restarts it with the saved index', async () => {
    const index = newIndex(dyingWorkerFile);
    await index.open([]);
    await index.replaceArticle(fingerprintOf(SEED), articleDocuments(SEED));
    await index.replaceArticle(fingerprintOf(LEMONDE), articleDocuments(LEMONDE));
    await index.flush();
    await index.removeArticle('lemonde-page'); // not saved yet when the worker dies

    await expect(index.search('__die__')).rejects.toMatchObject({ name: 'QuireError', code: 'internal' });
    // the next call starts a new worker, which loads the saved index and reconciles it
    expect((await index.search('hussein')).hits.map((h) => h.articleId)).toEqual(['seed-article']);
    expect((await index.search('+senat')).hits).toEqual([]);
  });

  it('reports a worker that cannot be found as an internal error', async () => {
    const index = newIndex(path.join(buildDir, 'missing.cjs'));
    await expect(index.open([])).rejects.toMatchObject({ code: 'internal' });
  });

  it('finds the bundled worker under out/ from the project root by default', () => {
    delete process.env.QUIRE_SEARCH_WORKER;
    expect(resolveSearchWorkerPath()).toBe(path.join(ROOT, 'out', 'worker', 'search-worker.js'));
  });
});

import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SearchEngine } from '../../../../electron/core/search/engine';
import { INDEX_FILE_NAMES } from '../../../../electron/core/search/index-store';
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

function newEngine(saveDelayMs?: number): SearchEngine {
  return new SearchEngine({
    indexDir: library.indexDir,
    libraryDir: library.libraryDir,
    log: () => undefined,
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
  await add(engine, articles);
  await engine.close();
}

const indexFile = (name: keyof typeof INDEX_FILE_NAMES) => path.join(library.indexDir, INDEX_FILE_NAMES[name]);

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

  it('treats a corrupted index file as no index: everything is stale, and re-adding works', async () => {
    await buildAndClose();
    const bytes = readFileSync(indexFile('index'));
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] ?? 0) ^ 0x20;
    writeFileSync(indexFile('index'), bytes);

    const reopened = newEngine();
    expect((await reopened.open(current)).sort()).toEqual([...allIds].sort());
    expect(await reopened.search('hussein')).toEqual([]);
    await add(reopened, articles);
    expect((await reopened.search('hussein')).map((h) => h.articleId)).toEqual(['seed-article']);
    await reopened.close();
    const third = newEngine();
    expect(await third.open(current)).toEqual([]);
    await third.close();
  });

  it.each([
    ['a manifest that is not JSON', () => writeFileSync(indexFile('manifest'), '{"version": 1, "fing')],
    ['a manifest of another version', () => {
      const manifest = JSON.parse(readFileSync(indexFile('manifest'), 'utf8')) as Record<string, unknown>;
      writeFileSync(indexFile('manifest'), JSON.stringify({ ...manifest, version: 999 }));
    }],
    ['a truncated terms file', () => writeFileSync(indexFile('terms'), readFileSync(indexFile('terms')).subarray(0, 100))],
    ['a missing index file', () => writeFileSync(indexFile('index'), '')],
  ])('starts empty on %s', async (_name, damage) => {
    await buildAndClose();
    damage();
    const reopened = newEngine();
    expect((await reopened.open(current)).sort()).toEqual([...allIds].sort());
    await expect(reopened.search('hussein')).resolves.toEqual([]);
    await reopened.close();
  });

  it('reindexes articles whose saved terms turn out unreadable when a change needs them', async () => {
    await buildAndClose();
    const reopened = newEngine();
    expect(await reopened.open(current)).toEqual([]);
    // damaged after open checked it: only the next rebuild, which needs the terms, notices
    writeFileSync(indexFile('terms'), '{}');
    await add(reopened, [{ id: 'new-article', title: 'Basra port', text: 'Ships wait outside Basra.' }]);
    expect((await reopened.search('basra')).map((h) => h.articleId)).toEqual(['new-article']);
    await reopened.close();
    const third = newEngine();
    const stale = await third.open([...current, { articleId: 'new-article', fingerprint: 'new-article@1' }]);
    expect(stale.sort()).toEqual([...allIds].sort());
    await third.close();
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
    expect(existsSync(indexFile('manifest'))).toBe(false);
    await expect.poll(() => existsSync(indexFile('manifest')), { timeout: 5000 }).toBe(true);
    await engine.flush();
    expect(readdirSync(library.indexDir).sort()).toEqual(Object.values(INDEX_FILE_NAMES).sort());
    const manifest = JSON.parse(readFileSync(indexFile('manifest'), 'utf8')) as {
      fingerprints: Record<string, string>;
      docs: Record<string, { articleId: string; kind: string; title: string }>;
    };
    expect(manifest.fingerprints).toEqual({ 'seed-article': 'seed-article@1' });
    expect(manifest.docs['seed-article']).toMatchObject({ articleId: 'seed-article', kind: 'article', title: SEED.title });
    // no positions in the index (lunr.md §D5), and no article text in the manifest
    expect(readFileSync(indexFile('index'), 'utf8')).not.toContain('"position"');
    expect(readFileSync(indexFile('manifest'), 'utf8')).not.toContain('Tehran');
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

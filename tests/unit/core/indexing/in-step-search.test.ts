/**
 * A search answered from the index without reading the library (in-step-search.ts) answers only
 * while every file is as the index has it: whatever another process (a synchronizer, an editor)
 * changed in the library makes it hand over to the library's own opening, which then finds the
 * change; and closing that library writes the record again. Real search worker and files.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOncePerFile } from '../support/import-library';
import { SETTLED_MS } from '../../../../electron/core/annotations/annotation-folder-cache';
import { INDEX_IN_STEP_RECORD } from '../../../../electron/core/indexing/in-step-record';
import { searchIfInStep } from '../../../../electron/core/indexing/in-step-search';
import { openQuire, type QuireCore } from '../../../../electron/core/open-quire';
import { createSearchIndex } from '../../../../electron/core/search/index';
import type { SearchResults } from '../../../../electron/shared/models';

/** Three short articles imported once per file, indexed, and the library closed. */
const template = buildOncePerFile('quire-in-step-template-', importTemplate);
/** Copies of the template not yet given to a test, and when their folders were made. */
let batch: { roots: string[]; madeAt: number } | undefined;
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
/** Each test's library copies at most this many others in one go. */
const BATCH = 5;

async function importTemplate(root: string): Promise<{ root: string; ids: string[] }> {
  const libraryDir = path.join(root, 'library');
  const docs = path.join(root, 'docs');
  mkdirSync(docs);
  const core = await openQuire({ libraryDir, cacheDir: path.join(root, 'cache'), settings: { get: () => undefined, set: () => undefined }, log: () => undefined });
  try {
    const files = ['Harbour pilots', 'Lighthouse keepers', 'Canal locks'].map((title, i) => {
      const file = path.join(docs, `${i}.txt`);
      writeFileSync(file, `${title}\n\nA paragraph about ${title.toLowerCase()}, long enough to be an article.\n\nThe end.`);
      return file;
    });
    const outcomes = await core.importPaths(files);
    const ids = outcomes.map((outcome) => (outcome.status === 'imported' ? outcome.article.id : ''));
    await core.whenIndexed();
    return { root, ids };
  } finally {
    await core.close();
  }
}

/**
 * A library of its own for each test: a copy of the template's library and cache (its index and
 * record, the files all new to this copy), searched once its folders are settled as the import
 * left them. Copies are made a batch at a time, so that one wait settles the whole batch: an import
 * and a wait per test made most of this file's time.
 */
async function library() {
  const { root: from, ids } = await template();
  if (!batch || batch.roots.length === 0) {
    const roots = Array.from({ length: BATCH }, () => {
      const root = mkdtempSync(path.join(tmpdir(), 'quire-in-step-'));
      made.push(root);
      for (const dir of ['library', 'cache']) cpSync(path.join(from, dir), path.join(root, dir), { recursive: true });
      return root;
    });
    batch = { roots, madeAt: Date.now() };
  }
  const root = batch.roots.shift()!;
  const libraryDir = path.join(root, 'library');
  const cacheDir = path.join(root, 'cache');
  const open = (): Promise<QuireCore> =>
    openQuire({ libraryDir, cacheDir, settings: { get: () => undefined, set: () => undefined }, log: () => undefined });
  /** The search before the library is read: null when it handed over. */
  const searchEarly = async (query: string): Promise<SearchResults | null> => {
    const index = createSearchIndex({ indexDir: path.join(cacheDir, 'index'), libraryDir });
    try {
      return await searchIfInStep({ libraryDir, cacheDir, index, log: () => undefined }, query);
    } finally {
      await index.close();
    }
  };
  /** The library opened as every command opens it: searched, then closed (which keeps the record). */
  const searchOpened = async (query: string): Promise<string[]> => {
    const opened = await open();
    try {
      await opened.whenIndexed();
      return (await opened.search(query)).hits.map((hit) => hit.articleId);
    } finally {
      await opened.close();
    }
  };
  const articleJson = (id: string): string => path.join(libraryDir, 'articles', id, 'article.json');
  // Folders changed in the last two seconds are not trusted by their times (annotation-folder-cache.ts):
  // once they are older, an open records the articles by their files' stamps.
  const settled = batch.madeAt + SETTLED_MS + 100 - Date.now();
  if (settled > 0) await new Promise((resolve) => setTimeout(resolve, settled));
  await searchOpened('pilots');
  return { libraryDir, cacheDir, ids, open, searchEarly, searchOpened, articleJson };
}

const idsOf = (results: SearchResults | null): string[] | undefined => results?.hits.map((hit) => hit.articleId);

describe('a search before the library is read', () => {
  it('answers from the index while nothing changed, as the opened library does', async () => {
    const { ids, searchEarly, searchOpened } = await library();
    expect(idsOf(await searchEarly('lighthouse'))).toEqual([ids[1]]);
    expect(await searchOpened('lighthouse')).toEqual([ids[1]]);
    // An empty query is the library's to answer.
    expect(await searchEarly('  ')).toBeNull();
  });

  it('hands over when another program rewrote an article.json, even to the same size and modification time', async () => {
    const { ids, searchEarly, searchOpened, articleJson } = await library();
    const file = articleJson(ids[0]!);
    // A whole second, so that the same time can be given back exactly (as a synchronizer does).
    const second = new Date('2026-01-02T03:04:05Z');
    utimesSync(file, second, second);
    expect(await searchOpened('harbour')).toEqual([ids[0]]);
    expect(idsOf(await searchEarly('harbour'))).toEqual([ids[0]]);
    const before = statSync(file);
    // "Harbour" → "Seaport" in the title: same length, the same modification time.
    writeFileSync(file, readFileSync(file, 'utf8').replace('Harbour pilots', 'Seaport pilots'));
    utimesSync(file, second, second);
    expect(statSync(file)).toMatchObject({ size: before.size, mtimeMs: before.mtimeMs, ino: before.ino });
    expect(await searchEarly('seaport')).toBeNull();
    expect(await searchOpened('seaport')).toEqual([ids[0]]);
    // The library's close kept the record again: the next search answers early, with the new title.
    expect(idsOf(await searchEarly('seaport'))).toEqual([ids[0]]);
  });

  it('hands over when an article arrived, went to the trash, or got a bookmark file from outside', async () => {
    const { libraryDir, ids, open, searchEarly, searchOpened } = await library();
    // A whole article written by another process (copied folder, new name: the folder is its id).
    const copy = path.join(libraryDir, 'articles', 'zz-copy');
    mkdirSync(copy);
    for (const name of ['article.json', 'content.html', 'text.txt', 'annotations']) {
      const from = path.join(libraryDir, 'articles', ids[2]!, name);
      if (name === 'annotations') mkdirSync(path.join(copy, name));
      else writeFileSync(path.join(copy, name), readFileSync(from, 'utf8').replaceAll('Canal', 'Ferry'));
    }
    expect(await searchEarly('ferry')).toBeNull();
    expect(await searchOpened('ferry')).toEqual(['zz-copy']);

    renameSync(path.join(libraryDir, 'articles', ids[1]!), path.join(libraryDir, 'trash', ids[1]!));
    expect(await searchEarly('lighthouse')).toBeNull();
    expect(await searchOpened('lighthouse')).toEqual([]);

    // A note written by this Quire, then carried to another folder's copy of the article by a synchronizer.
    const core = await open();
    const note = await core.createAnnotation({ articleId: ids[0]!, kind: 'note', note: 'ask about the tide tables' });
    await core.close();
    expect(idsOf(await searchEarly('tide'))).toEqual([ids[0]]);
    const annotations = path.join(libraryDir, 'articles', ids[2]!, 'annotations');
    const carried = readFileSync(path.join(libraryDir, 'articles', ids[0]!, 'annotations', `${note.id}.json`), 'utf8').replace('tide tables', 'ferry times');
    writeFileSync(path.join(annotations, `${note.id}.json`), carried);
    expect(await searchEarly('times')).toBeNull();
    expect(await searchOpened('times')).toEqual([ids[2]]);
  });

  it('reads an article with bookmarks or notes again, and hands over when one of them changed in place', async () => {
    const { libraryDir, ids, open, searchEarly } = await library();
    const core = await open();
    const note = await core.createAnnotation({ articleId: ids[0]!, kind: 'note', note: 'ask about the tide tables' });
    await core.close();
    expect(idsOf(await searchEarly('tide'))).toEqual([ids[0]]);
    // Edited in place (no rename, so the folder's times stay), with a newer change time.
    const file = path.join(libraryDir, 'articles', ids[0]!, 'annotations', `${note.id}.json`);
    const edited = JSON.parse(readFileSync(file, 'utf8')) as { note: string; updatedAt: string };
    writeFileSync(file, JSON.stringify({ ...edited, note: 'ask about the mooring fees', updatedAt: new Date(Date.parse(edited.updatedAt) + 1000).toISOString() }));
    expect(await searchEarly('mooring')).toBeNull();
  });

  it('does not use a record cut short, nor one whose index files changed, and the next close writes it again', async () => {
    const { cacheDir, ids, searchEarly, searchOpened } = await library();
    const record = path.join(cacheDir, INDEX_IN_STEP_RECORD);
    writeFileSync(record, readFileSync(record).subarray(0, 100));
    expect(await searchEarly('canal')).toBeNull();
    expect(await searchOpened('canal')).toEqual([ids[2]]);
    expect(idsOf(await searchEarly('canal'))).toEqual([ids[2]]);
    // The index's files are part of what is recorded: one of them gone, the library is opened (and indexed again).
    const indexDir = path.join(cacheDir, 'index');
    for (const name of readdirSync(indexDir).filter((file) => file.startsWith('seg-'))) rmSync(path.join(indexDir, name));
    expect(await searchEarly('canal')).toBeNull();
    expect(await searchOpened('canal')).toEqual([ids[2]]);
  });
});

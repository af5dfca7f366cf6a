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
import { checkInStepRecord, INDEX_IN_STEP_RECORD, MAX_REINDEX, readInStepRecord } from '../../../../electron/core/indexing/in-step-record';
import { keepReindexedRecord, recordedIndexFingerprints, relaxInStepRecord } from '../../../../electron/core/indexing/in-step-reindex';
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
      const answer = await searchIfInStep({ libraryDir, cacheDir, index, log: () => undefined }, query);
      await answer?.finish();
      return answer?.results ?? null;
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

  it('breaks a tie between equal scores by the reading times as they are now, not as the record kept them', async () => {
    const { ids, open, searchEarly, articleJson } = await library();
    const readAt = (id: string, lastReadAt: string): void => {
      const file = articleJson(id);
      writeFileSync(file, JSON.stringify({ ...(JSON.parse(readFileSync(file, 'utf8')) as object), lastReadAt }));
    };
    readAt(ids[0]!, '2026-01-01T09:00:00.000Z');
    readAt(ids[2]!, '2026-01-02T09:00:00.000Z');
    // Notes on both: their articles are read again by fingerprint at each search, and a reading
    // time is no part of a fingerprint, so a new one does not hand the search over.
    const core = await open();
    for (const id of [ids[0]!, ids[2]!]) await core.createAnnotation({ articleId: id, kind: 'note', note: 'seen on the quay' });
    await core.close();
    // Each article says "paragraph" once in as many words: equal scores, the last read first.
    expect(idsOf(await searchEarly('paragraph'))?.slice(0, 2)).toEqual([ids[2], ids[0]]);
    // Read since on another machine: its article.json arrives with a later reading time.
    readAt(ids[0]!, '2026-01-03T09:00:00.000Z');
    expect(idsOf(await searchEarly('paragraph'))?.slice(0, 2)).toEqual([ids[0], ids[2]]);
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

describe('a change made with only its article open (quire tag ID, quire note ID…)', () => {
  /** The library opened for `only` as a command about those articles opens it: the index is never started. */
  const openOnly = (libraryDir: string, cacheDir: string, only: string[]): Promise<QuireCore> =>
    openQuire({ libraryDir, cacheDir, settings: { get: () => undefined, set: () => undefined }, log: () => undefined, onlyArticles: only, indexOnDemand: true, keepInStepRecord: false });
  const waiting = async (cacheDir: string): Promise<string[] | undefined> => (await readInStepRecord(cacheDir, () => undefined))?.reindex;
  /** How many articles opening the whole library found stale in the index (closed again at once). */
  const staleAtOpen = async (open: () => Promise<QuireCore>): Promise<number | null> => {
    const opened = await open();
    try {
      return await opened.reindexedAtOpen();
    } finally {
      await opened.close();
    }
  };

  it('is indexed by the next search, which keeps the record: the search after answers early with nothing left to index', async () => {
    const { libraryDir, cacheDir, ids, open, searchEarly } = await library();
    const tagged = await openOnly(libraryDir, cacheDir, [ids[0]!]);
    await tagged.tagArticles([ids[0]!], ['ferries']);
    await tagged.close();
    expect(await waiting(cacheDir)).toEqual([ids[0]]);
    expect(idsOf(await searchEarly('ferries'))).toEqual([ids[0]]);
    expect(await waiting(cacheDir)).toEqual([]);
    expect(idsOf(await searchEarly('ferries'))).toEqual([ids[0]]);
    const untagged = await openOnly(libraryDir, cacheDir, [ids[0]!]);
    await untagged.untagArticles([ids[0]!], ['ferries']);
    await untagged.close();
    expect(idsOf(await searchEarly('ferries'))).toEqual([]);
    expect(idsOf(await searchEarly('pilots'))).toEqual([ids[0]]);
    expect(await waiting(cacheDir)).toEqual([]);
    // The index the search wrote holds the article as it is: opening the library finds nothing stale.
    expect(await staleAtOpen(open)).toBe(0);
  });

  it('finds a note written so, and a read state changed so still lets the search answer early', async () => {
    const { libraryDir, cacheDir, ids, searchEarly } = await library();
    const noted = await openOnly(libraryDir, cacheDir, [ids[2]!]);
    await noted.createAnnotation({ articleId: ids[2]!, kind: 'note', note: 'ask about the lock keeper' });
    await noted.close();
    expect(idsOf(await searchEarly('keeper'))).toEqual(expect.arrayContaining([ids[2]]));
    const marked = await openOnly(libraryDir, cacheDir, [ids[1]!]);
    await marked.setReadState([ids[1]!], 'finished');
    await marked.close();
    expect(await waiting(cacheDir)).toEqual([ids[1]]);
    expect(idsOf(await searchEarly('lighthouse'))).toEqual([ids[1]]);
  });

  it('is removed from the index by the next search when another program moved it to the trash since', async () => {
    const { libraryDir, cacheDir, ids, open, searchEarly } = await library();
    const core = await openOnly(libraryDir, cacheDir, [ids[1]!]);
    await core.tagArticles([ids[1]!], ['beacons']);
    await core.close();
    renameSync(path.join(libraryDir, 'articles', ids[1]!), path.join(libraryDir, 'trash', ids[1]!));
    expect(idsOf(await searchEarly('lighthouse'))).toEqual([]);
    expect(idsOf(await searchEarly('beacons'))).toEqual([]);
    expect(await staleAtOpen(open)).toBe(0);
  });

  it('a command that only reads (quire show ID) leaves the record as it was', async () => {
    const { libraryDir, cacheDir, ids } = await library();
    const record = path.join(cacheDir, INDEX_IN_STEP_RECORD);
    const before = readFileSync(record);
    const core = await openOnly(libraryDir, cacheDir, [ids[0]!]);
    expect((await core.getArticle(ids[0]!)).title).toBe('Harbour pilots');
    await core.close();
    expect(readFileSync(record).equals(before)).toBe(true);
  });

  it("never records an index another process wrote meanwhile as the one it wrote itself", async () => {
    const { libraryDir, cacheDir, ids, open, searchEarly, searchOpened } = await library();
    const tagged = await openOnly(libraryDir, cacheDir, [ids[0]!]);
    await tagged.tagArticles([ids[0]!], ['ferries']);
    await tagged.close();
    const check = await checkInStepRecord(libraryDir, cacheDir, (await readInStepRecord(cacheDir, () => undefined))!);
    expect(check?.reindex).toEqual([ids[0]]);
    const before = recordedIndexFingerprints(cacheDir, check!.record)!;
    // Another process opens the library (indexing the tag), changes another article and writes the
    // index and a record of its own, between this search's reading of the index and its keeping.
    const other = await open();
    await other.tagArticles([ids[1]!], ['beacons']);
    await other.close();
    const record = path.join(cacheDir, INDEX_IN_STEP_RECORD);
    const theirs = readFileSync(record);
    await keepReindexedRecord({ cacheDir, check: check!, before, reindexed: new Map([[ids[0]!, 'a fingerprint this search indexed']]), readAt: new Map(), log: () => undefined });
    expect(readFileSync(record).equals(theirs)).toBe(true);
    expect(idsOf(await searchEarly('beacons'))).toEqual([ids[1]]);
    expect(idsOf(await searchEarly('ferries'))).toEqual([ids[0]]);
    expect(await searchOpened('beacons')).toEqual([ids[1]]);
  });

  it('past the articles a record can list, the record is left and the next search opens the library', async () => {
    const { libraryDir, cacheDir, ids, searchEarly, searchOpened } = await library();
    // Articles listed as changed before, gone since (each a removal for the next search).
    const others = Array.from({ length: MAX_REINDEX }, (_, i) => `gone${String(i).padStart(4, '0')}`);
    expect(await relaxInStepRecord(cacheDir, others, () => undefined)).toBe(true);
    const core = await openOnly(libraryDir, cacheDir, [ids[0]!]);
    await core.tagArticles([ids[0]!], ['ferries']);
    await core.close();
    expect(await waiting(cacheDir)).toEqual(others);
    expect(await searchEarly('ferries')).toBeNull();
    expect(await searchOpened('ferries')).toEqual([ids[0]]);
    expect(await waiting(cacheDir)).toEqual([]);
    expect(idsOf(await searchEarly('ferries'))).toEqual([ids[0]]);
  });
});

/**
 * What a search needs to know that the index is in step with the library, without every article's
 * metadata: kept beside the index when a process that opened it closes (`index-in-step.json`, in
 * the library's cache folder on this machine, in the checked frame of the other caches).
 *
 * For each article it holds either the stamps (size, times, inode) of its `article.json` and of
 * its empty `annotations/` folder as they were when the index's fingerprint of the article was
 * made, or that fingerprint itself (an article with bookmarks or notes, or one this process
 * changed): while the stamps are all as recorded, the article is as the index has it; the others
 * are read and fingerprinted again. The fingerprints are those of the index on disk (its manifest,
 * read as the engine would load it), and the record holds the stamps of the index's files too
 * (the manifest and each segment it names), so an index written since, cut short or of another
 * version is never taken for the one recorded; and each stamped article's last reading time
 * (search's tie-breaker). A status-change time is set by the kernel at every write or rename, so
 * a file another program rewrote with its old modification time still differs; adding or removing
 * a file in a folder changes the folder's times. Anything that differs, a missing or unusable
 * record, another article in `articles/` or one missing: the search opens the library as before
 * (`IndexSync`), which reconciles the index and writes the record again when it closes.
 *
 * Articles a command changed without the index are listed apart (`reindex`): the record claims
 * nothing about them, and the next search indexes them first (in-step-reindex.ts).
 */
import { statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { StoredFolder } from '../annotations/annotation-folder-cache';
import { readCheckedCache, writeCheckedCache, type CacheKind } from '../fs/checked-cache-file';
import { sameStamp, statStamp, type FileStamp } from '../fs/stat-stamp';
import { ANNOTATIONS_FOLDER, ARTICLE_META } from '../library/library-layout';
import { isValidId } from '../library/library-paths';
import type { Log } from '../log';
import type { ArticleMeta } from '../../shared/models';
import { INDEX_FORMAT_VERSION, MANIFEST_FILE, PIPELINE_VERSION } from '../search/index-format';
import { readIndexOnDisk, type IndexOnDisk } from '../search/index-on-disk';
import { DOCUMENT_VERSION, plainFingerprintOf } from './search-documents';

/** The record's name in the library's cache folder (beside `index/`). */
export const INDEX_IN_STEP_RECORD = 'index-in-step.json';

/**
 * More articles to read again than this and the record is not kept: a search would spend longer
 * on them than opening the library costs.
 */
export const MAX_RECHECKED = 500;

/**
 * Articles changed without the index that a record may list for the next search to re-index: each
 * is read and indexed before that search answers, and the record is not written again until then.
 */
export const MAX_REINDEX = 32;

/**
 * Another version of the index's files, of its text pipeline or of what a fingerprint covers makes
 * another record: a record is never taken for an index this Quire would not load as it is.
 */
const KIND: CacheKind = {
  version: 2,
  schema: `index-${INDEX_FORMAT_VERSION}.${PIPELINE_VERSION}-documents-${DOCUMENT_VERSION}`,
  label: "The search index's in-step record",
};

/** Numbers per stamped article: article.json's size, mtimeMs, ctimeMs, ino, then its `annotations/` folder's mtimeMs, ctimeMs, ino. */
export const STAMP_WIDTH = 7;

/**
 * As columns, so that reading it makes a few arrays, not one per article: the stamped articles'
 * ids and their stamps one after the other (`STAMP_WIDTH` numbers each), the fingerprint of each
 * article to read again, the reading time of each article that was read (stamped or read again:
 * a search asks its index with them before the check, in-step-search.ts).
 */
export interface InStepRecord {
  /** the index's files (its manifest, then its segments) */
  files: string[];
  /** their stamps, four numbers each (size, mtimeMs, ctimeMs, ino) */
  fileStamps: number[];
  ids: string[];
  stamps: number[];
  recheck: Record<string, string>;
  /** each article's last reading time, where it was read, as the library held it when the record was kept */
  read: Record<string, string>;
  /** articles changed since without the index: the next search indexes them from their files (or removes them) first */
  reindex: string[];
}

const stampArray = (s: FileStamp): number[] => [s.size, s.mtimeMs, s.ctimeMs, s.ino];
const isNumber = (value: unknown): value is number => typeof value === 'number';
const isStringRecord = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');

function isInStepRecord(value: Record<string, unknown>): value is Record<string, unknown> & InStepRecord {
  const { files, fileStamps, ids, stamps, recheck, read, reindex } = value;
  return (
    Array.isArray(files) &&
    files.every((name) => typeof name === 'string' && path.basename(name) === name) &&
    Array.isArray(fileStamps) &&
    fileStamps.length === files.length * 4 &&
    fileStamps.every(isNumber) &&
    Array.isArray(ids) &&
    ids.every((id) => typeof id === 'string') &&
    Array.isArray(stamps) &&
    stamps.length === ids.length * STAMP_WIDTH &&
    stamps.every(isNumber) &&
    isStringRecord(recheck) &&
    isStringRecord(read) &&
    Array.isArray(reindex) &&
    reindex.length <= MAX_REINDEX &&
    reindex.every((id) => typeof id === 'string' && isValidId(id))
  );
}

/**
 * The index on disk (its fingerprints, as the engine would load them) and the stamps of its files;
 * null when there is none, or when it was written again while it was read (the next close records it).
 */
export function stampIndexOnDisk(cacheDir: string): { onDisk: IndexOnDisk; fileStamps: number[] } | null {
  const indexDir = path.join(cacheDir, 'index');
  const manifestBefore = statStamp(path.join(indexDir, MANIFEST_FILE));
  const onDisk = readIndexOnDisk(indexDir);
  if (manifestBefore === null || onDisk === null) return null;
  const fileStamps: number[] = [];
  for (const name of onDisk.files) {
    const stamp = statStamp(path.join(indexDir, name));
    if (stamp === null) return null;
    fileStamps.push(...stampArray(stamp));
  }
  return sameStamp(manifestBefore, recordedStamp(fileStamps, 0)) ? { onDisk, fileStamps } : null;
}

/** The `index`-th file stamp of a record's `fileStamps`. */
const recordedStamp = (fileStamps: readonly number[], index: number): FileStamp => {
  const at = index * 4;
  return { size: fileStamps[at]!, mtimeMs: fileStamps[at + 1]!, ctimeMs: fileStamps[at + 2]!, ino: fileStamps[at + 3]! };
};

/** Everything the record is made of, from the process that kept the index in step. */
export interface InStepSources {
  cacheDir: string;
  /** every article the library holds now */
  articles: Iterable<ArticleMeta>;
  /** what the index holds (IndexSync.heldFingerprints); null: not known, no record */
  held: ReadonlyMap<string, string> | null;
  /** article.json's stamp when the article now held was read (ArticleStore.stampAtOpen) */
  stampAtOpen(id: string): FileStamp | undefined;
  /** the annotations folder as the fingerprinting found it (LibraryIndexSource.annotationFolderAtOpen) */
  annotationFolderAtOpen(id: string): StoredFolder | undefined;
  log: Log;
}

/**
 * Writes the record for the index as it is on disk now (call after the index was flushed and
 * closed). Writes nothing when what the index holds is not known; an older record stays, and is
 * only ever used while every stamp in it, the index's too, is still as it says.
 */
export async function keepInStepRecord({ cacheDir, articles, held, stampAtOpen, annotationFolderAtOpen, log }: InStepSources): Promise<void> {
  if (held === null) return;
  const stamped = stampIndexOnDisk(cacheDir);
  if (stamped === null) return;
  const { onDisk, fileStamps } = stamped;
  const record: InStepRecord = { files: onDisk.files, fileStamps, ids: [], stamps: [], recheck: {}, read: {}, reindex: [] };
  let count = 0;
  for (const meta of articles) {
    // What the index on disk holds, which this process must know it holds (a segment found
    // corrupt after the index opened, for one, lost articles this process does not know of).
    const fingerprint = onDisk.fingerprints.get(meta.id);
    if (fingerprint === undefined || held.get(meta.id) !== fingerprint) return;
    count += 1;
    const stamp = stampAtOpen(meta.id);
    const folder = annotationFolderAtOpen(meta.id);
    // Stamped only when the index's fingerprint is the one of the metadata read at that stamp,
    // with no bookmark or note: then equal stamps mean an equal fingerprint.
    if (stamp !== undefined && folder !== undefined && folder[3] === 0 && plainFingerprintOf(meta) === fingerprint) {
      record.ids.push(meta.id);
      record.stamps.push(stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino, folder[0], folder[1], folder[2]);
    } else {
      record.recheck[meta.id] = fingerprint;
    }
    if (meta.lastReadAt !== undefined) record.read[meta.id] = meta.lastReadAt;
  }
  if (count !== held.size || count !== onDisk.fingerprints.size || count - record.ids.length > MAX_RECHECKED) return;
  await writeInStepRecord(cacheDir, record, log);
}

/** What a search needs once the record holds: the articles to read again, and the reading times of the others. */
export interface InStepCheck {
  /** articles whose fingerprint must be made again from their files and equal this one */
  recheck: { id: string; fingerprint: string }[];
  /** `{ id, lastReadAt }` of the stamped articles that were read */
  reading: { id: string; lastReadAt: string }[];
  /** articles changed without the index, in the library: to index from their files before answering */
  reindex: string[];
  /** articles changed without the index and gone from the library since: to remove from the index */
  removed: string[];
  /** the record checked (what `keepReindexedRecord` builds on) */
  record: InStepRecord;
}

export async function readInStepRecord(cacheDir: string, log: Log): Promise<InStepRecord | null> {
  const entries = await readCheckedCache(path.join(cacheDir, INDEX_IN_STEP_RECORD), KIND, log);
  return isInStepRecord(entries) ? entries : null;
}

export async function writeInStepRecord(cacheDir: string, record: InStepRecord, log: Log): Promise<void> {
  await writeCheckedCache(path.join(cacheDir, INDEX_IN_STEP_RECORD), KIND, { ...record }, log);
}

/**
 * The articles' reading times as the record holds them: those of the library when the record was
 * kept, which the check (`reading`, and the articles it reads again) finds again while no article
 * was read since.
 */
export function recordedReading(record: InStepRecord): { id: string; lastReadAt: string }[] {
  return Object.entries(record.read).map(([id, lastReadAt]) => ({ id, lastReadAt }));
}

/**
 * Compares the record (`readInStepRecord`) with the library folder and the index on disk: null
 * when anything differs; else what is left to check by reading. One listing of `articles/` and a
 * `stat` of each article.json and each annotations folder.
 */
export async function checkInStepRecord(libraryDir: string, cacheDir: string, record: InStepRecord): Promise<InStepCheck | null> {
  const indexDir = path.join(cacheDir, 'index');
  for (let i = 0; i < record.files.length; i += 1) {
    const stamp = statStamp(path.join(indexDir, record.files[i]!));
    if (stamp === null || !sameStamp(stamp, recordedStamp(record.fileStamps, i))) return null;
  }
  const articlesDir = path.join(libraryDir, 'articles');
  let names: string[];
  try {
    names = await readdir(articlesDir);
  } catch {
    return null;
  }
  const row = new Map<string, number>();
  record.ids.forEach((id, i) => row.set(id, i));
  const { stamps } = record;
  const toReindex = new Set(record.reindex);
  const check: InStepCheck = { recheck: [], reading: [], reindex: [], removed: [], record };
  let count = 0;
  for (const id of names) {
    // What the library's own reading skips (staging folders, leftovers) is no article.
    if (!isValidId(id)) continue;
    count += 1;
    if (toReindex.has(id)) {
      check.reindex.push(id);
      continue;
    }
    const at = row.get(id);
    if (at === undefined) {
      const fingerprint = Object.hasOwn(record.recheck, id) ? record.recheck[id] : undefined;
      if (fingerprint === undefined) return null;
      check.recheck.push({ id, fingerprint });
      continue;
    }
    // A name that is not a folder fails here (not a directory): the library is opened instead.
    const folder = `${articlesDir}${path.sep}${id}${path.sep}`;
    const meta = statSync(`${folder}${ARTICLE_META}`, { throwIfNoEntry: false });
    const s = at * STAMP_WIDTH;
    if (!meta || meta.size !== stamps[s] || meta.mtimeMs !== stamps[s + 1] || meta.ctimeMs !== stamps[s + 2] || meta.ino !== stamps[s + 3]) return null;
    const annotations = statSync(`${folder}${ANNOTATIONS_FOLDER}`, { throwIfNoEntry: false });
    if (!annotations || annotations.mtimeMs !== stamps[s + 4] || annotations.ctimeMs !== stamps[s + 5] || annotations.ino !== stamps[s + 6]) return null;
    const lastReadAt = Object.hasOwn(record.read, id) ? record.read[id] : undefined;
    if (lastReadAt !== undefined) check.reading.push({ id, lastReadAt });
  }
  // An article in the record whose folder is gone (trashed, deleted) is not in the library any more.
  if (count !== record.ids.length + Object.keys(record.recheck).length + check.reindex.length) return null;
  const present = new Set(check.reindex);
  check.removed = record.reindex.filter((id) => !present.has(id));
  return check;
}

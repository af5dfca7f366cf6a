/**
 * Changes made without the search index, carried by its in-step record (in-step-record.ts).
 *
 * A command that changes an article with only that article open (`quire tag ID`) never starts the
 * index: loading 17 MB of it to replace one article was most of such a command's second on a large
 * library. Instead it lists the article in the record as changed (`relaxInStepRecord`): the record
 * then claims nothing about it, so it stays true whatever was written. The next search indexes the
 * listed articles from their files before it answers, writes the index, and keeps the record with
 * them read again by fingerprint (`keepReindexedRecord`) — only once the index on disk is shown to
 * hold exactly what the record said of every other article, so another process's write of the
 * index in between is never taken for this one's.
 */
import type { Log } from '../log';
import {
  MAX_RECHECKED,
  MAX_REINDEX,
  readInStepRecord,
  STAMP_WIDTH,
  stampIndexOnDisk,
  writeInStepRecord,
  type InStepCheck,
  type InStepRecord,
} from './in-step-record';

/**
 * Lists `ids` in the record as changed without the index. Left as it is when there is no usable
 * record or the list would grow past `MAX_REINDEX`: the changed articles' stamps in it no longer
 * hold then, so the next search opens the library, which indexes them and keeps a new record.
 * Resolves to whether the record was changed.
 */
export async function relaxInStepRecord(cacheDir: string, ids: Iterable<string>, log: Log): Promise<boolean> {
  const changed = new Set(ids);
  if (changed.size === 0) return false;
  const record = await readInStepRecord(cacheDir, log);
  if (record === null) return false;
  const reindex = [...new Set([...record.reindex, ...changed])];
  if (reindex.length > MAX_REINDEX) return false;
  const kept = (entries: Record<string, string>): Record<string, string> =>
    Object.fromEntries(Object.entries(entries).filter(([id]) => !changed.has(id)));
  const relaxed: InStepRecord = { ...record, ids: [], stamps: [], recheck: kept(record.recheck), read: kept(record.read), reindex };
  record.ids.forEach((id, row) => {
    if (changed.has(id)) return;
    relaxed.ids.push(id);
    relaxed.stamps.push(...record.stamps.slice(row * STAMP_WIDTH, (row + 1) * STAMP_WIDTH));
  });
  await writeInStepRecord(cacheDir, relaxed, log);
  return true;
}

/**
 * The fingerprints of the index whose files the record stamped, read from its manifest; null when
 * the files on disk are not those any more.
 */
export function recordedIndexFingerprints(cacheDir: string, record: InStepRecord): ReadonlyMap<string, string> | null {
  const stamped = stampIndexOnDisk(cacheDir);
  if (stamped === null) return null;
  const sameFiles =
    stamped.onDisk.files.length === record.files.length &&
    stamped.onDisk.files.every((name, i) => name === record.files[i]) &&
    stamped.fileStamps.every((value, i) => value === record.fileStamps[i]);
  return sameFiles ? stamped.onDisk.fingerprints : null;
}

/**
 * After a search re-indexed the record's changed articles and its index was written and closed:
 * keeps the record with those articles read again by fingerprint, when the index on disk holds
 * exactly `before` (the recorded index's fingerprints) less the articles gone and with the
 * re-indexed ones' new fingerprints. Anything else (another process wrote the index meanwhile, the
 * write failed): the record is left as it is, and the next search opens the library.
 */
export async function keepReindexedRecord(
  { cacheDir, check, before, reindexed, readAt, log }: {
    cacheDir: string;
    check: InStepCheck;
    before: ReadonlyMap<string, string>;
    /** article id → the fingerprint it was indexed under */
    reindexed: ReadonlyMap<string, string>;
    /** article id → the last reading time of a re-indexed article read, as it was indexed */
    readAt: ReadonlyMap<string, string>;
    log: Log;
  },
): Promise<void> {
  const after = stampIndexOnDisk(cacheDir);
  if (after === null) return;
  const expected = new Map(before);
  for (const id of check.removed) expected.delete(id);
  for (const [id, fingerprint] of reindexed) expected.set(id, fingerprint);
  const onDisk = after.onDisk.fingerprints;
  if (onDisk.size !== expected.size) return;
  for (const [id, fingerprint] of expected) if (onDisk.get(id) !== fingerprint) return;
  const { record } = check;
  const recheck = { ...record.recheck, ...Object.fromEntries(reindexed) };
  if (Object.keys(recheck).length > MAX_RECHECKED) return;
  const read = { ...record.read, ...Object.fromEntries(readAt) };
  await writeInStepRecord(cacheDir, { ...record, files: after.onDisk.files, fileStamps: after.fileStamps, recheck, read, reindex: [] }, log);
}

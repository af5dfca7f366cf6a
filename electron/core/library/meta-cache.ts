/**
 * Every article's metadata in one file, so that opening a large library reads one file instead of
 * an article.json per article. It lives in this machine's cache folder for the library (beside the
 * search index), never inside the library: the library is synced, and a copy of this file carried
 * to another machine would describe that machine's files there as if they were its own.
 *
 * It is only ever a shortcut. The articles are the folders `articles/` lists (the cache never
 * adds one), and an entry is used only while its article.json has the same size, modification
 * time, status-change time and inode as when it was read; anything else (a changed, new or
 * replaced file, a truncated, edited or foreign cache file) is read from article.json as if there
 * were no cache. The file is written again, atomically, after an open that found more than a
 * hundredth of it out of date (entries read again from article.json, or left out): writing it
 * costs ~300 ms for 10,000 articles, and every command after one that changed an article would
 * otherwise pay that to save reading a few files at the next open (a library under 100 articles
 * has it written after any change, as before).
 *
 * What it holds was checked against the metadata schema when it was read from article.json, so
 * it is not checked entry by entry again (for 10,000 articles that costs as much as parsing the
 * file): the file's first line carries the CRC-32 of the rest, so that a file that is not
 * exactly as Quire wrote it is not used at all, and a fingerprint of the metadata schema, so that
 * a Quire whose metadata has other fields or rules never takes an older Quire's entries.
 */
import type { ArticleMeta } from '../../shared/models';
import * as z from '../../shared/zod';
import { readCheckedCache, writeCheckedCache, type CacheKind } from '../fs/checked-cache-file';
import { sha256Hex } from '../fs/sha256';
import type { Log } from '../log';
import { articleMetaSchema } from './file-schemas';
import { MetaColumns, toColumns } from './meta-columns';
import { sameStamp, statStamp, type FileStamp } from '../fs/stat-stamp';

/** Raised whenever the file's frame or what an entry holds changes meaning beyond the schema (3: columns, meta-columns.ts). */
const CACHE_VERSION = 3;

/** The cache is written again when more than one entry in this many is out of date (see above). */
const REWRITE_WHEN_OUT_OF_DATE = 100;

let kindMemo: CacheKind | undefined;
/** The file's header: its version and the metadata schema as JSON Schema, hashed (any change of a field, a type or a default changes it). */
function cacheKind(): CacheKind {
  kindMemo ??= {
    version: CACHE_VERSION,
    schema: sha256Hex(JSON.stringify(z.toJSONSchema(articleMetaSchema, { io: 'input', unrepresentable: 'any' }))).slice(0, 16),
    label: "The library's metadata cache",
  };
  return kindMemo;
}

interface Entry {
  stamp: FileStamp;
  meta: ArticleMeta;
}

export class ArticleMetaCache {
  /** what this open found: entries kept and entries read again */
  private readonly current = new Map<string, Entry>();
  /** entries of the file this open used as they were */
  private kept = 0;
  /** articles this open read from their files that the file holds no entry for (new ones) */
  private notHeld = 0;

  private constructor(
    private readonly file: string,
    /** the entries as last written (after the header line: columns, meta-columns.ts); null: none */
    private stored: MetaColumns | null,
  ) {}

  /**
   * The cache as last written; empty (every article read from its files) when missing or
   * unreadable. `prefetchedBytes`: the file as read a moment ago (library-prefetch.ts).
   */
  static async load(file: string, log: Log, prefetchedBytes?: Promise<Buffer>): Promise<ArticleMetaCache> {
    const kind = cacheKind();
    const entries = await readCheckedCache(file, kind, log, prefetchedBytes);
    if (Object.keys(entries).length === 0) return new ArticleMetaCache(file, null);
    const stored = MetaColumns.of(entries);
    // Only a Quire of this very version writes this header, so this is a bug, not a foreign file.
    if (stored === null) log(`${kind.label} ${file} does not hold its columns as this Quire writes them; it is made again`);
    return new ArticleMetaCache(file, stored);
  }

  /**
   * Adds the cached metadata of article `id` to `into` when its article.json (`metaFile`) is
   * unchanged since it was cached; false when it must be read. `prefetched`: the file's stamp
   * taken a moment ago (library-prefetch.ts), used instead of taking it now when not undefined.
   */
  takeUnchanged(id: string, metaFile: string, into: ArticleMeta[], prefetched?: FileStamp | null): boolean {
    const stamp = prefetched === undefined ? statStamp(metaFile) : prefetched;
    const cached = stamp ? this.usable(id, stamp) : null;
    if (!cached || !stamp) return false;
    this.current.set(id, { stamp, meta: cached });
    this.kept += 1;
    into.push(cached);
    return true;
  }

  /** `read()` (the store's own reading of the files, which may say "not yet": null), remembered for the next open. */
  async readThrough(id: string, metaFile: string, read: () => Promise<ArticleMeta | null>): Promise<ArticleMeta | null> {
    // Taken before reading: if the file changes meanwhile, the next open sees another stamp and reads it again.
    const stamp = statStamp(metaFile);
    if (this.stored?.holds(id) !== true) this.notHeld += 1;
    const meta = await read();
    if (meta && stamp) this.current.set(id, { stamp, meta });
    return meta;
  }

  /**
   * article.json's stamp when `meta` was taken from it at this open (from the cache or read), or
   * undefined when `meta` is not what was taken then (this process changed the article since).
   */
  stampOf(meta: ArticleMeta): FileStamp | undefined {
    const entry = this.current.get(meta.id);
    return entry !== undefined && entry.meta === meta ? entry.stamp : undefined;
  }

  /**
   * Writes the cache when what is out of date in it — its entries this open did not use as they
   * were (changed or gone articles), and articles it has no entry for — is more than a hundredth
   * of it, or it had no entries.
   */
  async save(log: Log): Promise<void> {
    const held = this.stored?.size ?? 0;
    const outOfDate = held - this.kept + this.notHeld;
    if (outOfDate === 0 || (held > 0 && outOfDate * REWRITE_WHEN_OUT_OF_DATE <= held)) return;
    // Compact: nobody reads it but Quire, and a 10,000-article library's is several megabytes.
    await writeCheckedCache(this.file, cacheKind(), toColumns(this.current), log);
  }

  /** Lets the file's parsed entries go once the open is done (the stamps of this open stay for `stampOf`). */
  releaseStored(): void {
    this.stored = null;
  }

  private usable(id: string, stamp: FileStamp): ArticleMeta | null {
    const kept = this.stored?.stampOf(id);
    if (!kept || !sameStamp(kept, stamp)) return null;
    const meta = this.stored!.metaOf(id);
    // Checked against the schema when it was read from article.json (see above). The folder name
    // is the identity, as when article.json itself is read.
    return meta !== null && meta.id === id ? (meta as unknown as ArticleMeta) : null;
  }
}

/**
 * Every article's metadata in one file, so that opening a large library reads one file instead of
 * an article.json per article. It lives in this machine's cache folder for the library (beside the
 * search index), never inside the library: the library is synced, and a copy of this file carried
 * to another machine would describe that machine's files there as if they were its own.
 *
 * It is only ever a shortcut. The articles are the folders `articles/` lists (the cache never
 * adds one), and an entry is used only while its article.json has the same size, modification
 * time, status-change time and inode as when it was read; anything else (a changed, new or
 * replaced file, an entry that does not check against the metadata schema, a truncated or
 * foreign file) is read from article.json as if there were no cache. The file is written again,
 * atomically, after an open that read any article.json or dropped any entry.
 */
import { statSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleMeta } from '../../shared/models';
import { isNotFound, writeFileAtomic } from '../fs/atomic-write';
import type { Log } from '../log';
import { articleMetaSchema } from './file-schemas';

/** The cache's name in the library's cache folder (app-data, one folder per library). */
export const LIBRARY_META_CACHE = 'library-meta.json';

/** Raised whenever what an entry holds changes meaning: older files are then ignored, not misread. */
const CACHE_VERSION = 1;

/** What identifies one version of article.json without reading it. */
interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/**
 * The file's frame: `{ version, articles: { <id>: { stamp, meta } } }`. Checked by hand, entry by
 * entry as they are used, rather than with a schema over all of it at once: a 10,000-entry record
 * checked by zod costs more than the reads the cache saves. Each entry's metadata is checked
 * against the schema of article.json when it is used.
 */
type StoredEntries = Record<string, unknown>;

function entriesOf(parsed: unknown): StoredEntries | null {
  if (typeof parsed !== 'object' || parsed === null || !('version' in parsed) || parsed.version !== CACHE_VERSION) return null;
  const articles = 'articles' in parsed ? parsed.articles : null;
  return typeof articles === 'object' && articles !== null && !Array.isArray(articles) ? (articles as StoredEntries) : null;
}

const isStamp = (value: unknown): value is FileStamp =>
  typeof value === 'object' &&
  value !== null &&
  ['size', 'mtimeMs', 'ctimeMs', 'ino'].every((key) => typeof (value as Record<string, unknown>)[key] === 'number');

interface Entry {
  stamp: FileStamp;
  meta: ArticleMeta;
}

/**
 * article.json's stamp, or null when it cannot be seen. Synchronous on purpose: one system call
 * each, ten thousand in a row at open, cost a fraction of the same number of promises.
 */
function statStamp(file: string): FileStamp | null {
  const info = statSync(file, { throwIfNoEntry: false });
  return info ? { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino } : null;
}

const sameStamp = (a: FileStamp, b: FileStamp): boolean =>
  a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;

export class ArticleMetaCache {
  /** what this open found: entries kept and entries read again */
  private readonly current = new Map<string, Entry>();
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly stored: StoredEntries,
  ) {}

  /** The cache as last written; empty (every article read from its files) when missing or unreadable. */
  static async load(file: string, log: Log): Promise<ArticleMetaCache> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if (!isNotFound(error)) log(`The library's metadata cache ${file} could not be read; every article.json is read instead`, error);
      return new ArticleMetaCache(file, {});
    }
    let entries: StoredEntries | null = null;
    try {
      entries = entriesOf(JSON.parse(text));
    } catch {
      // not JSON (a write cut short): the same as an unusable file
    }
    if (!entries) {
      log(`The library's metadata cache ${file} is not usable (cut short or from another version); it is made again from the articles`);
      return new ArticleMetaCache(file, {});
    }
    return new ArticleMetaCache(file, entries);
  }

  /**
   * Adds the cached metadata of article `id` to `into` when its article.json (`metaFile`) is
   * unchanged since it was cached; false when it must be read.
   */
  takeUnchanged(id: string, metaFile: string, into: ArticleMeta[]): boolean {
    const stamp = statStamp(metaFile);
    const cached = stamp ? this.usable(id, stamp) : null;
    if (!cached || !stamp) return false;
    this.current.set(id, { stamp, meta: cached });
    into.push(cached);
    return true;
  }

  /** `read()` (the store's own reading of the files, which may say "not yet": null), remembered for the next open. */
  async readThrough(id: string, metaFile: string, read: () => Promise<ArticleMeta | null>): Promise<ArticleMeta | null> {
    // Taken before reading: if the file changes meanwhile, the next open sees another stamp and reads it again.
    const stamp = statStamp(metaFile);
    const meta = await read();
    this.changed = true;
    if (meta && stamp) this.current.set(id, { stamp, meta });
    return meta;
  }

  /** Writes the cache when this open read any file or left out any entry it held. */
  async save(log: Log): Promise<void> {
    if (!this.changed && this.current.size === Object.keys(this.stored).length) return;
    const articles: Record<string, Entry> = {};
    for (const [id, entry] of this.current) articles[id] = entry;
    try {
      await mkdir(path.dirname(this.file), { recursive: true });
      // Compact: nobody reads it but Quire, and a 10,000-article library's is several megabytes.
      await writeFileAtomic(this.file, JSON.stringify({ version: CACHE_VERSION, articles }));
    } catch (error) {
      // Only a shortcut: the next open reads the files again.
      log(`The library's metadata cache ${this.file} could not be written`, error);
    }
  }

  private usable(id: string, stamp: FileStamp): ArticleMeta | null {
    const entry = Object.hasOwn(this.stored, id) ? this.stored[id] : undefined;
    if (typeof entry !== 'object' || entry === null || !('stamp' in entry) || !isStamp(entry.stamp) || !sameStamp(entry.stamp, stamp)) return null;
    const meta = articleMetaSchema.safeParse('meta' in entry ? entry.meta : undefined);
    // The folder name is the identity, as when article.json itself is read.
    return meta.success && meta.data.id === id ? meta.data : null;
  }
}

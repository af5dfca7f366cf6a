/**
 * What opening a library reads before anything else, read ahead by a command that only reads the
 * whole library (`quire list`) while the command line is still loading its modules: the bytes of
 * the metadata cache (meta-cache.ts), and the stamps (stat-stamp.ts) of every article.json, taken
 * by a thread of their own (prefetch-worker.ts): a library of 10,000 articles otherwise spends
 * ~75 ms of its one thread on 10,000 `stat` calls in a row, after everything else it does at open.
 *
 * Read a moment before the open is as good as read during it for a command that only reads: the
 * store takes the cached metadata of exactly the version of article.json a stamp stands for, or
 * reads the file when the cache holds another (meta-cache.ts), so what it shows is the library as
 * it was a moment earlier, never a mix of two versions of one article. A command that writes must
 * not use them: between the prefetch and its open, another process may have changed an article
 * this one then writes. The store lists articles/ itself at open: a folder added since is stamped
 * there, one removed since is not listed.
 *
 * This module and the thread load only Node's own modules and library-layout.ts.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FileStamp } from '../fs/stat-stamp';
import { ARTICLE_META } from './library-layout';

/** What the thread posts: the names of articles/'s folders and, four numbers each, their article.json's stamp (NaN: none). */
export interface ArticleStampsMessage {
  names: string[];
  /** size, mtimeMs, ctimeMs, ino per name, in the order of `names`; NaN size when the file could not be seen */
  stamps: Float64Array<ArrayBuffer>;
}

const NUMBERS_PER_STAMP = 4;

/**
 * The stamps of `articlesDir`'s folders' article.json, synchronously (the thread's whole work);
 * null when the folder cannot be listed (missing: a library made at this open).
 */
export function takeArticleStamps(articlesDir: string): ArticleStampsMessage | null {
  let folders: string[];
  try {
    folders = readdirSync(articlesDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    return null;
  }
  const stamps = new Float64Array(folders.length * NUMBERS_PER_STAMP);
  for (let i = 0; i < folders.length; i += 1) {
    // Joined by hand, as library-paths.ts's articleMetaFileIn does: a listed name is one segment.
    const info = statSync(`${articlesDir}${path.sep}${folders[i]!}${path.sep}${ARTICLE_META}`, { throwIfNoEntry: false });
    const at = i * NUMBERS_PER_STAMP;
    if (info === undefined) {
      stamps.fill(Number.NaN, at, at + NUMBERS_PER_STAMP);
      continue;
    }
    stamps[at] = info.size;
    stamps[at + 1] = info.mtimeMs;
    stamps[at + 2] = info.ctimeMs;
    stamps[at + 3] = info.ino;
  }
  return { names: folders, stamps };
}

/** Whether a message is the thread's answer, whole (anything else is not used). */
export function isArticleStampsMessage(value: unknown): value is ArticleStampsMessage {
  if (typeof value !== 'object' || value === null) return false;
  const { names, stamps } = value as Partial<ArticleStampsMessage>;
  return (
    Array.isArray(names) &&
    names.every((name) => typeof name === 'string') &&
    stamps instanceof Float64Array &&
    stamps.length === names.length * NUMBERS_PER_STAMP
  );
}

/** What was read ahead for an open (start-library-prefetch.ts). */
export interface LibraryPrefetch {
  /** the stamps; null when they could not be taken (the store takes them itself) */
  stamps: Promise<PrefetchedStamps | null>;
  /** the metadata cache file's bytes, or the error reading them gave */
  metaCacheBytes: Promise<Buffer>;
}

/** The prefetched stamps, by article folder name. */
export class PrefetchedStamps {
  private readonly indexOf: Map<string, number>;

  constructor(private readonly message: ArticleStampsMessage) {
    this.indexOf = new Map(message.names.map((name, i) => [name, i]));
  }

  /**
   * The stamp article.json of folder `name` had when prefetched; null when it could not be seen
   * then; undefined when the folder was not there then (the caller takes the stamp itself).
   */
  stampOf(name: string): FileStamp | null | undefined {
    const i = this.indexOf.get(name);
    if (i === undefined) return undefined;
    const { stamps } = this.message;
    const at = i * NUMBERS_PER_STAMP;
    const size = stamps[at]!;
    if (Number.isNaN(size)) return null;
    return { size, mtimeMs: stamps[at + 1]!, ctimeMs: stamps[at + 2]!, ino: stamps[at + 3]! };
  }
}

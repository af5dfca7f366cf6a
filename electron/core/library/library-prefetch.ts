/**
 * What opening a library reads before anything else, read ahead by a one-shot command while the
 * command line is still loading its modules (cli/early-prefetch.ts says which): the bytes of the
 * metadata cache (meta-cache.ts), and the stamps (stat-stamp.ts) of every article.json — and, for
 * a command that fingerprints the library for its index, of every annotations/ folder — taken by a
 * thread of their own (prefetch-worker.ts): a library of 10,000 articles otherwise spends ~75 ms
 * of its one thread on each 10,000 `stat` calls in a row, after everything else it does at open.
 *
 * Read a moment before the open is as good as read during it: the store takes the cached metadata
 * of exactly the version of article.json a stamp stands for, or reads the file when the cache
 * holds another (meta-cache.ts), so what it sees is the library as it was a moment earlier, never
 * a mix of two versions of one article. A command that writes may use them: every change reads
 * the article.json it changes again, under the article's lock, and merges into it, so a version
 * read a moment earlier is never written back. The store lists articles/ itself at open: a folder
 * added since is stamped there, one removed since is not listed.
 *
 * This module and the thread load only Node's own modules and library-layout.ts.
 */
import { readdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { FileStamp, FolderStamp } from '../fs/stat-stamp';
import { ANNOTATIONS_FOLDER, ARTICLE_META } from './library-layout';

/** What the thread is started with. */
export interface PrefetchWorkerData {
  articlesDir: string;
  /** whether to take the annotations/ folders' stamps too (for a command that fingerprints the library) */
  annotationFolders: boolean;
}

/**
 * The thread's first message: the names of articles/'s folders and, four numbers each, their
 * article.json's stamp (size, mtimeMs, ctimeMs, ino; NaN where the file could not be seen).
 */
export interface ArticleStampsMessage {
  names: string[];
  stamps: Float64Array<ArrayBuffer>;
}

/**
 * Its second, when asked for: three numbers per name of the first, their annotations/ folder's
 * stamp (mtimeMs, ctimeMs, ino; NaN where the folder could not be seen). Sent apart because the
 * store's open needs only the first, and the library's fingerprinting, which needs these, comes
 * after it.
 */
export interface FolderStampsMessage {
  folderStamps: Float64Array<ArrayBuffer>;
}

const NUMBERS_PER_STAMP = 4;
const NUMBERS_PER_FOLDER_STAMP = 3;

/** The file's stats; undefined when it cannot be seen (missing, or a file where a folder of its path should be). */
function statIfThere(file: string): Stats | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/**
 * The thread's work, synchronously: the stamps of the article.json of every folder of
 * `articlesDir`, then (`takeFolderStamps`, taken when called) those of their annotations/ folders.
 * Null when the folder cannot be listed (missing: a library made at this open).
 */
export function takeArticleStamps(articlesDir: string): (ArticleStampsMessage & { takeFolderStamps: () => FolderStampsMessage }) | null {
  let folders: string[];
  try {
    folders = readdirSync(articlesDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    return null;
  }
  // Joined by hand, as library-paths.ts's articleMetaFileIn does: a listed name is one segment.
  const inFolder = (i: number, name: string): string => `${articlesDir}${path.sep}${folders[i]!}${path.sep}${name}`;
  const stamps = new Float64Array(folders.length * NUMBERS_PER_STAMP).fill(Number.NaN);
  for (let i = 0; i < folders.length; i += 1) {
    const meta = statIfThere(inFolder(i, ARTICLE_META));
    if (meta !== undefined) stamps.set([meta.size, meta.mtimeMs, meta.ctimeMs, meta.ino], i * NUMBERS_PER_STAMP);
  }
  const takeFolderStamps = (): FolderStampsMessage => {
    const numbers = new Float64Array(folders.length * NUMBERS_PER_FOLDER_STAMP).fill(Number.NaN);
    for (let i = 0; i < folders.length; i += 1) {
      const annotations = statIfThere(inFolder(i, ANNOTATIONS_FOLDER));
      if (annotations !== undefined) numbers.set([annotations.mtimeMs, annotations.ctimeMs, annotations.ino], i * NUMBERS_PER_FOLDER_STAMP);
    }
    return { folderStamps: numbers };
  };
  return { names: folders, stamps, takeFolderStamps };
}

/** Whether a message is the thread's first, whole (anything else is not used). */
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

/** Whether a message is the thread's second, whole, for the `names` of its first. */
export function isFolderStampsMessage(value: unknown, names: readonly string[]): value is FolderStampsMessage {
  if (typeof value !== 'object' || value === null) return false;
  const { folderStamps } = value as Partial<FolderStampsMessage>;
  return folderStamps instanceof Float64Array && folderStamps.length === names.length * NUMBERS_PER_FOLDER_STAMP;
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
  /** the annotation folders' stamps, when they come; null when they do not (each folder is then stamped by its reader) */
  readonly annotationFolders: Promise<PrefetchedFolderStamps | null>;

  constructor(
    private readonly message: ArticleStampsMessage,
    folders: Promise<FolderStampsMessage | null>,
  ) {
    const indexOf = new Map(message.names.map((name, i) => [name, i]));
    this.indexOf = indexOf;
    this.annotationFolders = folders.then((sent) => (sent ? new PrefetchedFolderStamps(indexOf, sent.folderStamps) : null));
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

/** The prefetched stamps of the articles' annotations/ folders, by article folder name. */
export class PrefetchedFolderStamps {
  constructor(
    private readonly indexOf: ReadonlyMap<string, number>,
    private readonly folderStamps: Float64Array,
  ) {}

  /**
   * The stamp the annotations/ folder of article folder `name` had when prefetched; null when it
   * could not be seen then; undefined when the article folder was not there then.
   */
  stampOf(name: string): FolderStamp | null | undefined {
    const i = this.indexOf.get(name);
    if (i === undefined) return undefined;
    const at = i * NUMBERS_PER_FOLDER_STAMP;
    const mtimeMs = this.folderStamps[at]!;
    if (Number.isNaN(mtimeMs)) return null;
    return { mtimeMs, ctimeMs: this.folderStamps[at + 1]!, ino: this.folderStamps[at + 2]! };
  }
}

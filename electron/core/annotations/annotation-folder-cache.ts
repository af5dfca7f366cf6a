/**
 * Which articles' `annotations/` folders hold any file, remembered between opens, so that
 * fingerprinting a large library for its search index costs one `stat` per annotation folder
 * instead of a listing (10,000 listings were most of a cold `quire search`). It lives in the
 * library's cache folder on this machine, like the metadata cache, and is only a shortcut.
 *
 * An answer is taken from the cache only while the folder has the same modification time,
 * status-change time and inode as when it was listed: adding, removing or renaming a file in a
 * folder changes its modification time (an annotation is written by renaming a finished file
 * into the folder, and synchronizers do the same). A folder changed less than `SETTLED_MS` before
 * it was listed is not remembered: another file arriving within the same tick of the file
 * system's clock would leave the time as it was.
 */
import { statSync } from 'node:fs';
import { readCheckedCache, writeCheckedCache, type CacheEntries, type CacheKind } from '../fs/checked-cache-file';
import type { Log } from '../log';
import type { FolderStamp } from '../fs/stat-stamp';

/** The cache's name in the library's cache folder (app-data, one folder per library). */
export const ANNOTATION_FOLDER_CACHE = 'annotation-folders.json';

const CACHE_KIND: CacheKind = {
  version: 1,
  schema: 'folder-stamp-holds-files',
  label: "The library's annotation-folder cache",
};

/** How old a folder's last change must be for its listing to be remembered. */
export const SETTLED_MS = 2000;

/** `[mtimeMs, ctimeMs, ino, holds files: 1 | 0]` */
export type StoredFolder = [number, number, number, 0 | 1];

const isStoredFolder = (value: unknown): value is StoredFolder =>
  Array.isArray(value) &&
  value.length === 4 &&
  typeof value[0] === 'number' &&
  typeof value[1] === 'number' &&
  typeof value[2] === 'number' &&
  (value[3] === 0 || value[3] === 1);

export class AnnotationFolderCache {
  /** what this open found: folders answered from the cache and folders listed again */
  private readonly current = new Map<string, StoredFolder>();
  private listed = false;

  private constructor(
    private readonly file: string,
    private stored: CacheEntries,
    private readonly now: () => number,
  ) {}

  /** The cache as last written; empty (every folder listed) when missing or unusable. */
  static async load(file: string, log: Log, now: () => number = Date.now): Promise<AnnotationFolderCache> {
    return new AnnotationFolderCache(file, await readCheckedCache(file, CACHE_KIND, log), now);
  }

  /**
   * Whether the folder `dir` of article `id` holds files, as `list(dir)` says: from the cache
   * while the folder is as it was when listed. No folder holds nothing. `prefetched`: the
   * folder's stamp taken a moment ago (library-prefetch.ts), used instead of taking it now when
   * not undefined.
   */
  holdsFiles(id: string, dir: string, list: (dir: string) => boolean, prefetched?: FolderStamp | null): boolean {
    const info = prefetched === undefined ? folderStamp(dir) : prefetched;
    if (!info) return false;
    const stored = Object.hasOwn(this.stored, id) ? this.stored[id] : undefined;
    if (isStoredFolder(stored) && stored[0] === info.mtimeMs && stored[1] === info.ctimeMs && stored[2] === info.ino) {
      this.current.set(id, stored);
      return stored[3] === 1;
    }
    // The stamp is taken before listing: a change during the listing leaves a newer stamp behind.
    const holds = list(dir);
    this.listed = true;
    if (this.now() - Math.max(info.mtimeMs, info.ctimeMs) >= SETTLED_MS) {
      this.current.set(id, [info.mtimeMs, info.ctimeMs, info.ino, holds ? 1 : 0]);
    }
    return holds;
  }

  /** The folder's stamp and whether it held files, as this open found it; undefined if not asked, or changed too recently to be remembered. */
  stampOf(id: string): StoredFolder | undefined {
    return this.current.get(id);
  }

  /** Writes the cache when this open listed any folder or no longer asked about one it held. */
  async save(log: Log): Promise<void> {
    if (!this.listed && this.current.size === Object.keys(this.stored).length) return;
    await writeCheckedCache(this.file, CACHE_KIND, Object.fromEntries(this.current), log);
  }

  /** Lets the file's parsed entries go once saved (what this open found stays for `stampOf`). */
  releaseStored(): void {
    this.stored = {};
  }
}

/** The folder's stamp; null when it cannot be seen (missing, or a file where the article folder should be: `list` fails alike). */
function folderStamp(dir: string): FolderStamp | null {
  try {
    return statSync(dir, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

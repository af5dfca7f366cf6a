/**
 * The articles of one library folder: their metadata (kept in memory, read once at open), their
 * files, and the trash. Every change on disk is either an atomic file write or a folder rename, so
 * an article is always wholly there or wholly absent.
 */
import { existsSync, lstatSync, type Dirent } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { ArticleContent, ArticleMeta, ContentOptions } from '../../shared/models';
import { newestFirst } from '../../shared/article-query';
import { QuireError } from '../../shared/result';
import { say } from '../../shared/i18n/core-sentences';
import { sentenceError } from '../../shared/i18n/english-sentence';
import { isNotFound, jsonFileText, readJsonFile, writeFileAtomic, writeJsonAtomic, writeNewFile } from '../fs/atomic-write';
import {
  articleMetaSchema,
  LIBRARY_FORMAT_VERSION,
  libraryManifestSchema,
  type LibraryManifest,
} from './file-schemas';
import type { Log } from '../log';
import { recoverSwaps, swapFolder } from './folder-swap';
import type { LibraryPrefetch, PrefetchedStamps } from './library-prefetch';
import { withArticleLock } from './library-locks';
import type { StoredChapter } from './chapter-index';
import { type ArticleBody, bytesAsBuffer, ChapterIndexes, readArticleContent, readChapterHtml, writeContentFiles } from './content-files';
import { articleFiles, articleMetaFile, articleMetaFileIn, ASSET_PATH, isValidId, LIBRARY_MANIFEST, LibraryPaths, STAGING_PREFIX } from './library-paths';
import { replaceBrokenManifest } from './library-manifest';
import { ArticleMetaCache } from './meta-cache';
import type { FileStamp } from '../fs/stat-stamp';
import { OwnWrites } from './own-writes';
import { recentlyRead } from './recently-read';
import { ARRIVING_MS, isArriving } from './sync/arriving';
import { stampChangedFields } from './sync/field-times';

/** Everything needed to put a new article on disk: its metadata, reader HTML and text, original and images. */
export type NewArticle = ArticleBody & NewArticleFiles;

interface NewArticleFiles {
  meta: ArticleMeta;
  /** the imported file's bytes as they came (the ones the article was made from), kept for re-extraction */
  original: { ext: string; bytes: Uint8Array } | null;
  /** files the HTML refers to, each at `assets/<name>` */
  assets?: readonly { path: string; bytes: Uint8Array }[];
  /** a book's chapters: where each is in `html` and `text` (written as its chapter index) */
  chapters?: readonly StoredChapter[] | undefined;
}

const READ_BATCH = 64;

export const articleNotFound = (): QuireError =>
  sentenceError('not-found', say('core.error.articleNotFound'));

/** The article's folder went away under this process (another Quire moved it to the trash or deleted it). */
export const articleGone = (): QuireError =>
  sentenceError('not-found', say('core.error.articleGone'));

/** `<folder>/article.json` as the store reads it: checked against the schema, named by its folder. */
export async function readArticleMeta(folder: string, id: string): Promise<ArticleMeta> {
  const meta = await readJsonFile(articleFiles(folder).meta, articleMetaSchema);
  // The folder name is the identity (a copied folder keeps its old article.json).
  return meta.id === id ? meta : { ...meta, id };
}

export class ArticleStore {
  readonly paths: LibraryPaths;
  private readonly byId = new Map<string, ArticleMeta>();
  /** `recentlyRead` of the articles as they are, until one is remembered or forgotten. */
  private recentReading: readonly string[] | null = null;
  /** contentHash → id, for duplicate detection on import */
  private readonly byHash = new Map<string, string>();
  /** the articles this process just changed (the library watcher leaves those alone) */
  readonly ownWrites = new OwnWrites();
  private readonly chapterIndexes: ChapterIndexes;
  /** the metadata cache this open went through (its stamps say which version of each article.json was read) */
  private metaCache: ArticleMetaCache | null = null;
  /** the stamps read ahead of the open that it used, until the library's fingerprinting takes them */
  private stampsReadAhead: PrefetchedStamps | null = null;
  /** the only articles this store read (`open`'s `only`); null: the whole library */
  private scope: ReadonlySet<string> | null = null;

  private constructor(
    root: string,
    private readonly log: Log,
    /** the time each changed field of article.json is stamped with (sync/field-times.ts) */
    private readonly now: () => string,
  ) {
    this.paths = new LibraryPaths(root);
    this.chapterIndexes = new ChapterIndexes((line) => this.log(line));
  }

  /**
   * Opens the library at `root`, creating it when the folder or its `quire-library.json` is
   * missing (`created` tells the caller to add the sample articles).
   */
  static async open(
    root: string,
    {
      log,
      now = () => new Date().toISOString(),
      tidy = true,
      metaCacheFile,
      only,
      prefetched,
    }: {
      log: Log;
      now?: () => string;
      /** undo interrupted replacements and drop staging folders (not while another process has the library open: they may be its writes) */
      tidy?: boolean;
      /** every article's metadata in one file outside the library (meta-cache.ts); without it, each article.json is read */
      metaCacheFile?: string;
      /**
       * read only these articles (a one-shot command about one article: `quire show ID`): the rest
       * of the library is neither listed nor read, so asking for the list or another article is
       * a programming error, thrown; the metadata cache is neither read nor rewritten. Not for a
       * library this open creates: that one is opened whole (its sample articles are added to it)
       */
      only?: readonly string[];
      /**
       * the metadata cache's bytes and article.json's stamps read a moment before this open
       * (library-prefetch.ts), not read again: the library is seen as it was a moment earlier
       */
      prefetched?: LibraryPrefetch;
    },
  ): Promise<{ store: ArticleStore; created: boolean }> {
    const store = new ArticleStore(root, log, now);
    // Read while the library is listed: neither waits for the other.
    const cacheLoaded = only || metaCacheFile === undefined ? null : ArticleMetaCache.load(metaCacheFile, log, prefetched?.metaCacheBytes);
    const created = await store.ensureManifest(now);
    // A library made just now is given its sample articles, which is a write to the whole store.
    const scope = created ? undefined : only;
    await mkdir(store.paths.articlesDir, { recursive: true });
    await mkdir(store.paths.trashDir, { recursive: true });
    // One listing of articles/ serves the tidying and the reading (10,000 names take ~20 ms to list);
    // a store opened for one article that does not tidy needs none.
    let listing = scope && !tidy ? null : await listFolder(store.paths.articlesDir);
    let stampsStillTrue = true;
    if (tidy) {
      const names = listing?.map((entry) => entry.name);
      const restored = await recoverSwaps(store.paths.articlesDir, names);
      for (const id of restored) log(`Article ${id}: an interrupted change was undone.`);
      await store.removeStagingLeftovers(names);
      if (restored.length > 0 && listing) listing = await listFolder(store.paths.articlesDir);
      // An undone change put other article.json files where the prefetch saw some.
      stampsStillTrue = restored.length === 0;
    }
    if (scope) await store.loadOnly(scope);
    else await store.loadAll(await cacheLoaded, listing ?? [], stampsStillTrue ? ((await prefetched?.stamps) ?? null) : null);
    return { store, created };
  }

  get root(): string {
    return this.paths.root;
  }

  list(): ArticleMeta[] {
    this.mustHold(null);
    return [...this.byId.values()].sort(newestFirst);
  }

  get(id: string): ArticleMeta | undefined {
    this.mustHold(id);
    return this.byId.get(id);
  }

  /** A store opened for some articles answers only for those: any other answer would be wrong, not slow. */
  private mustHold(id: string | null): void {
    if (this.scope === null || (id !== null && this.scope.has(id))) return;
    throw new Error(`This library was opened for ${[...this.scope].join(', ')} only; ${id === null ? 'the whole library' : `article ${id}`} cannot be answered.`);
  }

  /**
   * Ids of the articles read most recently, for search's tie-breaker: sorted again only after an
   * article changed, not for every query (each keystroke of a search box).
   */
  recentlyRead(): readonly string[] {
    this.mustHold(null);
    return (this.recentReading ??= recentlyRead(this.byId.values()));
  }

  /** The article, or the user-facing "not in the library" error. */
  require(id: string): ArticleMeta {
    const meta = isValidId(id) ? this.get(id) : undefined;
    if (!meta) throw articleNotFound();
    return meta;
  }

  findByContentHash(contentHash: string): ArticleMeta | undefined {
    this.mustHold(null);
    const id = this.byHash.get(contentHash);
    return id === undefined ? undefined : this.byId.get(id);
  }

  articleDir(id: string): string {
    return this.paths.articleDir(id);
  }

  /**
   * Writes the article into `articles/.tmp-<id>` and renames that folder into place, so a failure
   * at any point (full disk, crash) leaves no half article behind. Each file is synced before the
   * rename; inside the staging folder none needs a temp file of its own (`writeNewFile`).
   */
  async add(article: NewArticle): Promise<void> {
    const { meta } = article;
    const staging = this.paths.stagingDir(meta.id);
    const files = articleFiles(staging);
    try {
      // What a crash left of an earlier write under this id is no part of this one.
      await rm(staging, { recursive: true, force: true });
      await mkdir(files.annotationsDir, { recursive: true });
      await writeContentFiles(files, article, writeNewFile);
      if (article.original) {
        await writeNewFile(files.original(article.original.ext), bytesAsBuffer(article.original.bytes));
      }
      if (article.assets && article.assets.length > 0) {
        await mkdir(files.assetsDir);
        // An asset's name is its bytes' hash: one listed twice is the same file, written once.
        const written = new Set<string>();
        for (const asset of article.assets) {
          if (!ASSET_PATH.test(asset.path)) throw new Error(`refusing to write an asset at ${JSON.stringify(asset.path)}`);
          if (written.has(asset.path)) continue;
          written.add(asset.path);
          await writeNewFile(path.join(staging, asset.path), bytesAsBuffer(asset.bytes));
        }
      }
      // article.json last: a folder with article.json is a complete article.
      await writeNewFile(files.meta, jsonFileText(meta));
      await rename(staging, this.paths.articleDir(meta.id));
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
    this.remember(meta);
  }

  /**
   * Gives an article the original it lacks (a PDF imported again after its folder lost
   * `original.pdf`: the page view needs it); never replaces one. True when it was written.
   */
  async keepMissingOriginal(id: string, original: { ext: string; bytes: Uint8Array }): Promise<boolean> {
    this.require(id);
    const dir = this.paths.articleDir(id);
    const file = articleFiles(dir).original(original.ext);
    // The usual case (the original is there) needs no lock: nothing is written.
    if (existsSync(file)) return false;
    return withArticleLock(this.root, id, async () => {
      if (existsSync(file) || !existsSync(articleMetaFile(dir))) return false;
      this.ownWrites.mark(dir);
      await writeFileAtomic(file, bytesAsBuffer(original.bytes));
      return true;
    });
  }

  /**
   * Gives an article without a cover the picture `bytes` as `assets/<name>` and names it as its
   * cover, under the article's lock; an article that has a cover by then (another window drew
   * it first, or a new text brought one) keeps it and the picture is not written.
   */
  async giveCover(id: string, name: string, bytes: Uint8Array): Promise<ArticleMeta> {
    this.require(id);
    const cover = `assets/${name}`;
    if (!ASSET_PATH.test(cover)) throw new Error(`refusing to write an asset at ${JSON.stringify(cover)}`);
    return withArticleLock(this.root, id, async () => {
      const dir = this.paths.articleDir(id);
      const onDisk = await this.readMeta(dir, id).catch((error: unknown) => {
        throw error instanceof QuireError && error.code === 'not-found' ? this.gone(id) : error;
      });
      if (onDisk.cover) {
        this.remember(onDisk);
        return onDisk;
      }
      this.ownWrites.mark(dir);
      await mkdir(articleFiles(dir).assetsDir, { recursive: true });
      await writeFileAtomic(path.join(dir, cover), Buffer.from(bytes));
      return this.updateLocked(id, (meta) => (meta.cover ? null : { ...meta, cover }));
    });
  }

  /**
   * New files for an article already here, all or none: `build` writes the whole new folder into
   * `articles/.tmp-<id>` (from `live`, the current one, whatever it keeps), article.json is
   * written last, and the folder is swapped in by renames. A failure at any point leaves the
   * article exactly as it was.
   */
  async replace(
    id: string,
    metaFor: (onDisk: ArticleMeta) => ArticleMeta,
    build: (staging: string, live: string) => Promise<void>,
  ): Promise<ArticleMeta> {
    this.require(id);
    const staging = this.paths.stagingDir(id);
    await rm(staging, { recursive: true, force: true });
    let meta: ArticleMeta;
    try {
      await build(staging, this.paths.articleDir(id));
      // What the article keeps (tags, reading state) is read from disk last, under its lock, as `update` does.
      meta = await withArticleLock(this.root, id, async () => {
        const onDisk = await this.readMeta(this.paths.articleDir(id), id);
        const merged = { ...stampChangedFields(onDisk, metaFor(onDisk), this.now()), id };
        await writeJsonAtomic(articleFiles(staging).meta, merged);
        this.ownWrites.mark(this.paths.articleDir(id));
        await swapFolder(staging, this.paths.articleDir(id), this.paths.replacedDir(id));
        return merged;
      });
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      if (error instanceof QuireError && error.code === 'not-found') throw this.gone(id);
      throw error;
    }
    this.remember(meta);
    return meta;
  }

  /**
   * Changes article.json (progress, reading state, tags, metadata edits) as it is on disk now, not
   * as this process last saw it: another Quire on the same library (the app, `quire serve`, the
   * command line) may have changed other fields since, and a rewrite from memory would undo them.
   * `change` gets the file's current content, read just before the atomic write, and returns the
   * new one (or null: nothing to write). The in-memory copy follows what is on disk.
   */
  async update(id: string, change: (onDisk: ArticleMeta) => ArticleMeta | null): Promise<ArticleMeta> {
    this.require(id);
    return withArticleLock(this.root, id, () => this.updateLocked(id, change));
  }

  private async updateLocked(id: string, change: (onDisk: ArticleMeta) => ArticleMeta | null): Promise<ArticleMeta> {
    const dir = this.paths.articleDir(id);
    let onDisk: ArticleMeta;
    try {
      onDisk = await this.readMeta(dir, id);
    } catch (error) {
      if (error instanceof QuireError && error.code === 'not-found') throw this.gone(id);
      throw error;
    }
    const changed = change(onDisk);
    if (changed === null) {
      this.remember(onDisk);
      return onDisk;
    }
    const updated = stampChangedFields(onDisk, changed, this.now());
    try {
      await writeJsonAtomic(articleFiles(dir).meta, { ...updated, id });
    } catch (error) {
      if (isNotFound(error)) throw this.gone(id);
      throw error;
    }
    this.remember(updated);
    return updated;
  }

  /**
   * Takes in what another process (or a sync tool, or a hand edit) did to the article's folder:
   * article.json read again, or the article forgotten when its folder is gone. 'incomplete' when
   * the folder is there without a readable article.json (being written or synced): what this
   * process knows stays until the file is whole.
   */
  async reload(id: string): Promise<'changed' | 'same' | 'incomplete'> {
    const dir = this.paths.articleDir(id);
    const known = this.byId.get(id);
    let onDisk: ArticleMeta;
    try {
      onDisk = await this.readMeta(dir, id);
    } catch (error) {
      // A known article whose article.json is gone has left (only a synchronizer's leftovers may remain:
      // a bookmark written elsewhere while it was moved to the trash); a new folder may still be arriving.
      if (!(error instanceof QuireError && error.code === 'not-found') || (!known && existsSync(dir))) return 'incomplete';
      if (!known) return 'same';
      this.forget(known);
      return 'changed';
    }
    // A new article a synchronizer is still writing appears once its text has landed too.
    if (!known && (await isArriving(dir, ARRIVING_MS))) return 'incomplete';
    // Compared as JSON, the form both copies have on disk (an absent field and an undefined one are the same).
    if (known && isDeepStrictEqual(JSON.parse(JSON.stringify(known)), onDisk)) return 'same';
    this.remember(onDisk);
    return 'changed';
  }

  /** Forgets an article whose folder another process took away; the error to report. */
  gone(id: string): QuireError {
    const meta = this.byId.get(id);
    if (meta) this.forget(meta);
    return articleGone();
  }

  async readText(id: string): Promise<string> {
    this.require(id);
    return readArticleFile(articleFiles(this.paths.articleDir(id)).text);
  }

  /**
   * The article for the reader: a long book as its text and chapters (content-files.ts), anything
   * else whole; `textApart`: a long book's text left for the reader to read as text.txt.
   */
  async readContent(id: string, { textApart = false }: ContentOptions = {}): Promise<ArticleContent> {
    const { position } = this.require(id);
    const files = articleFiles(this.paths.articleDir(id));
    return readArticleContent(id, files, {
      position,
      textApart,
      indexes: this.chapterIndexes,
      readText: () => readArticleFile(files.text),
      readWhole: () => readArticleFile(files.content),
    });
  }

  /** One chapter's HTML of a book read in chapters, by its place in the book's chapter index. */
  async readChapter(id: string, chapter: number): Promise<{ chapter: number; html: string }> {
    this.require(id);
    const files = articleFiles(this.paths.articleDir(id));
    const stored = (await this.chapterIndexes.of(files, () => readArticleFile(files.text))).index?.chapters[chapter];
    if (!stored) throw sentenceError('not-found', say('core.error.chapterNotFound'));
    return { chapter, html: await readChapterHtml(files, stored) };
  }

  /**
   * Moves the article's folder to `trash/<id>`; a trashed article is not listed. Under the
   * article's lock, and only when its article.json is there: another process may have moved it
   * first (this one not told yet), and then the trashed copy is its, not an older one to replace.
   */
  async moveToTrash(id: string): Promise<void> {
    this.require(id);
    await withArticleLock(this.root, id, async () => {
      const live = this.paths.articleDir(id);
      if (!(await isFile(articleFiles(live).meta))) throw this.gone(id);
      const target = this.paths.trashedDir(id);
      // An older trashed copy of the same id can only be the same article: the newer one wins.
      await rm(target, { recursive: true, force: true });
      this.markMove(id);
      await rename(live, target);
    });
    const meta = this.byId.get(id);
    if (meta) this.forget(meta);
  }

  /** Brings a trashed article back, under its lock (another process may be restoring, deleting or emptying the trash). */
  async restore(id: string): Promise<ArticleMeta> {
    if (!isValidId(id)) throw notInTrash();
    return withArticleLock(this.root, id, async () => {
      const trashed = this.paths.trashedDir(id);
      const meta = await this.readMeta(trashed, id).catch((error: unknown) => {
        if (error instanceof QuireError && error.code === 'not-found') throw notInTrash();
        throw error;
      });
      const live = this.paths.articleDir(id);
      if (await isFile(articleFiles(live).meta)) {
        throw sentenceError('io', say('core.error.sameId'));
      }
      // Whatever this process remembers of the article, the disk says another one moved it away.
      const stale = this.byId.get(id);
      if (stale) this.forget(stale);
      if (existsSync(live)) {
        // Left by a write into the article while it was being deleted (an older Quire, or by hand).
        throw sentenceError('io', say('core.error.restoreBlocked', { id }));
      }
      this.markMove(id);
      await rename(trashed, live);
      this.remember(meta);
      return meta;
    });
  }

  /**
   * Deletes every trashed article for good. Each folder is first renamed out of `trash/` (one
   * atomic step), so a crash midway never leaves a half-deleted article that still lists.
   */
  async emptyTrash(): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.paths.trashDir);
    } catch (error) {
      if (isNotFound(error)) return 0;
      throw error;
    }
    let removed = 0;
    for (const id of names.filter(isValidId)) {
      const doomed = path.join(this.paths.trashDir, `${STAGING_PREFIX}${id}`);
      // Under the article's lock: another process may be restoring it right now.
      const taken = await withArticleLock(this.root, id, async () => {
        this.ownWrites.mark(this.paths.trashedDir(id));
        try {
          await rename(this.paths.trashedDir(id), doomed);
          return true;
        } catch (error) {
          if (isNotFound(error)) return false; // restored (or emptied) by another process meanwhile
          throw error;
        }
      });
      if (!taken) continue;
      await rm(doomed, { recursive: true, force: true });
      removed += 1;
    }
    // Leftovers of an earlier crash mid-delete.
    for (const name of names.filter((n) => n.startsWith(STAGING_PREFIX))) {
      await rm(path.join(this.paths.trashDir, name), { recursive: true, force: true });
    }
    return removed;
  }

  async listTrash(): Promise<ArticleMeta[]> {
    const metas = await this.readMetasIn(this.paths.trashDir, (id) => this.paths.trashedDir(id));
    return metas.sort(newestFirst);
  }

  private async ensureManifest(now: () => string): Promise<boolean> {
    await mkdir(this.root, { recursive: true });
    let manifest: LibraryManifest;
    try {
      manifest = await readJsonFile(this.paths.manifest, libraryManifestSchema);
    } catch (error) {
      if (error instanceof QuireError && error.code === 'io' && existsSync(this.paths.manifest)) {
        const kept = await replaceBrokenManifest(this.paths.manifest, now());
        this.log(`${LIBRARY_MANIFEST} could not be read; a new one was written and the broken file kept as ${kept}`);
        return false;
      }
      if (!(error instanceof QuireError && error.code === 'not-found')) throw error;
      const fresh: LibraryManifest = { formatVersion: LIBRARY_FORMAT_VERSION, createdAt: now() };
      await writeJsonAtomic(this.paths.manifest, fresh);
      return true;
    }
    if (manifest.formatVersion > LIBRARY_FORMAT_VERSION) {
      throw sentenceError('io', say('core.error.newerLibrary', { version: manifest.formatVersion }));
    }
    return false;
  }

  /** Staging folders left by a crash mid-import are incomplete articles: drop them (`names`: articles/ as just listed). */
  private async removeStagingLeftovers(names?: readonly string[]): Promise<void> {
    await Promise.all(
      (names ?? (await readdir(this.paths.articlesDir)))
        .filter((name) => name.startsWith(STAGING_PREFIX))
        .map((name) => rm(path.join(this.paths.articlesDir, name), { recursive: true, force: true })),
    );
  }

  /**
   * article.json's stamp (size, times, inode) when the article was read at open, while what this
   * store holds of it is still what was read then; undefined otherwise, or without a cache.
   */
  stampAtOpen(id: string): FileStamp | undefined {
    const meta = this.byId.get(id);
    return meta === undefined ? undefined : this.metaCache?.stampOf(meta);
  }

  /**
   * The stamps read ahead of this store's open (library-prefetch.ts), once: the fingerprinting of
   * the library right after the open takes those of the annotation folders. Null after that, or
   * when the open used none; a later fingerprinting takes its own.
   */
  takeStampsReadAhead(): PrefetchedStamps | null {
    const taken = this.stampsReadAhead;
    this.stampsReadAhead = null;
    return taken;
  }

  /** Every article `listing` (articles/ as just listed) names. */
  private async loadAll(cache: ArticleMetaCache | null, listing: readonly Dirent[], prefetched: PrefetchedStamps | null): Promise<void> {
    this.metaCache = cache;
    this.stampsReadAhead = prefetched;
    const metas = await this.readMetas(this.paths.articlesDir, articleIdsIn(listing), (id) => this.paths.articleDir(id), cache, prefetched);
    for (const meta of metas) this.remember(meta);
    await cache?.save(this.log);
    cache?.releaseStored();
  }

  /** Only the named articles: those whose folder is there, read as `loadAll` reads every folder. */
  private async loadOnly(ids: readonly string[]): Promise<void> {
    this.scope = new Set(ids);
    const there = ids.filter((id) => isValidId(id) && isFolder(this.paths.articleDir(id)));
    for (const meta of await this.readMetas(this.paths.articlesDir, there, (id) => this.paths.articleDir(id))) this.remember(meta);
  }

  /**
   * Reads `<dir>/<id>/article.json` of every article folder in `dir`, skipping broken ones; through
   * `cache`, only those that changed since it was written.
   */
  private async readMetasIn(dir: string, folderOf: (id: string) => string, cache: ArticleMetaCache | null = null): Promise<ArticleMeta[]> {
    return this.readMetas(dir, articleIdsIn(await listFolder(dir)), folderOf, cache);
  }

  /** `<dir>/<id>/article.json` of these article folders of `dir` (see `readMetasIn`). */
  private async readMetas(
    dir: string,
    ids: readonly string[],
    folderOf: (id: string) => string,
    cache: ArticleMetaCache | null = null,
    prefetched: PrefetchedStamps | null = null,
  ): Promise<ArticleMeta[]> {
    const metas: ArticleMeta[] = [];
    // What the cache holds as it is on disk is not read again; the rest is, in batches.
    const toRead = cache ? ids.filter((id) => !cache.takeUnchanged(id, articleMetaFileIn(dir, id), metas, prefetched?.stampOf(id))) : ids;
    for (let i = 0; i < toRead.length; i += READ_BATCH) {
      const batch = toRead.slice(i, i + READ_BATCH);
      const read = await Promise.all(
        batch.map((id) =>
          (cache
            ? cache.readThrough(id, articleMetaFile(folderOf(id)), () => this.readComplete(folderOf(id), id))
            : this.readComplete(folderOf(id), id)
          ).catch((error: unknown) => {
            // One unreadable article must not hide the rest of the library.
            this.log(`Skipping article ${id}: ${error instanceof Error ? error.message : String(error)}`);
            return null;
          }),
        ),
      );
      for (const meta of read) if (meta) metas.push(meta);
    }
    return metas;
  }

  /** The article's metadata; null for a folder a synchronizer is still writing (sync/arriving.ts), listed once whole. */
  private async readComplete(folder: string, id: string): Promise<ArticleMeta | null> {
    const meta = await this.readMeta(folder, id);
    if (!(await isArriving(folder, ARRIVING_MS))) return meta;
    this.log(`Article ${id} is still arriving (its folder is incomplete and was written to a moment ago); it is listed once whole.`);
    return null;
  }

  private readMeta(folder: string, id: string): Promise<ArticleMeta> {
    return readArticleMeta(folder, id);
  }

  /** Both ends of a move between `articles/` and `trash/`. */
  private markMove(id: string): void {
    this.ownWrites.mark(this.paths.articleDir(id));
    this.ownWrites.mark(this.paths.trashedDir(id));
  }

  private remember(meta: ArticleMeta): void {
    const previous = this.byId.get(meta.id);
    if (previous && this.byHash.get(previous.contentHash) === meta.id) this.byHash.delete(previous.contentHash);
    this.byId.set(meta.id, meta);
    this.recentReading = null;
    if (!this.byHash.has(meta.contentHash)) this.byHash.set(meta.contentHash, meta.id);
  }

  private forget(meta: ArticleMeta): void {
    this.byId.delete(meta.id);
    this.recentReading = null;
    if (this.byHash.get(meta.contentHash) !== meta.id) return;
    this.byHash.delete(meta.contentHash);
    // Another copy with the same text (restored from the trash) takes over duplicate detection.
    for (const other of this.byId.values()) {
      if (other.contentHash === meta.contentHash) {
        this.byHash.set(other.contentHash, other.id);
        break;
      }
    }
  }
}

/** The library is plain files: one may have been deleted or moved by hand, or by a sync tool. */
async function readArticleFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (isNotFound(error)) {
      if (!existsSync(path.dirname(file))) throw articleGone();
      throw sentenceError('io', say('core.error.articleFileMissing', { file: path.basename(file) }));
    }
    throw error;
  }
}

/** The folder's entries; none when it is not there. */
async function listFolder(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}

/** The article folders among a listing (an id's folder, not a link or a staging folder). */
const articleIdsIn = (entries: readonly Dirent[]): string[] => entries.filter((e) => e.isDirectory() && isValidId(e.name)).map((e) => e.name);

/** Whether `dir` is a folder, as a listing of its parent sees it (a link to a folder is no article's). */
const isFolder = (dir: string): boolean => lstatSync(dir, { throwIfNoEntry: false })?.isDirectory() === true;

/** Whether `file` is there and a file (a missing one is no error). */
export const isFile = async (file: string): Promise<boolean> => {
  try {
    return (await stat(file)).isFile();
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
};

const notInTrash = (): QuireError => sentenceError('not-found', say('core.error.notInTrash'));

/**
 * The core's entry point for every host: opens (or creates) a library folder and returns the
 * `ReaderService` over it.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ReaderEventSource, ReaderMethod, ReaderService } from '../shared/contract';
import type { LibraryHealth } from '../shared/library-health';
import type { ArticleMeta, ArticleQuery, SearchResults } from '../shared/models';
import { say } from '../shared/i18n/core-sentences';
import { sentenceError } from '../shared/i18n/english-sentence';
import { AnnotationStore } from './annotations/annotation-store';
import { BackupSchedule } from './backup/backup-schedule';
import { LibraryArchives } from './backup/library-archives';
import { EventHub } from './events';
import type { SpawnImportHost } from './import-jobs/import-host-protocol';
import { createImportPool, type ImportPool } from './import-jobs/import-pool';
import { IndexChangesForLater } from './indexing/index-changes-for-later';
import { IndexSync, type LibraryIndex } from './indexing/index-sync';
import { keepInStepRecord } from './indexing/in-step-record';
import { libraryIndexSource, type LibraryIndexSource } from './indexing/library-index-source';
import { ArticleStore } from './library/article-store';
import { LIBRARY_META_CACHE } from './library/library-layout';
import type { LibraryPrefetch } from './library/library-prefetch';
import { ANNOTATION_FOLDER_CACHE } from './annotations/annotation-folder-cache';
import { holdLibraryLock, isLibraryLocked, withArticleLock, type HeldLock } from './library/library-locks';
import { serveForwardedWrites, type ForwardingServer } from './library/write-forwarding';
import { articlesChangedBy } from './library/forwarded-changes';
import { createClock } from './library/ids';
import { watchLibrary, type LibraryWatcher, type TouchedArticles } from './library/library-watcher';
import { StartupCheck } from './library/check/startup-check';
import { settleConflictCopies } from './library/sync/settle-conflicts';
import { writeSyncIgnores } from './library/sync/sync-ignores';
import { readPreparedSamples } from './library/prepared-samples';
import { importSampleLibrary } from './library/sample-library';
import { readSettings } from './settings/settings';
import { resolveInterfaceLocale } from '../shared/i18n/locales';
import { type Log, stderrLog } from './log';
import { LibraryService } from './reader-service';
import { stopYoungGenerationGrowth } from './young-generation';
import type { SearchIndex, SearchIndexOptions } from './search/search-index';
import type { KeyValueStore } from './settings/key-value-store';

export interface OpenQuireOptions {
  /** the library folder (created with the sample articles if it does not exist) */
  libraryDir: string;
  /** where caches live (the search index); not inside the library */
  cacheDir: string;
  settings: KeyValueStore;
  /** folder of documents imported into a brand-new library (resources/sample-library) */
  sampleLibraryDir?: string;
  /** those documents read at build (out/sample-library.json, prepared-samples.ts): a new library needs no importer */
  preparedSamplesFile?: string;
  /**
   * the operating system's languages, best first, for a `language` setting of `system` (main:
   * `app.getLocale()` and the preferred languages); default: this process's locale. Chooses the
   * sample library's translations.
   */
  systemLanguages?: readonly string[];
  /** where unexpected errors go (a logger); defaults to stderr */
  log?: (message: string, error?: unknown) => void;
  /** makes the search index; defaults to the Lunr worker (tests pass an in-memory fake) */
  createIndex?: (options: SearchIndexOptions) => SearchIndex;
  /** the largest file an import accepts (default 200 MB) */
  maxImportBytes?: number;
  /** how the import host process starts (import-pool.ts): Node's child_process unless the app gives Electron's utilityProcess */
  spawnImportHost?: SpawnImportHost;
  /**
   * Open the search index when first needed rather than at once (one-shot CLI commands: listing
   * or showing an article never loads it); hosts that stay open (the app, `quire serve`) leave it
   * off, so the first search finds the index ready.
   */
  indexOnDemand?: boolean;
  /**
   * Start the import host and one of its workers at once, while the library opens (`quire
   * import`): their start, about a second, otherwise began only after the open, with the first file.
   */
  warmImports?: boolean;
  /**
   * Keep the index's in-step record when closing (indexing/in-step-record.ts; default true): the
   * app and `quire serve`, a `quire search` that opened the library, and the one-shot commands
   * that open the index whole (`quire import`…). `quire list` leaves it (it never opens the index,
   * and writing the record reads the index's manifest); a library opened for some articles lists
   * its changes in the record instead (`onlyArticles`).
   */
  keepInStepRecord?: boolean;
  /**
   * Run the library check in the background at open and make daily backups while open (the
   * desktop app and browser mode; one-shot CLI commands leave it off).
   */
  maintenance?: boolean;
  /**
   * A one-shot command about these articles alone (`quire show ID`, `quire tag ID`): only their
   * metadata is read, not every article's (article-store.ts's `only`), and asking for the list of
   * the library is an error. So nothing that lists the library may run: no maintenance, the index
   * on demand only, no in-step record. The index is never started: the articles changed are listed
   * in its in-step record for the next search to index (indexing/index-changes-for-later.ts).
   */
  onlyArticles?: readonly string[];
  /**
   * The library's metadata read a moment before the open (library-prefetch.ts; one-shot commands,
   * cli/early-prefetch.ts): the host sees the library as it was a moment earlier.
   */
  prefetched?: LibraryPrefetch;
}

export interface QuireCore extends ReaderService {
  readonly libraryDir: string;
  /** import progress and summaries; every host carries them to its UI */
  readonly events: ReaderEventSource;
  /** Resolves when the search index holds every change made so far (the CLI waits for it). */
  whenIndexed(): Promise<void>;
  /** backups, whole-library export and import (quire backup, export-library, import-library) */
  readonly archives: LibraryArchives;
  /** Resolves when the check at open (if any) has finished; `libraryHealth` then has its findings. */
  whenChecked(): Promise<void>;
  /** How many articles the search index re-indexed at open because it disagreed with the files. */
  reindexedAtOpen(): Promise<number | null>;
  /** Re-indexes these articles from their files (after a repair changed them behind the index's back). */
  reindexArticles(articleIds: readonly string[]): void;
  /** Resolves when changes by other processes are noticed (maintenance cores watch the library folder; others resolve at once). */
  whenWatching(): Promise<void>;
  /** Flushes the index and stops the search worker. */
  close(): Promise<void>;
}

/**
 * How long after the library is watched the check at start waits for the first list of the library
 * to be answered before it starts anyway (a host whose page never asks, a `quire serve` used only
 * through the API). Counted from then because `quire serve` prints its address only once the
 * library is watched (seconds on 10,000 articles): no page can ask before.
 */
const CHECK_WAITS_FOR_FIRST_LIST_MS = 3000;

class Quire extends LibraryService implements QuireCore {
  readonly archives: LibraryArchives;
  private startupCheck: StartupCheck | null = null;
  /** lets the check at start begin (the first list was answered, the wait is over, or the library closes) */
  private letCheckStart: () => void = () => undefined;
  private backups: BackupSchedule | null = null;
  private libraryLock: HeldLock | null = null;
  private forwarding: ForwardingServer | null = null;
  private watcher: LibraryWatcher | null = null;

  constructor(
    readonly libraryDir: string,
    readonly events: ReaderEventSource,
    private readonly index: LibraryIndex,
    private readonly serviceParts: ConstructorParameters<typeof LibraryService>[0],
    /** the library's cache folder and what fingerprinted the library for the index (in-step-record.ts) */
    private readonly inStep: { cacheDir: string; source: LibraryIndexSource; keep: boolean },
  ) {
    super(serviceParts);
    this.archives = new LibraryArchives({ ...serviceParts, refresh: (id) => index.refresh(id), exclusive: (task) => this.exclusive(task) });
  }

  /**
   * Starts the background check and the backup schedule; neither delays opening. The check (a
   * listing of every article folder, on this thread) waits until the first list of the library has
   * been answered: on 10,000 articles it ran while the app asked for its first screen and made that
   * answer seconds late.
   */
  startMaintenance(created: boolean): void {
    const { store, log, clock, settings } = this.serviceParts;
    const mayStart = new Promise<void>((resolve) => {
      this.letCheckStart = resolve;
    });
    this.startupCheck = new StartupCheck({
      startAfter: mayStart,
      root: this.libraryDir,
      log,
      clock,
      exclusive: (task) => this.exclusive(task),
      isLoaded: (id) => store.get(id) !== undefined,
      reindexedAtOpen: () => this.index.reindexedAtOpen(),
      reindex: (ids) => this.takeInRepaired(ids),
      brokenSettings: settings.brokenCopy ?? null,
      created,
    });
    this.backups = new BackupSchedule({ root: this.libraryDir, log, now: Date.now, backup: () => this.archives.backupNow() });
    this.backups.start(this.startupCheck.done);
    this.watcher = watchLibrary(store.paths, (touched) => this.takeInOutsideChanges(touched), log);
    void this.watcher.ready.then(() => setTimeout(this.letCheckStart, CHECK_WAITS_FOR_FIRST_LIST_MS).unref());
  }

  /** Articles a repair changed: re-indexed, and read again (a merged conflict copy changes article.json too). */
  private async takeInRepaired(articleIds: readonly string[]): Promise<void> {
    const { store, events, log } = this.serviceParts;
    this.reindexArticles(articleIds);
    try {
      const changed = await this.exclusive(async () => {
        const ids: string[] = [];
        for (const id of articleIds) if ((await store.reload(id)) === 'changed') ids.push(id);
        return ids;
      });
      if (changed.length > 0) events.emit('library-changed', { articleIds: changed });
    } catch (error) {
      log('Repaired articles could not be read again', error);
    }
  }

  whenWatching(): Promise<void> {
    return this.watcher?.ready ?? Promise.resolve();
  }

  /**
   * What another process did to the library folder: article.json files are compared with memory
   * (so this process's own writes, already in memory, change nothing); other files count unless
   * this process wrote into that article a moment ago. Under the change queue, so that no write
   * of this process is half done while its folder is read.
   */
  private async takeInOutsideChanges(touched: TouchedArticles): Promise<void> {
    const { store, events } = this.serviceParts;
    const changed = await this.exclusive(async () => {
      const ids: string[] = [];
      for (const [id, { otherFiles, conflictCopies }] of touched) {
        // A synchronizer's conflict copies are merged first, so what is read next is the merged article.
        const merged = conflictCopies ? await settleConflictCopies(store.paths, id, this.serviceParts.clock, this.serviceParts.log) : 0;
        const meta = await store.reload(id);
        const othersWrote = merged > 0 || [...otherFiles].some((file) => !store.ownWrites.covers(file));
        if (meta === 'changed' || (meta === 'same' && othersWrote)) ids.push(id);
      }
      return ids;
    });
    if (changed.length === 0) return;
    this.reindexArticles(changed);
    events.emit('library-changed', { articleIds: changed });
  }

  override async listArticles(query?: ArticleQuery): Promise<ArticleMeta[]> {
    const articles = await super.listArticles(query);
    // After this turn of the event loop, once the answer has gone out.
    setImmediate(this.letCheckStart);
    return articles;
  }

  override async libraryHealth(): Promise<LibraryHealth> {
    return this.startupCheck?.health() ?? super.libraryHealth();
  }

  async whenChecked(): Promise<void> {
    await this.startupCheck?.done;
  }

  whenIndexed(): Promise<void> {
    return this.index.whenIndexed();
  }

  reindexedAtOpen(): Promise<number | null> {
    return this.index.reindexedAtOpen();
  }

  reindexArticles(articleIds: readonly string[]): void {
    for (const id of articleIds) this.index.refresh(id);
  }

  async close(): Promise<void> {
    // A check still waiting for its turn runs now: closing leaves the library checked, as before.
    this.letCheckStart();
    await this.whenChecked();
    await this.watcher?.close();
    await this.backups?.close();
    await this.closeImports();
    await this.index.close();
    if (this.inStep.keep) await this.keepInStepRecord();
    await this.forwarding?.close();
    await this.libraryLock?.release();
  }

  /** What lets the next `quire search` answer without reading the library (in-step-search.ts), when the index held everything as it closed. */
  private async keepInStepRecord(): Promise<void> {
    const { store, log } = this.serviceParts;
    await keepInStepRecord({
      cacheDir: this.inStep.cacheDir,
      articles: store.list(),
      held: this.index.heldFingerprints(),
      stampAtOpen: (id) => store.stampAtOpen(id),
      annotationFolderAtOpen: (id) => this.inStep.source.annotationFolderAtOpen(id),
      log,
    });
  }

  /** The library lock this process holds while open (library-locks.ts) and the socket the command line writes through. */
  releaseOnClose(lock: HeldLock, forwarding: ForwardingServer | null): void {
    this.libraryLock = lock;
    this.forwarding = forwarding;
  }
}

export async function openQuire(options: OpenQuireOptions): Promise<QuireCore> {
  const log: Log = options.log ?? stderrLog;
  stopYoungGenerationGrowth();
  if (options.onlyArticles && (options.maintenance || options.indexOnDemand !== true || options.keepInStepRecord !== false)) {
    throw new Error('A library opened for some articles only cannot run maintenance, open its index at once or keep its in-step record: each lists the whole library.');
  }
  const clock = createClock();
  const libraryDir = path.resolve(options.libraryDir);
  await mkdir(libraryDir, { recursive: true });
  // The app and `quire serve` (maintenance) hold the library lock while open. Whoever finds it held
  // by another process leaves the tidying at open (staging folders, interrupted replacements) to
  // that process: those may be its writes in progress.
  const libraryLock = options.maintenance ? await holdLibraryLock(libraryDir, log) : null;
  const heldElsewhere = libraryLock === null && (await isLibraryLocked(libraryDir));
  if (options.maintenance && heldElsewhere) log('Another Quire (the app or quire serve) has this library open; both write to it, each change merged into what is on disk.');
  const createIndex = (): Promise<SearchIndex> => createIndexSafely(options, { indexDir: path.join(options.cacheDir, 'index'), libraryDir }, log);
  // An index wanted at once is started now: its worker reads the index from disk while this
  // thread reads the library (a cold `quire search` otherwise waits for one, then the other).
  // Awaited (its module is loaded by then, as a rule) so that the worker is started before the
  // library is read: the import's continuation would otherwise wait behind the open's first long
  // synchronous step (the metadata cache's parse), and the worker's start with it (~180 ms).
  const indexStarted = options.indexOnDemand === true ? null : Promise.resolve(await createIndex());
  const pool = createImportPool({ log, ...(options.spawnImportHost ? { spawnHost: options.spawnImportHost } : {}) });
  if (options.warmImports) pool.warm();
  try {
    return await openWithIndex(options, { log, clock, libraryDir, libraryLock, heldElsewhere, pool }, indexStarted ? () => indexStarted : createIndex);
  } catch (error) {
    // Nothing will search this library or import into it: the index's worker and the import host stop.
    void indexStarted?.then((index) => index.close()).catch(() => undefined);
    void pool.close().catch(() => undefined);
    throw error;
  }
}

async function openWithIndex(
  options: OpenQuireOptions,
  { log, clock, libraryDir, libraryLock, heldElsewhere, pool }: { log: Log; clock: ReturnType<typeof createClock>; libraryDir: string; libraryLock: HeldLock | null; heldElsewhere: boolean; pool: ImportPool },
  createIndex: () => Promise<SearchIndex>,
): Promise<QuireCore> {
  const { store, created } = await ArticleStore.open(libraryDir, {
    log,
    now: clock,
    tidy: !heldElsewhere,
    metaCacheFile: path.join(options.cacheDir, LIBRARY_META_CACHE),
    ...(options.onlyArticles ? { only: options.onlyArticles } : {}),
    ...(options.prefetched ? { prefetched: options.prefetched } : {}),
  });
  await writeSyncIgnores(libraryDir, log);
  if (created && options.sampleLibraryDir) {
    const systemLanguages = options.systemLanguages ?? [Intl.DateTimeFormat().resolvedOptions().locale];
    const locale = resolveInterfaceLocale(readSettings(options.settings).language, systemLanguages);
    const prepared = options.preparedSamplesFile ? await readPreparedSamples(options.preparedSamplesFile, log) : new Map();
    await importSampleLibrary(store, options.sampleLibraryDir, locale, { clock, log }, prepared);
  }
  const annotations = new AnnotationStore(
    (id) => store.articleDir(id),
    log,
    (file) => store.ownWrites.mark(file),
    (id, task) => withArticleLock(libraryDir, id, task),
  );
  const source = libraryIndexSource(store, annotations, {
    folderCacheFile: path.join(options.cacheDir, ANNOTATION_FOLDER_CACHE),
    // The fingerprinting right after the open takes them; later ones stamp the folders themselves.
    foldersReadAhead: async () => (await store.takeStampsReadAhead()?.annotationFolders) ?? null,
    log,
  });
  const index = options.onlyArticles
    ? new IndexChangesForLater(options.cacheDir, options.onlyArticles, (id) => store.articleDir(id), log)
    : new IndexSync(createIndex, source, log, { onDemand: options.indexOnDemand === true });
  const events = new EventHub(log);
  if (options.settings.brokenCopy) log(`The settings file could not be read; defaults are in use and the broken file was kept as ${options.settings.brokenCopy}`);
  const quire = new Quire(libraryDir, events, index, { store, annotations, settings: options.settings, index, clock, log, events, pool, maxImportBytes: options.maxImportBytes }, { cacheDir: options.cacheDir, source, keep: options.keepInStepRecord !== false });
  if (libraryLock) {
    // The holder is the library's one writer: the command line sends its changes here.
    const announce = (method: ReaderMethod, args: readonly unknown[], value: unknown): void => {
      const articleIds = articlesChangedBy(method, args, value);
      if (articleIds) events.emit('library-changed', { articleIds });
    };
    quire.releaseOnClose(libraryLock, await serveForwardedWrites(quire, libraryDir, log, announce));
  }
  if (options.maintenance) quire.startMaintenance(created);
  return quire;
}

/**
 * The sample articles of a fresh library. They are added last-named first, so that the list (newest
 * first) shows them in name order: the seed article, `01-…`, on top.
 */
/** The library must open even when search cannot: reading and writing do not depend on it. */
async function createIndexSafely(
  options: OpenQuireOptions,
  indexOptions: SearchIndexOptions,
  log: Log,
): Promise<SearchIndex> {
  try {
    // Loaded on demand: hosts and tests that bring their own index never load Lunr.
    const create = options.createIndex ?? (await import('./search/index')).createSearchIndex;
    return create(indexOptions);
  } catch (error) {
    log('The search index could not be created', error);
    return unavailableIndex(error);
  }
}

function unavailableIndex(cause: unknown): SearchIndex {
  const fail = async (): Promise<never> => {
    throw cause instanceof Error ? cause : sentenceError('internal', say('core.error.searchUnavailable'));
  };
  return {
    open: fail,
    replaceArticle: fail,
    replaceArticles: fail,
    removeArticle: fail,
    search: (): Promise<SearchResults> => fail(),
    flush: async () => {},
    close: async () => {},
  };
}

/**
 * Keeps the search index in step with the library. The index is a cache (docs/design.md §2): at
 * open it is reconciled with fingerprints of what is on disk and the stale articles are re-indexed
 * in the background; after that, every change marks its article for re-indexing.
 *
 * Work is keyed by article, not by operation: when an article's turn comes, whatever is on disk
 * *then* is indexed (or the entry removed if the article is gone). So changes can be coalesced
 * and batched freely, and the index can never end up older than the last change.
 */
import type { SearchOptions, SearchResults } from '../../shared/models';
import { say } from '../../shared/i18n/core-sentences';
import { sentenceError } from '../../shared/i18n/english-sentence';
import type { Log } from '../log';
import type { ArticleFingerprint, SearchContext, SearchDocument, SearchIndex } from '../search/search-index';

export interface IndexEntry {
  fingerprint: ArticleFingerprint;
  documents: SearchDocument[];
}

/** What the library tells the index. */
export interface IndexSource {
  fingerprints(): Promise<ArticleFingerprint[]>;
  /** The article's current entry, or null when it is no longer in the library. */
  entryFor(articleId: string): Promise<IndexEntry | null>;
}

/** Articles read and sent to the index per call: bounds memory during a full rebuild. */
const BATCH_SIZE = 100;

export interface IndexSyncOptions {
  /**
   * Open the index only when something needs it (a search, a change, `whenIndexed`), not at once.
   * A command that only reads the library (`quire list`, `quire show`) then never starts the
   * search worker, loads the index or fingerprints every article's annotations.
   */
  onDemand?: boolean;
}

/** What the library's core asks of its index (IndexSync; index-changes-for-later.ts for a library opened for some articles only). */
export interface LibraryIndex {
  /** Marks an article for re-indexing (added, changed, annotated, deleted or restored). */
  refresh(articleId: string): void;
  /** Resolves once every change made so far is in the index. */
  whenIndexed(): Promise<void>;
  /** How many articles opening re-indexed because the index disagreed with the files; null if it could not open. */
  reindexedAtOpen(): Promise<number | null>;
  search(query: string, options?: SearchOptions, context?: SearchContext): Promise<SearchResults>;
  /** What the index holds for each article once every change is in; null when not known. */
  heldFingerprints(): ReadonlyMap<string, string> | null;
  /** Writes what is pending and stops the index; calling it again waits for the same close. */
  close(): Promise<void>;
}

export class IndexSync implements LibraryIndex {
  private readonly pending = new Set<string>();
  private draining: Promise<void> | null = null;
  private opening: Promise<boolean> | null = null;
  /** the index, once `opened` made it */
  private index: SearchIndex | null = null;
  private readonly createIndex: () => Promise<SearchIndex>;
  /** articles the index found missing or stale when it opened (the start-up check reports it) */
  private staleAtOpen = 0;
  private closed = false;
  private closing: Promise<void> | null = null;
  /**
   * The fingerprint the index holds for each article, as far as this process knows it (from
   * `open`, then each re-index); an article whose re-index failed has none.
   */
  private readonly held = new Map<string, string>();
  /** a batch failed as a whole: what the index holds is not known */
  private batchFailed = false;

  constructor(
    index: SearchIndex | (() => Promise<SearchIndex>),
    private readonly source: IndexSource,
    private readonly log: Log,
    { onDemand = false }: IndexSyncOptions = {},
  ) {
    this.createIndex = typeof index === 'function' ? index : async () => index;
    if (!onDemand) void this.opened;
  }

  /** Resolves to whether the index opened; the first call opens it. */
  private get opened(): Promise<boolean> {
    return (this.opening ??= this.openIndex());
  }

  /** Marks an article for re-indexing (added, changed, annotated, deleted or restored). */
  refresh(articleId: string): void {
    if (this.closed) return;
    this.pending.add(articleId);
    this.drainSoon();
  }

  /** Resolves once every change made so far is in the index. */
  async whenIndexed(): Promise<void> {
    await this.opened;
    while (this.draining) await this.draining;
  }

  /** How many articles opening re-indexed because the index disagreed with the files; null if it could not open. */
  async reindexedAtOpen(): Promise<number | null> {
    return (await this.opened) ? this.staleAtOpen : null;
  }

  /**
   * Answers over everything changed before the call (a search never misses a fresh import), except
   * during a large re-index (after opening a stale index, a bulk import): then it answers at once
   * from what is indexed so far rather than wait for thousands of articles.
   */
  async search(query: string, options?: SearchOptions, context?: SearchContext): Promise<SearchResults> {
    if (!(await this.opened)) {
      throw sentenceError('internal', say('core.error.searchUnavailable'));
    }
    if (this.pending.size <= BATCH_SIZE) await this.whenIndexed();
    return this.openIndexOrThrow().search(query, options, context);
  }

  /**
   * What the index holds for each article once every change is in (after `whenIndexed`, or
   * `close`); null when that is not known (never opened, a failed re-index, changes pending).
   */
  heldFingerprints(): ReadonlyMap<string, string> | null {
    return this.index === null || this.batchFailed || this.pending.size > 0 || this.draining !== null ? null : this.held;
  }

  /** Writes what is pending and stops the index; calling it again waits for the same close. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      // Never needed: there is no index to write or stop.
      if (!this.opening) {
        this.closed = true;
        return;
      }
      await this.whenIndexed();
      this.closed = true;
      try {
        if (await this.opened) await this.openIndexOrThrow().flush();
      } finally {
        await this.index?.close();
      }
    })();
    return this.closing;
  }

  /** The index once opened (callers have awaited `opened`). */
  private openIndexOrThrow(): SearchIndex {
    if (!this.index) throw sentenceError('internal', say('core.error.searchUnavailable'));
    return this.index;
  }

  private async openIndex(): Promise<boolean> {
    try {
      this.index = await this.createIndex();
      const current = await this.source.fingerprints();
      const stale = await this.index.open(current);
      this.staleAtOpen = stale.length;
      for (const { articleId, fingerprint } of current) this.held.set(articleId, fingerprint);
      for (const id of stale) {
        this.held.delete(id);
        this.pending.add(id);
      }
      this.drainSoon();
      return true;
    } catch (error) {
      this.log('The search index could not be opened', error);
      return false;
    }
  }

  private drainSoon(): void {
    if (this.draining || this.pending.size === 0) return;
    this.draining = this.drain().finally(() => {
      this.draining = null;
      // Changes that arrived while the last batch was being written.
      this.drainSoon();
    });
  }

  private async drain(): Promise<void> {
    if (!(await this.opened)) {
      this.pending.clear();
      return;
    }
    while (this.pending.size > 0) {
      const ids = [...this.pending].slice(0, BATCH_SIZE);
      for (const id of ids) this.pending.delete(id);
      try {
        await this.indexBatch(ids);
      } catch (error) {
        // The entries stay stale in the index and are found again at the next open.
        this.batchFailed = true;
        this.log(`Indexing ${ids.length} article(s) failed`, error);
      }
    }
  }

  private async indexBatch(ids: string[]): Promise<void> {
    const entries: IndexEntry[] = [];
    const gone: string[] = [];
    for (const id of ids) {
      try {
        const entry = await this.source.entryFor(id);
        if (entry) entries.push(entry);
        else gone.push(id);
      } catch (error) {
        this.log(`Article ${id} could not be read for the search index`, error);
      }
    }
    const index = this.openIndexOrThrow();
    // Unknown until written: a failure below leaves these without a fingerprint.
    for (const id of ids) this.held.delete(id);
    for (const id of gone) await index.removeArticle(id);
    if (entries.length === 1) await index.replaceArticle(entries[0]!.fingerprint, entries[0]!.documents);
    else if (entries.length > 1) await index.replaceArticles(entries);
    for (const { fingerprint } of entries) this.held.set(fingerprint.articleId, fingerprint.fingerprint);
  }
}

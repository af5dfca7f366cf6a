/**
 * The search engine behind the SearchIndex port, without the worker: holds what is indexed in
 * segments, answers queries with ranked, snippeted hits, and keeps the on-disk copy up to date.
 * Runs in the search worker; tests drive it in-process.
 *
 * Layout (docs/research/lunr.md §C–D): sealed, immutable segments plus a small live tail. A change analyzes only
 * the changed documents and rebuilds only the tail (at most TAIL_MAX_DOCS documents); a full tail
 * is sealed as it is, and when there are too many sealed segments the smallest are merged, from
 * their own stored term counts, between requests. Deleting or replacing a document hides its old
 * version at once (a tombstone in its segment). Ranking uses library-wide statistics (bm25.ts), so
 * results do not depend on how the documents are spread over segments. Article bodies are never
 * kept: text.txt is read again for the top hits' snippets and phrase checks.
 */
import type { SearchHit, SearchOptions, SearchResults } from '../../shared/models';
import { say } from '../../shared/i18n/core-sentences';
import { sentenceError } from '../../shared/i18n/english-sentence';
import type { AnalyzedDoc } from './analyzed-doc';
import { hitPlaces } from '../../shared/search-totals';
import { buildHit, candidatePlaces, DocumentTexts, pairsOf, phrasesHold } from './hit-builder';
import { primaryLanguage } from '../../shared/article-query';
import { languageCode } from './languages';
import { hasFilters, hitOrder, matchesFilters, selectBest } from './search-filters';
import { hasPositiveTerms, planQuery } from './lunr-query';
import { explainCandidate, runQuery, type Candidate } from './run-query';
import { parseQuery } from './query-parser';
import { contentWords, nearMissesLast, rerank, RERANK_POOL, SEQUENCE_MIN_WORDS, sequenceFactor, TEXT_POOL, titleWords, typedFactor, typedWords, wantedWords } from './rerank';
import { INDEX_FIELDS, type IndexField } from './search-fields';
import { NO_TOTALS } from '../../shared/search-totals';
import { ResultTally } from './result-totals';
import type { ArticleFingerprint, SearchContext, SearchDocument } from './search-index';
import { Segment } from './segment';
import { matchesChecksum, SegmentStore, type StoredDoc, type UnverifiedSegment } from './segment-store';
import { DocTable } from './doc-table';
import { analyzeField } from './text-pipeline';
import { buildPairFilter } from './pair-filter';
import { readArticleText } from './read-text';

export interface SearchEngineOptions {
  indexDir: string;
  libraryDir: string;
  /** quiet time after the last change before the index is written (default 300 ms) */
  saveDelayMs?: number;
  /** where failures of background saves go */
  log?: (message: string, error?: unknown) => void;
  /** the live tail is sealed once it holds this many documents (default 200) */
  tailMaxDocs?: number;
  /** above this many sealed segments the smallest are merged (default 8) */
  maxSealedSegments?: number;
}

export interface ArticleEntry {
  fingerprint: ArticleFingerprint;
  documents: SearchDocument[];
}

export const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1000;
/** Rebuilding a tail of this size takes about 0.1 s: the cost of making one new article searchable. */
const TAIL_MAX_DOCS = 200;
/** A large batch (a first import) is sealed in segments of at most this many documents. */
const SEGMENT_MAX_DOCS = 5000;
const MAX_SEALED_SEGMENTS = 8;
/** How many of the smallest segments one merge combines. */
const MERGE_FACTOR = 4;

function fieldText(doc: SearchDocument, field: IndexField): string {
  return field === 'tags' ? doc.tags.join('\n') : doc[field];
}

function analyze(doc: SearchDocument): AnalyzedDoc {
  const fields = {} as AnalyzedDoc;
  const lang = languageCode(doc.lang);
  for (const field of INDEX_FIELDS) fields[field] = analyzeField(fieldText(doc, field), lang);
  // The texts a phrase is confirmed in (hit-builder.ts), each on its own.
  fields.body.pairFilter = buildPairFilter([doc.title, doc.byline, doc.siteName, ...doc.tags, doc.notes, doc.body]);
  return fields;
}

function toStoredDoc(doc: SearchDocument): StoredDoc {
  const isArticle = doc.kind === 'article';
  return {
    ref: doc.ref,
    articleId: doc.articleId,
    annotationId: doc.annotationId,
    kind: doc.kind,
    title: doc.title,
    byline: doc.byline,
    siteName: doc.siteName,
    tags: [...doc.tags],
    quote: isArticle ? '' : doc.body,
    note: isArticle ? '' : doc.notes,
    passage: doc.passage === null ? null : { start: doc.passage.start, end: doc.passage.end },
    lang: languageCode(doc.lang),
    language: primaryLanguage(doc.lang),
    format: doc.format ?? null,
    date: doc.date ?? null,
  };
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit)));
}

export class SearchEngine {
  private readonly store: SegmentStore;
  private readonly libraryDir: string;
  private readonly saveDelayMs: number;
  private readonly log: (message: string, error?: unknown) => void;
  private readonly tailMaxDocs: number;
  private readonly maxSealed: number;

  private loaded = false;
  /**
   * every document indexed since the index was loaded, by row (a row's key names one version of
   * one document in one segment); replaced and deleted ones are dead rows
   */
  private table = new DocTable();
  private fingerprints = new Map<string, string>();
  private sealed: Segment[] = [];
  /** every segment documents may be placed in: the sealed ones and the tail */
  private segmentById = new Map<number, Segment>();
  /** the tail's documents by row, analyzed; its segment is rebuilt before the next search or save */
  private tailDocs = new Map<number, AnalyzedDoc>();
  private tail: Segment | null = null;
  private tailStale = false;
  private nextKey = 0;
  private nextSegmentId = 0;
  /** the languages of the live documents; null when documents changed since it was computed */
  private languageList: string[] | null = null;

  private changeCount = 0;
  private savedChangeCount = 0;
  private saveTimer: NodeJS.Timeout | null = null;
  private mergeTimer: NodeJS.Timeout | null = null;
  private saving: Promise<void> = Promise.resolve();
  /** the checksums of the segments loaded, verified after the first answers */
  private verification: Promise<void> = Promise.resolve();
  /** set by close: what is left to verify is left (the next start verifies it) */
  private closing = false;

  constructor(options: SearchEngineOptions) {
    this.store = new SegmentStore(options.indexDir);
    this.libraryDir = options.libraryDir;
    this.saveDelayMs = options.saveDelayMs ?? 300;
    this.log = options.log ?? ((message, error) => console.error(`[search] ${message}`, error ?? ''));
    this.tailMaxDocs = Math.max(1, options.tailMaxDocs ?? TAIL_MAX_DOCS);
    this.maxSealed = Math.max(1, options.maxSealedSegments ?? MAX_SEALED_SEGMENTS);
  }

  /**
   * Reads the index from disk ahead of `open`, while the caller is still listing the library's
   * fingerprints; a failure is left for `open` to meet again and report.
   */
  async preload(): Promise<void> {
    try {
      await this.ensureLoaded();
    } catch {
      // `open` loads again and reports why.
    }
  }

  async open(current: ArticleFingerprint[]): Promise<string[]> {
    // Once loaded, memory is at least as new as the disk: a second open only reconciles.
    await this.ensureLoaded();
    const currentIds = new Set<string>();
    for (const entry of current) currentIds.add(entry.articleId);
    const gone = new Set<string>();
    for (const id of this.fingerprints.keys()) if (!currentIds.has(id)) gone.add(id);
    // Documents of an article without a fingerprint (none, unless a change was cut short).
    const { articleId } = this.table.columns;
    for (let row = 0; row < articleId.length; row += 1) {
      const id = articleId[row]!;
      if (!currentIds.has(id) && !this.fingerprints.has(id) && this.table.isLive(row)) gone.add(id);
    }
    for (const id of gone) this.dropArticle(id);
    if (gone.size > 0) this.changed();
    const stale = new Set<string>();
    for (const { articleId, fingerprint } of current) if (this.fingerprints.get(articleId) !== fingerprint) stale.add(articleId);
    return [...stale];
  }

  async replaceArticles(entries: ArticleEntry[]): Promise<void> {
    for (const entry of entries) this.validate(entry);
    await this.ensureLoaded();
    for (const { fingerprint, documents } of entries) {
      this.dropArticle(fingerprint.articleId);
      for (const given of documents) {
        // Read here, on the index's own thread. An article gone meanwhile reads as empty; its
        // removal follows (the library marks it for re-indexing).
        const doc = given.bodyInTextFile ? { ...given, body: readArticleText(this.libraryDir, given.articleId) } : given;
        // A ref moving to another article leaves the old one.
        const previous = this.table.rowOfRef(doc.ref);
        if (previous !== undefined) this.removeRow(previous);
        const key = String(this.nextKey);
        this.nextKey += 1;
        const row = this.table.add(key, toStoredDoc(doc));
        this.tailDocs.set(row, analyze(doc));
        this.tailStale = true;
      }
      this.fingerprints.set(fingerprint.articleId, fingerprint.fingerprint);
    }
    if (entries.length > 0) this.changed();
  }

  async removeArticle(articleId: string): Promise<void> {
    await this.ensureLoaded();
    if (!this.fingerprints.has(articleId) && this.table.rowsOfArticle(articleId).length === 0) return;
    this.dropArticle(articleId);
    this.changed();
  }

  /** The hits alone. */
  async search(query: string, options: SearchOptions = {}, context: SearchContext = {}): Promise<SearchHit[]> {
    return (await this.results(query, options, context)).hits;
  }

  /** A page of hits, best first, and the totals of the whole query (result-totals.ts). */
  async results(query: string, options: SearchOptions = {}, context: SearchContext = {}): Promise<SearchResults> {
    await this.ensureLoaded();
    const parsed = parseQuery(query);
    const plan = planQuery(parsed, this.languages());
    if (!hasPositiveTerms(plan)) return { hits: [], totals: NO_TOTALS };
    // A later page is the first `offset + limit`, ranked the same, without the first `offset`.
    const skip = Math.max(0, Math.floor(Number.isFinite(options.offset) ? (options.offset ?? 0) : 0));
    const limit = clampLimit(options.limit) + skip;
    const filtered = hasFilters(options);
    const requiredPhrases = plan.phrases.filter((phrase) => phrase.presence === 'required');
    // Documents whose next-word filter rules a required phrase out are no candidates: a rare
    // phrase of common words would otherwise have thousands to check one by one.
    const phrasePairs = requiredPhrases.map((phrase) => pairsOf(phrase)).filter((pairs) => pairs.length > 0);
    const matches = runQuery(this.segments(), plan);
    if (phrasePairs.length > 0 || filtered) {
      matches.retain(
        (row, doc, { segment }) =>
          phrasePairs.every((pairs) => segment.mayHoldPairs(doc, pairs)) && (!filtered || matchesFilters(this.table.columns, row, options)),
      );
    }
    const sort = options.sort ?? 'relevance';
    // Texts read for ranking (a few dozen) are kept for the snippets of the same query; those the
    // phrase checks read (up to thousands, for a rare phrase of common words) are not.
    const texts = new Map<number, DocumentTexts>();
    const textsOf = (row: number, doc: StoredDoc): DocumentTexts => {
      let found = texts.get(row);
      if (found === undefined) texts.set(row, (found = new DocumentTexts(doc, this.libraryDir)));
      return found;
    };
    const readRank = new Map((context.recentlyRead ?? []).map((articleId, rank) => [articleId, rank]));
    const order = hitOrder(sort, this.table.columns, readRank);
    const docs = new Map<number, StoredDoc>();
    const docOf = (row: number): StoredDoc => {
      let doc = docs.get(row);
      if (doc === undefined) docs.set(row, (doc = this.table.doc(row)));
      return doc;
    };
    let pool: Candidate[] | null = null;
    if (sort === 'relevance') {
      // The best by BM25 get their title and kind bonuses, then take their place again.
      const words = wantedWords(parsed);
      nearMissesLast(matches, plan);
      pool = matches.best(Math.max(RERANK_POOL, limit), order);
      rerank(pool, words, this.table.columns, (row) => this.table.titleWordsOf(row, titleWords));
      this.byText(pool, words, typedWords(plan), contentWords(plan, parsed), order, docOf, textsOf);
      for (const candidate of pool) matches.rescore(candidate);
    }
    // Only the best few are ordered at first; the rest only if phrase checks reject many of them.
    const wanted = plan.phrases.length > 0 ? limit * 4 : limit;
    let ordered: Candidate[];
    if (pool !== null && (wanted <= pool.length || pool.length === matches.size)) {
      // Ranking only ever raises a score, so the best after it are among the pool it raised.
      ordered = selectBest(pool, wanted, order);
    } else ordered = sort === 'relevance' ? matches.best(wanted, order) : selectBest(matches.all(), wanted, order);

    const hits: SearchHit[] = [];
    const tally = new ResultTally();
    let confirmed = 0;
    // Candidates come best first, so checking phrases lazily keeps the ranking and reads
    // text.txt only until `limit` hits are confirmed.
    for (let i = 0; confirmed < limit; i += 1) {
      if (i === ordered.length) {
        if (ordered.length === matches.size) break;
        ordered = matches.all().sort(order);
      }
      const candidate = ordered[i]!;
      const doc = docOf(candidate.row);
      const docTexts =
        texts.get(candidate.row) ??
        new DocumentTexts(doc, this.libraryDir, candidate.source.segment.pairFilter(candidate.doc));
      if (!phrasesHold(docTexts, plan.phrases)) {
        tally.reject(candidate);
        continue;
      }
      confirmed += 1;
      if (confirmed <= skip) {
        tally.add(candidate, doc, candidatePlaces(docTexts, candidate, requiredPhrases));
        continue;
      }
      const hit = buildHit(docTexts, candidate, requiredPhrases);
      tally.add(candidate, doc, hitPlaces(hit));
      if (options.explain === true) {
        const parts = explainCandidate(candidate);
        const bm25 = parts.reduce((sum, part) => sum + part.score, 0);
        const rerank = bm25 > 0 ? candidate.score / bm25 : 1;
        hit.explanation = { parts, rerank, phrases: requiredPhrases.map((phrase) => phrase.words.join(' ')) };
      }
      hits.push(hit);
    }
    return { hits, totals: tally.totals(matches, this.table.columns, plan.phrases.length === 0) };
  }

  /**
   * The best few of a reranked pool, their texts read, scored up (in place) by how many of the
   * query's words they hold as typed and, for a long query, how much of its word order.
   */
  private byText(
    pool: readonly Candidate[],
    words: readonly string[],
    typed: readonly string[],
    content: ReadonlySet<string>,
    order: (a: Candidate, b: Candidate) => number,
    docOf: (row: number) => StoredDoc,
    textsOf: (row: number, doc: StoredDoc) => DocumentTexts,
  ): void {
    const bySequence = words.length >= SEQUENCE_MIN_WORDS;
    if (!bySequence && typed.length === 0) return;
    for (const candidate of selectBest(pool, TEXT_POOL, order)) {
      const doc = docOf(candidate.row);
      // In-memory fields first: the body is read only if they do not settle it.
      const fields = function* (): Generator<string> {
        yield doc.title;
        yield doc.note;
        yield textsOf(candidate.row, doc).bodyText();
        yield doc.byline;
        yield doc.siteName;
        yield* doc.tags;
      };
      candidate.score *= typedFactor(fields(), typed);
      if (bySequence) candidate.score *= sequenceFactor(fields(), words, content);
    }
  }

  /** Merges segments now if there are too many (otherwise done shortly after a seal). */
  mergeSegments(): void {
    this.clearMergeTimer();
    let merged = false;
    while (this.sealed.length > this.maxSealed) {
      const smallest = [...this.sealed].sort((a, b) => a.liveCount - b.liveCount || a.id - b.id);
      // Enough to get back under the limit, and a few more at once so merges stay rare.
      const count = Math.min(this.sealed.length, Math.max(2, Math.min(MERGE_FACTOR, this.sealed.length - this.maxSealed + 1)));
      const group = new Set(smallest.slice(0, count));
      // Oldest first, as they were: merging is a concatenation of postings, no text needed.
      const sources = this.sealed.filter((s) => group.has(s));
      const segment = Segment.merge(this.newSegmentId(), sources);
      this.adopt(segment);
      for (const source of sources) this.segmentById.delete(source.id);
      this.sealed = [...this.sealed.filter((s) => !group.has(s)), segment];
      merged = true;
    }
    if (merged) this.changed();
  }

  /** How the index is laid out now: documents per segment, oldest first, the tail last. */
  layout(): { sealed: number[]; tail: number } {
    this.refreshTail();
    return { sealed: this.sealed.map((segment) => segment.liveCount), tail: this.tailDocs.size };
  }

  /** Writes pending changes now. */
  async flush(): Promise<void> {
    this.clearSaveTimer();
    try {
      await this.save();
    } catch (error) {
      throw sentenceError('io', say('core.error.indexNotSaved'), `Could not save the search index: ${String(error)}`);
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    this.clearMergeTimer();
    await this.flush();
  }

  private validate(entry: ArticleEntry): void {
    for (const doc of entry.documents) {
      if (doc.articleId !== entry.fingerprint.articleId) {
        const detail = `Search document ${doc.ref} belongs to ${doc.articleId}, not ${entry.fingerprint.articleId}`;
        throw sentenceError('invalid-argument', say('core.error.searchUnavailable'), detail);
      }
    }
  }

  /**
   * Takes the state on disk; what is unreadable is forgotten, so `open` reports it stale. The
   * sealed segments' checksums are verified after the first answers (`verifyLater`); the tail's
   * (a few hundred documents at most, which its rebuild reads from its postings) now.
   */
  private async load(): Promise<void> {
    const loaded = await this.store.load({ verify: false });
    await this.store.removeWriteLeftovers();
    this.loaded = true;
    if (loaded === null) return;
    const { manifest, lost } = loaded;
    let { segments, unverified } = loaded;
    const tail = unverified.find((entry) => entry.segment.id === manifest.tail);
    if (tail !== undefined && !(await matchesChecksum(tail.bytes, tail.sha256))) {
      lost.add(tail.segment.id);
      segments = segments.filter((segment) => segment !== tail.segment);
      unverified = unverified.filter((entry) => entry !== tail);
    }
    this.nextKey = manifest.nextKey;
    this.nextSegmentId = manifest.nextSegmentId;
    this.fingerprints = manifest.fingerprints;
    for (const segment of segments) this.segmentById.set(segment.id, segment);
    this.table = new DocTable(manifest.docs);
    const { key, segment: segmentOf, number, articleId } = manifest.docs;
    const lostArticles = new Set<string>();
    for (let row = 0; row < key.length; row += 1) {
      const segment = this.segmentById.get(segmentOf[row]!);
      const doc = number[row]!;
      // A document whose segment is lost, or not the one listed: its article is indexed again.
      if (segment === undefined || doc >= segment.keys.length || segment.keys[doc] !== key[row]) {
        lostArticles.add(articleId[row]!);
        this.table.remove(row);
        continue;
      }
      segment.rows[doc] = row;
    }
    for (const segment of segments) {
      // Documents deleted or replaced after the segment was written: tombstones.
      for (let doc = 0; doc < segment.rows.length; doc += 1) if (segment.rows[doc] === -1) segment.remove(doc);
      if (segment.id === manifest.tail) {
        this.tail = segment;
        for (const [doc, analyzed] of segment.analyzedDocs()) this.tailDocs.set(segment.rows[doc]!, analyzed);
      } else {
        this.sealed.push(segment);
      }
    }
    if (lost.size > 0 || lostArticles.size > 0) {
      this.log(`${lostArticles.size} article(s) of ${lost.size} unreadable search segment(s) will be reindexed`);
      for (const id of lostArticles) this.dropArticle(id);
      this.changed();
    }
    this.verification = this.afterOpen(unverified);
  }

  /**
   * What opening leaves for between requests: the checksums, then the lookups by ref and by
   * article that the first change needs (at 100,000 articles, building them made adding one
   * article take about half a second).
   */
  private async afterOpen(unverified: readonly UnverifiedSegment[]): Promise<void> {
    await this.verifyLater(unverified);
    await new Promise((resolve) => setImmediate(resolve));
    if (!this.closing) this.table.prepareLookups();
  }

  /**
   * Resolves once the checksums of the segments loaded at open are verified (and the documents
   * of a corrupt one dropped), and the lookups changes need are built. The search worker does
   * this between requests, on its own.
   */
  whenVerified(): Promise<void> {
    return this.verification;
  }

  /**
   * Verifies loaded segments in the background, a slice at a time between requests. A corrupt
   * one loses its articles, as at open: their documents leave the index at once (wherever a merge
   * has put them since), their fingerprints are forgotten, so the library's next `open` reports
   * them stale and indexes them again.
   */
  private async verifyLater(unverified: readonly UnverifiedSegment[]): Promise<void> {
    for (const { segment, bytes, sha256 } of unverified) {
      if (this.closing) return;
      if ((await matchesChecksum(bytes, sha256)) || this.closing) continue;
      const articles = new Set<string>();
      for (const row of segment.rows) if (row !== -1 && this.table.isLive(row)) articles.add(this.table.columns.articleId[row]!);
      for (const id of articles) this.dropArticle(id);
      if (this.segmentById.get(segment.id) === segment) {
        this.segmentById.delete(segment.id);
        this.sealed = this.sealed.filter((sealed) => sealed !== segment);
      }
      this.log(`${articles.size} article(s) of a corrupt search segment will be reindexed`);
      this.changed();
    }
  }

  /** Calls before `open` (or after a worker restart) see the persisted state as it is. */
  private async ensureLoaded(): Promise<void> {
    if (!this.loaded) await this.load();
  }

  /** A segment's documents are where its rows say. */
  private adopt(segment: Segment): void {
    this.segmentById.set(segment.id, segment);
    segment.rows.forEach((row, doc) => {
      if (row !== -1 && segment.isLive(doc)) this.table.place(row, segment.id, doc);
    });
  }

  private removeRow(row: number): void {
    if (!this.table.isLive(row)) return;
    const { segment, number } = this.table.columns;
    if (this.tailDocs.delete(row)) this.tailStale = true;
    else this.segmentById.get(segment[row]!)?.remove(number[row]!);
    this.table.remove(row);
  }

  private dropArticle(articleId: string): void {
    for (const row of [...this.table.rowsOfArticle(articleId)]) this.removeRow(row);
    this.fingerprints.delete(articleId);
  }

  private newSegmentId(): number {
    const id = this.nextSegmentId;
    this.nextSegmentId += 1;
    return id;
  }

  /** Seals what does not fit in the tail, then rebuilds the tail's index if it changed. */
  private refreshTail(): void {
    if (!this.tailStale) return;
    const entries = (rows: Iterable<[number, AnalyzedDoc]>) =>
      [...rows].map(([row, analyzed]) => ({ key: this.table.columns.key[row]!, row, analyzed }));
    while (this.tailDocs.size >= this.tailMaxDocs) {
      const docs = [...this.tailDocs].slice(0, SEGMENT_MAX_DOCS);
      const segment = Segment.build(this.newSegmentId(), entries(docs));
      for (const [row] of docs) this.tailDocs.delete(row);
      this.adopt(segment);
      this.sealed.push(segment);
    }
    if (this.tail !== null) this.segmentById.delete(this.tail.id);
    this.tail = this.tailDocs.size === 0 ? null : Segment.build(this.newSegmentId(), entries(this.tailDocs));
    if (this.tail !== null) this.adopt(this.tail);
    this.tailStale = false;
    if (this.sealed.length > this.maxSealed) this.scheduleMerge();
  }

  private segments(): Segment[] {
    this.refreshTail();
    return this.tail === null ? this.sealed : [...this.sealed, this.tail];
  }

  /** The languages query words must be stemmed in: those of the library's documents. */
  private languages(): string[] {
    this.languageList ??= this.table.languages().sort();
    return this.languageList.length > 0 ? this.languageList : ['en'];
  }

  private changed(): void {
    this.languageList = null;
    this.changeCount += 1;
    this.scheduleSave();
  }

  private scheduleMerge(): void {
    if (this.mergeTimer !== null) return;
    // Between requests: a merge of a few thousand documents takes seconds.
    this.mergeTimer = setTimeout(() => {
      this.mergeTimer = null;
      try {
        this.mergeSegments();
      } catch (error) {
        this.log('could not merge search segments', error);
      }
    }, 0);
    this.mergeTimer.unref();
  }

  private clearMergeTimer(): void {
    if (this.mergeTimer !== null) clearTimeout(this.mergeTimer);
    this.mergeTimer = null;
  }

  private scheduleSave(): void {
    this.clearSaveTimer();
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.save().catch((error: unknown) => this.log('could not save the search index', error));
    }, this.saveDelayMs);
    // A pending save must not keep a process (or a test) alive; close() flushes explicitly.
    this.saveTimer.unref();
  }

  private clearSaveTimer(): void {
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = null;
  }

  /** Saves run one at a time; a save with nothing new to write does nothing. */
  private save(): Promise<void> {
    const run = this.saving.catch(() => undefined).then(() => this.writeSnapshot());
    this.saving = run;
    return run;
  }

  private async writeSnapshot(): Promise<void> {
    if (this.changeCount === this.savedChangeCount) return;
    const savedAt = this.changeCount;
    const segments = this.segments();
    // store.save serializes before its first await, so later changes cannot leak in half-way.
    await this.store.save({
      segments: segments.map((segment) => ({ id: segment.id, bytes: () => segment.encode() })),
      tail: this.tail?.id ?? null,
      nextKey: this.nextKey,
      nextSegmentId: this.nextSegmentId,
      fingerprints: this.fingerprints,
      docs: this.table.liveColumns(),
    });
    this.savedChangeCount = savedAt;
  }
}

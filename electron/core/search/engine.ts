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
import { QuireError } from '../../shared/result';
import type { AnalyzedDoc } from './analyzed-doc';
import { hitPlaces } from '../../shared/search-totals';
import { buildHit, candidatePlaces, DocumentTexts, pairsOf, phrasesHold } from './hit-builder';
import { primaryLanguage } from '../../shared/article-query';
import { languageCode } from './languages';
import { hasFilters, hitOrder, matchesFilters, selectBest, selectBestByScore } from './search-filters';
import { hasPositiveTerms, planQuery } from './lunr-query';
import { explainCandidate, runQuery, type Candidate } from './run-query';
import { parseQuery } from './query-parser';
import { contentWords, nearMissesLast, rerank, RERANK_POOL, SEQUENCE_MIN_WORDS, sequenceFactor, TEXT_POOL, typedFactor, typedWords, wantedWords } from './rerank';
import { INDEX_FIELDS, type IndexField } from './search-fields';
import { NO_TOTALS, ResultTally } from './result-totals';
import type { ArticleFingerprint, SearchContext, SearchDocument } from './search-index';
import { Segment } from './segment';
import { SegmentStore, type StoredDoc } from './segment-store';
import { analyzeField } from './text-pipeline';
import { buildPairFilter } from './pair-filter';

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
  /** live documents by key (a key names one version of one document in one segment) */
  private docs = new Map<string, StoredDoc>();
  private keyByRef = new Map<string, string>();
  private articleRefs = new Map<string, Set<string>>();
  private fingerprints = new Map<string, string>();
  private sealed: Segment[] = [];
  private sealedByKey = new Map<string, Segment>();
  /** the tail's documents, analyzed; its Lunr index is rebuilt before the next search or save */
  private tailDocs = new Map<string, AnalyzedDoc>();
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

  constructor(options: SearchEngineOptions) {
    this.store = new SegmentStore(options.indexDir);
    this.libraryDir = options.libraryDir;
    this.saveDelayMs = options.saveDelayMs ?? 300;
    this.log = options.log ?? ((message, error) => console.error(`[search] ${message}`, error ?? ''));
    this.tailMaxDocs = Math.max(1, options.tailMaxDocs ?? TAIL_MAX_DOCS);
    this.maxSealed = Math.max(1, options.maxSealedSegments ?? MAX_SEALED_SEGMENTS);
  }

  async open(current: ArticleFingerprint[]): Promise<string[]> {
    // Once loaded, memory is at least as new as the disk: a second open only reconciles.
    await this.ensureLoaded();
    const currentIds = new Set(current.map((entry) => entry.articleId));
    const gone = [...new Set([...this.fingerprints.keys(), ...this.articleRefs.keys()])].filter(
      (id) => !currentIds.has(id),
    );
    for (const id of gone) this.dropArticle(id);
    if (gone.length > 0) this.changed();
    const stale = current
      .filter((entry) => this.fingerprints.get(entry.articleId) !== entry.fingerprint)
      .map((entry) => entry.articleId);
    return [...new Set(stale)];
  }

  async replaceArticles(entries: ArticleEntry[]): Promise<void> {
    for (const entry of entries) this.validate(entry);
    await this.ensureLoaded();
    for (const { fingerprint, documents } of entries) {
      this.dropArticle(fingerprint.articleId);
      const refs = new Set<string>();
      for (const doc of documents) {
        // A ref moving to another article leaves the old one.
        const previous = this.keyByRef.get(doc.ref);
        if (previous !== undefined) {
          const owner = this.docs.get(previous)?.articleId;
          if (owner !== undefined) this.articleRefs.get(owner)?.delete(doc.ref);
          this.removeKey(previous);
        }
        const key = String(this.nextKey);
        this.nextKey += 1;
        this.docs.set(key, toStoredDoc(doc));
        this.keyByRef.set(doc.ref, key);
        this.tailDocs.set(key, analyze(doc));
        this.tailStale = true;
        refs.add(doc.ref);
      }
      this.articleRefs.set(fingerprint.articleId, refs);
      this.fingerprints.set(fingerprint.articleId, fingerprint.fingerprint);
    }
    if (entries.length > 0) this.changed();
  }

  async removeArticle(articleId: string): Promise<void> {
    await this.ensureLoaded();
    if (!this.fingerprints.has(articleId) && !this.articleRefs.has(articleId)) return;
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
    const candidates: Candidate[] = [];
    for (const candidate of runQuery(this.segments(), plan)) {
      const { segment } = candidate.source;
      if (phrasePairs.length > 0 && !phrasePairs.every((pairs) => segment.mayHoldPairs(candidate.doc, pairs))) continue;
      if (!filtered) candidates.push(candidate);
      else {
        const doc = this.docs.get(candidate.ref);
        if (doc !== undefined && matchesFilters(doc, options)) candidates.push(candidate);
      }
    }
    const sort = options.sort ?? 'relevance';
    // Texts read for ranking (a few dozen) are kept for the snippets of the same query; those the
    // phrase checks read (up to thousands, for a rare phrase of common words) are not.
    const texts = new Map<string, DocumentTexts>();
    const textsOf = (key: string, doc: StoredDoc): DocumentTexts => {
      let found = texts.get(key);
      if (found === undefined) texts.set(key, (found = new DocumentTexts(doc, this.libraryDir)));
      return found;
    };
    const readRank = new Map((context.recentlyRead ?? []).map((articleId, rank) => [articleId, rank]));
    const order = hitOrder(sort, (key) => this.docs.get(key), readRank);
    if (sort === 'relevance') {
      // The best by BM25 get their title and kind bonuses, then take their place again.
      const words = wantedWords(parsed);
      nearMissesLast(candidates, plan);
      const pool = selectBestByScore(candidates, Math.max(RERANK_POOL, limit), order);
      rerank(pool, words, (key) => this.docs.get(key));
      this.byText(pool, words, typedWords(plan), contentWords(plan, parsed), order, textsOf);
    }
    // Only the best few are ordered at first; the rest only if phrase checks reject many of them.
    const best = sort === 'relevance' ? selectBestByScore : selectBest;
    let ordered = best(candidates, plan.phrases.length > 0 ? limit * 4 : limit, order);

    const hits: SearchHit[] = [];
    const tally = new ResultTally();
    let confirmed = 0;
    // Candidates come best first, so checking phrases lazily keeps the ranking and reads
    // text.txt only until `limit` hits are confirmed.
    for (let i = 0; confirmed < limit; i += 1) {
      if (i === ordered.length) {
        if (ordered.length === candidates.length) break;
        ordered = candidates.sort(order);
      }
      const candidate = ordered[i]!;
      const doc = this.docs.get(candidate.ref);
      if (doc === undefined) continue;
      const docTexts =
        texts.get(candidate.ref) ??
        new DocumentTexts(doc, this.libraryDir, candidate.source.segment.pairFilter(candidate.doc));
      if (!phrasesHold(docTexts, plan.phrases)) {
        tally.reject(candidate.ref);
        continue;
      }
      confirmed += 1;
      if (confirmed <= skip) {
        tally.add(candidate.ref, doc, candidatePlaces(docTexts, candidate, requiredPhrases));
        continue;
      }
      const hit = buildHit(docTexts, candidate, requiredPhrases);
      tally.add(candidate.ref, doc, hitPlaces(hit));
      if (options.explain === true) {
        const parts = explainCandidate(candidate);
        const bm25 = parts.reduce((sum, part) => sum + part.score, 0);
        const rerank = bm25 > 0 ? candidate.score / bm25 : 1;
        hit.explanation = { parts, rerank, phrases: requiredPhrases.map((phrase) => phrase.words.join(' ')) };
      }
      hits.push(hit);
    }
    return { hits, totals: tally.totals(candidates, (key) => this.docs.get(key), plan.phrases.length === 0) };
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
    textsOf: (key: string, doc: StoredDoc) => DocumentTexts,
  ): void {
    const bySequence = words.length >= SEQUENCE_MIN_WORDS;
    if (!bySequence && typed.length === 0) return;
    for (const candidate of selectBest(pool, TEXT_POOL, order)) {
      const doc = this.docs.get(candidate.ref);
      if (doc === undefined) continue;
      // In-memory fields first: the body is read only if they do not settle it.
      const fields = function* (): Generator<string> {
        yield doc.title;
        yield doc.note;
        yield textsOf(candidate.ref, doc).bodyText();
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
      for (const key of segment.keys) this.sealedByKey.set(key, segment);
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
      throw new QuireError('io', `Could not save the search index: ${String(error)}`);
    }
  }

  async close(): Promise<void> {
    this.clearMergeTimer();
    await this.flush();
  }

  private validate(entry: ArticleEntry): void {
    for (const doc of entry.documents) {
      if (doc.articleId !== entry.fingerprint.articleId) {
        throw new QuireError(
          'invalid-argument',
          `Search document ${doc.ref} belongs to ${doc.articleId}, not ${entry.fingerprint.articleId}`,
        );
      }
    }
  }

  /** Takes the state on disk; what is unreadable is forgotten, so `open` reports it stale. */
  private async load(): Promise<void> {
    const loaded = await this.store.load();
    await this.store.removeWriteLeftovers();
    this.loaded = true;
    if (loaded === null) return;
    const { manifest, segments, lost } = loaded;
    this.nextKey = manifest.nextKey;
    this.nextSegmentId = manifest.nextSegmentId;
    this.fingerprints = new Map(Object.entries(manifest.fingerprints));
    const byId = new Map(segments.map((segment) => [segment.id, segment]));
    const lostArticles = new Set<string>();
    const holder = new Map<string, number>();
    for (const [key, { segment: id, doc }] of Object.entries(manifest.docs)) {
      const segment = byId.get(id);
      if (segment === undefined || !segment.holdsKey(key)) {
        lostArticles.add(doc.articleId);
        continue;
      }
      holder.set(key, id);
      this.docs.set(key, doc);
      this.keyByRef.set(doc.ref, key);
      let refs = this.articleRefs.get(doc.articleId);
      if (refs === undefined) this.articleRefs.set(doc.articleId, (refs = new Set()));
      refs.add(doc.ref);
    }
    for (const segment of segments) {
      // Documents deleted or replaced after the segment was written: tombstones.
      for (const key of segment.keys) if (holder.get(key) !== segment.id) segment.remove(key);
      if (segment.id === manifest.tail) {
        this.tail = segment;
        this.tailDocs = segment.analyzedDocs();
      } else {
        this.sealed.push(segment);
        for (const key of segment.liveKeys()) this.sealedByKey.set(key, segment);
      }
    }
    if (lost.size > 0 || lostArticles.size > 0) {
      this.log(`${lostArticles.size} article(s) of ${lost.size} unreadable search segment(s) will be reindexed`);
      for (const id of lostArticles) this.dropArticle(id);
      this.changed();
    }
  }

  /** Calls before `open` (or after a worker restart) see the persisted state as it is. */
  private async ensureLoaded(): Promise<void> {
    if (!this.loaded) await this.load();
  }

  private removeKey(key: string): void {
    const doc = this.docs.get(key);
    this.docs.delete(key);
    if (doc !== undefined && this.keyByRef.get(doc.ref) === key) this.keyByRef.delete(doc.ref);
    if (this.tailDocs.delete(key)) {
      this.tailStale = true;
      return;
    }
    this.sealedByKey.get(key)?.remove(key);
    this.sealedByKey.delete(key);
  }

  private dropArticle(articleId: string): void {
    for (const ref of this.articleRefs.get(articleId) ?? []) {
      const key = this.keyByRef.get(ref);
      if (key !== undefined) this.removeKey(key);
    }
    this.articleRefs.delete(articleId);
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
    while (this.tailDocs.size >= this.tailMaxDocs) {
      const docs = [...this.tailDocs].slice(0, SEGMENT_MAX_DOCS);
      const segment = Segment.build(this.newSegmentId(), docs);
      for (const [key] of docs) {
        this.tailDocs.delete(key);
        this.sealedByKey.set(key, segment);
      }
      this.sealed.push(segment);
    }
    this.tail = this.tailDocs.size === 0 ? null : Segment.build(this.newSegmentId(), this.tailDocs);
    this.tailStale = false;
    if (this.sealed.length > this.maxSealed) this.scheduleMerge();
  }

  private segments(): Segment[] {
    this.refreshTail();
    return this.tail === null ? this.sealed : [...this.sealed, this.tail];
  }

  /** The languages query words must be stemmed in: those of the library's documents. */
  private languages(): string[] {
    this.languageList ??= [...new Set([...this.docs.values()].map((doc) => doc.lang))].sort();
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
    const tailId = this.tail?.id ?? null;
    const docs = new Map<string, { segment: number; doc: StoredDoc }>();
    for (const [key, doc] of this.docs) {
      const segment = this.sealedByKey.get(key)?.id ?? tailId;
      if (segment !== null) docs.set(key, { segment, doc });
    }
    // store.save serializes before its first await, so later changes cannot leak in half-way.
    await this.store.save({
      segments: segments.map((segment) => ({ id: segment.id, bytes: () => segment.encode() })),
      tail: tailId,
      nextKey: this.nextKey,
      nextSegmentId: this.nextSegmentId,
      fingerprints: this.fingerprints,
      docs,
    });
    this.savedChangeCount = savedAt;
  }
}

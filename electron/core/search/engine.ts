/**
 * The search engine behind the SearchIndex port, without the worker: holds what is indexed,
 * rebuilds the Lunr index after changes, answers queries with ranked, snippeted hits, and keeps
 * the on-disk copy up to date. Runs in the search worker; tests drive it in-process.
 *
 * Foundation design (the segmented index of DESIGN §3 / lunr.md §C–D is a later step): one Lunr
 * index, rebuilt in full from the retained analyzed terms of every document after a batch of
 * changes, lazily before the next search or save. Article bodies are never kept: only their term
 * counts (for rebuilding) and small metadata; text.txt is read again for the top hits' snippets
 * and phrase checks. At 10k articles a full rebuild takes tens of seconds, which is what the
 * segmented index (sealed segments + a small live tail with global statistics) will remove.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import lunr from 'lunr';
import type { SearchHit, SearchOptions } from '../../shared/models';
import { QuireError } from '../../shared/result';
import { idSchema } from '../../shared/validators';
import { IndexStore, type AnalyzedDoc, type StoredDoc } from './index-store';
import { hasPositiveTerms, planQuery, runQuery, type Candidate, type PlannedPhrase } from './lunr-query';
import { parseQuery } from './query-parser';
import { FIELD_BOOSTS, INDEX_FIELDS, type IndexField } from './search-fields';
import type { ArticleFingerprint, SearchDocument } from './search-index';
import { buildSnippet, containsPhrase, findMatches, matchedSurfaceWords, snippetFocus, type MatchSpec } from './snippet';
import { analyzeField, createSearchPipeline, expandField, type AnalyzedField } from './text-pipeline';

export interface SearchEngineOptions {
  indexDir: string;
  libraryDir: string;
  /** quiet time after the last change before the index is written (default 300 ms) */
  saveDelayMs?: number;
  /** where failures of background saves go */
  log?: (message: string, error?: unknown) => void;
}

export interface ArticleEntry {
  fingerprint: ArticleFingerprint;
  documents: SearchDocument[];
}

export const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1000;
/** A save waits at least this many times as long as the last rebuild took, so that a stream of
 * single-article imports does not spend all its time rebuilding. */
const SAVE_DELAY_PER_BUILD = 2;
const MAX_SAVE_DELAY_MS = 10_000;

function isAnalyzedField(value: unknown): value is AnalyzedField {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { terms?: unknown }).terms === 'string'
  );
}

/**
 * Lunr's builder tokenizes and runs its pipeline on every field; ours arrive already analyzed, so
 * the "tokenizer" only expands the stored term counts and the builder pipeline stays empty.
 */
const analyzedFieldTokenizer = Object.assign(
  (value?: null | string | object | object[]): lunr.Token[] =>
    isAnalyzedField(value) ? expandField(value).map((term) => new lunr.Token(term, {})) : [],
  { separator: lunr.tokenizer.separator },
);

function buildLunrIndex(entries: Iterable<[string, AnalyzedDoc]>): lunr.Index {
  const builder = new lunr.Builder();
  builder.ref('ref');
  for (const field of INDEX_FIELDS) builder.field(field, { boost: FIELD_BOOSTS[field] });
  builder.tokenizer = analyzedFieldTokenizer;
  // Stored with the index so that anyone querying it through Lunr's pipeline gets our terms.
  builder.searchPipeline = createSearchPipeline();
  // No position metadata: it doubles size, load time and heap (lunr.md §D5).
  builder.metadataWhitelist = [];
  for (const [ref, fields] of entries) builder.add({ ref, ...fields });
  return builder.build();
}

function fieldText(doc: SearchDocument, field: IndexField): string {
  return field === 'tags' ? doc.tags.join('\n') : doc[field];
}

function analyze(doc: SearchDocument): AnalyzedDoc {
  const fields = {} as AnalyzedDoc;
  for (const field of INDEX_FIELDS) fields[field] = analyzeField(fieldText(doc, field));
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
  };
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit)));
}

/** The texts of one document, read at most once per query, articles' body from text.txt. */
class DocumentTexts {
  private body: Promise<string> | null = null;

  constructor(
    readonly doc: StoredDoc,
    private readonly libraryDir: string,
  ) {}

  async field(field: IndexField): Promise<string[]> {
    switch (field) {
      case 'title':
        return [this.doc.title];
      case 'byline':
        return [this.doc.byline];
      case 'siteName':
        return [this.doc.siteName];
      // Each tag on its own: a phrase must not run from one tag into the next.
      case 'tags':
        return this.doc.tags;
      case 'notes':
        return [this.doc.note];
      case 'body':
        return [await this.bodyText()];
    }
  }

  bodyText(): Promise<string> {
    if (this.doc.kind !== 'article') return Promise.resolve(this.doc.quote);
    this.body ??= readArticleText(this.libraryDir, this.doc.articleId);
    return this.body;
  }
}

async function readArticleText(libraryDir: string, articleId: string): Promise<string> {
  // Ids name folders; anything else must never become a path.
  if (!idSchema.safeParse(articleId).success) return '';
  try {
    return await readFile(path.join(libraryDir, 'articles', articleId, 'text.txt'), 'utf8');
  } catch {
    // Deleted or moved since it was indexed: the hit stays, without a snippet.
    return '';
  }
}

/** In-memory fields first: text.txt is read only when the cheap fields cannot decide. */
const PHRASE_FIELD_ORDER: readonly IndexField[] = ['title', 'byline', 'siteName', 'tags', 'notes', 'body'];

async function phraseOccurs(texts: DocumentTexts, phrase: PlannedPhrase): Promise<boolean> {
  const fields = phrase.field === null ? PHRASE_FIELD_ORDER : [phrase.field];
  for (const field of fields) {
    for (const text of await texts.field(field)) {
      if (containsPhrase(text, phrase.words)) return true;
    }
  }
  return false;
}

async function phrasesHold(texts: DocumentTexts, phrases: readonly PlannedPhrase[]): Promise<boolean> {
  for (const phrase of phrases) {
    const occurs = await phraseOccurs(texts, phrase);
    if (occurs !== (phrase.presence === 'required')) return false;
  }
  return true;
}

export class SearchEngine {
  private readonly store: IndexStore;
  private readonly libraryDir: string;
  private readonly saveDelayMs: number;
  private readonly log: (message: string, error?: unknown) => void;

  private loaded = false;
  private docs = new Map<string, StoredDoc>();
  private articleRefs = new Map<string, Set<string>>();
  private fingerprints = new Map<string, string>();
  /** null while the persisted terms have not been needed yet (they stay on disk until then) */
  private analyzed: Map<string, AnalyzedDoc> | null = new Map();
  private termsChecksum: string | null = null;
  private index: lunr.Index = buildLunrIndex([]);
  /** set by every change; the index is rebuilt before the next search or save */
  private indexStale = false;
  private changeCount = 0;
  private savedChangeCount = 0;
  private lastBuildMs = 0;
  private saveTimer: NodeJS.Timeout | null = null;
  private saving: Promise<void> = Promise.resolve();

  constructor(options: SearchEngineOptions) {
    this.store = new IndexStore(options.indexDir);
    this.libraryDir = options.libraryDir;
    this.saveDelayMs = options.saveDelayMs ?? 300;
    this.log = options.log ?? ((message, error) => console.error(`[search] ${message}`, error ?? ''));
  }

  async open(current: ArticleFingerprint[]): Promise<string[]> {
    // Once loaded, memory is at least as new as the disk: a second open only reconciles.
    await this.ensureLoaded();
    const currentIds = new Set(current.map((entry) => entry.articleId));
    const gone = [...new Set([...this.fingerprints.keys(), ...this.articleRefs.keys()])].filter(
      (id) => !currentIds.has(id),
    );
    if (gone.length > 0) {
      await this.ensureAnalyzed();
      for (const id of gone) this.dropArticle(id);
      this.changed();
    }
    const stale = current
      .filter((entry) => this.fingerprints.get(entry.articleId) !== entry.fingerprint)
      .map((entry) => entry.articleId);
    return [...new Set(stale)];
  }

  async replaceArticles(entries: ArticleEntry[]): Promise<void> {
    for (const entry of entries) this.validate(entry);
    await this.ensureLoaded();
    await this.ensureAnalyzed();
    const analyzed = this.requireAnalyzed();
    for (const { fingerprint, documents } of entries) {
      this.dropArticle(fingerprint.articleId);
      const refs = new Set<string>();
      for (const doc of documents) {
        const owner = this.docs.get(doc.ref)?.articleId;
        if (owner !== undefined) this.articleRefs.get(owner)?.delete(doc.ref);
        analyzed.set(doc.ref, analyze(doc));
        this.docs.set(doc.ref, toStoredDoc(doc));
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
    await this.ensureAnalyzed();
    // Removing its documents from `docs` hides the article's hits at once, even before the
    // Lunr index (which still contains them) is rebuilt.
    this.dropArticle(articleId);
    this.changed();
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    await this.ensureLoaded();
    const plan = planQuery(parseQuery(query));
    if (!hasPositiveTerms(plan)) return [];
    const limit = clampLimit(options.limit);
    const candidates = runQuery(this.currentIndex(), plan);
    const requiredPhrases = plan.phrases.filter((phrase) => phrase.presence === 'required');

    const hits: SearchHit[] = [];
    // Candidates come best first, so checking phrases lazily keeps the ranking and reads
    // text.txt only until `limit` hits are confirmed.
    for (const candidate of candidates) {
      if (hits.length >= limit) break;
      const doc = this.docs.get(candidate.ref);
      if (doc === undefined) continue;
      const texts = new DocumentTexts(doc, this.libraryDir);
      if (!(await phrasesHold(texts, plan.phrases))) continue;
      hits.push(await this.toHit(texts, candidate, requiredPhrases));
    }
    return hits;
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
    await this.flush();
  }

  private async toHit(
    texts: DocumentTexts,
    candidate: Candidate,
    phrases: readonly PlannedPhrase[],
  ): Promise<SearchHit> {
    const { doc } = texts;
    const spec: MatchSpec = {
      terms: new Set(candidate.matchedTerms),
      phrases: phrases.map((phrase) => phrase.words),
    };
    const base = {
      articleId: doc.articleId,
      annotationId: doc.annotationId,
      title: doc.title,
      kind: doc.kind,
      score: candidate.score,
    };
    if (doc.kind === 'article') {
      const text = await texts.bodyText();
      const matches = findMatches(text, spec);
      return {
        ...base,
        snippet: buildSnippet(text, matches.words),
        // Open where the snippet is; a phrase opens at its first confirmed occurrence, whole.
        passage: phrases.length > 0 ? matches.first : (snippetFocus(text, matches.words) ?? matches.first),
        terms: matchedSurfaceWords(text, matches.words),
      };
    }
    // A bookmark or note shows what the user wrote when that is what matched, else the passage.
    const inNote = findMatches(doc.note, spec);
    const inQuote = findMatches(doc.quote, spec);
    const showNote = inNote.words.length > 0 || (inQuote.words.length === 0 && doc.note.trim() !== '');
    const snippet = showNote
      ? buildSnippet(doc.note, inNote.words)
      : buildSnippet(doc.quote, inQuote.words);
    const terms = [
      ...new Set([
        ...matchedSurfaceWords(doc.quote, inQuote.words),
        ...matchedSurfaceWords(doc.note, inNote.words),
      ]),
    ];
    return { ...base, snippet, passage: doc.passage, terms };
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

  /** Takes the state on disk (or nothing, if there is none or it is damaged). */
  private async load(): Promise<void> {
    const loaded = await this.store.load();
    this.docs = loaded?.docs ?? new Map();
    this.fingerprints = loaded?.fingerprints ?? new Map();
    this.articleRefs = new Map();
    for (const doc of this.docs.values()) {
      let refs = this.articleRefs.get(doc.articleId);
      if (refs === undefined) this.articleRefs.set(doc.articleId, (refs = new Set()));
      refs.add(doc.ref);
    }
    this.index = loaded?.index ?? buildLunrIndex([]);
    this.analyzed = loaded === null ? new Map() : null;
    this.termsChecksum = loaded?.termsChecksum ?? null;
    this.indexStale = false;
    this.changeCount = 0;
    this.savedChangeCount = 0;
    this.loaded = true;
  }

  /** Calls before `open` (or after a worker restart) see the persisted state as it is. */
  private async ensureLoaded(): Promise<void> {
    if (!this.loaded) await this.load();
  }

  /** Every change needs the terms of all documents, to rebuild the index without them. */
  private async ensureAnalyzed(): Promise<void> {
    if (this.analyzed !== null) return;
    const terms =
      this.termsChecksum === null ? null : await this.store.loadTerms(this.termsChecksum);
    this.analyzed = terms ?? new Map();
    // Documents whose terms are lost cannot be rebuilt: forget them and their article's
    // fingerprint, so the next `open` reports those articles as stale.
    const lost = new Set<string>();
    for (const doc of this.docs.values()) {
      if (!this.analyzed.has(doc.ref)) lost.add(doc.articleId);
    }
    if (lost.size > 0) {
      this.log(`search terms of ${lost.size} article(s) were unreadable; they will be reindexed`);
      for (const id of lost) this.dropArticle(id);
      this.changed();
    }
  }

  private requireAnalyzed(): Map<string, AnalyzedDoc> {
    if (this.analyzed === null) throw new QuireError('internal', 'search terms are not loaded');
    return this.analyzed;
  }

  private dropArticle(articleId: string): void {
    for (const ref of this.articleRefs.get(articleId) ?? []) {
      this.docs.delete(ref);
      this.analyzed?.delete(ref);
    }
    this.articleRefs.delete(articleId);
    this.fingerprints.delete(articleId);
  }

  private changed(): void {
    this.indexStale = true;
    this.changeCount += 1;
    this.scheduleSave();
  }

  private currentIndex(): lunr.Index {
    if (!this.indexStale) return this.index;
    const analyzed = this.requireAnalyzed();
    const started = performance.now();
    this.index = buildLunrIndex(
      [...this.docs.keys()].flatMap((ref): [string, AnalyzedDoc][] => {
        const fields = analyzed.get(ref);
        return fields === undefined ? [] : [[ref, fields]];
      }),
    );
    this.lastBuildMs = performance.now() - started;
    this.indexStale = false;
    return this.index;
  }

  private scheduleSave(): void {
    this.clearSaveTimer();
    const delay = Math.min(
      MAX_SAVE_DELAY_MS,
      Math.max(this.saveDelayMs, this.lastBuildMs * SAVE_DELAY_PER_BUILD),
    );
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.save().catch((error: unknown) => this.log('could not save the search index', error));
    }, delay);
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
    // store.save serializes before its first await, so later changes cannot leak in half-way.
    const checksum = await this.store.save({
      index: this.currentIndex(),
      fingerprints: this.fingerprints,
      docs: this.docs,
      analyzed: this.requireAnalyzed(),
    });
    this.termsChecksum = checksum;
    this.savedChangeCount = savedAt;
  }
}

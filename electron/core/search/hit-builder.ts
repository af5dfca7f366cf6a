/**
 * Turns a ranked candidate into what the user sees: confirms phrases against the real text (Lunr
 * has no phrase operator, lunr #62) and builds the snippet and reader passage from text.txt of the
 * hit, re-tokenized with the index's own pipeline (positions are not kept in the index, docs/research/lunr.md §D5).
 */
import type { ArticleFormat, SearchHit } from '../../shared/models';
import { hitPlaces } from '../../shared/search-totals';
import type { PlannedPhrase } from './lunr-query';
import { matchedTerms, type Candidate } from './run-query';
import type { IndexField } from './search-fields';
import type { StoredDoc } from './segment-store';
import { mayHoldPairs, phrasePairs } from './pair-filter';
import { readArticleText } from './read-text';
import { buildSnippet, containsPhrase, findMatches, matchedSurfaceWords, snippetsOf, type MatchSpec } from './snippet';

/** The places of an article's text a result lists under it. */
const MAX_PASSAGES = 3;

/**
 * The texts of one document, read at most once per query, articles' body from text.txt. Read
 * synchronously: this runs in the search worker, and for a 5 KB file from the page cache the
 * four thread-pool round trips of an async read cost more than the read (most of a query's time).
 */
export class DocumentTexts {
  private body: string | null = null;

  constructor(
    readonly doc: StoredDoc,
    private readonly libraryDir: string,
    /** the body's next-word filter (pair-filter.ts), when the index has one */
    private readonly pairFilter: Uint32Array | null = null,
  ) {}

  /** False when the body cannot hold the phrase (nor any other text): decided without reading text.txt. */
  bodyMayHold(pairs: readonly number[]): boolean {
    return this.body !== null || this.pairFilter === null || mayHoldPairs(this.pairFilter, pairs);
  }

  field(field: IndexField): string[] {
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
        return [this.bodyText()];
    }
  }

  bodyText(): string {
    if (this.doc.kind !== 'article') return this.doc.quote;
    this.body ??= readArticleText(this.libraryDir, this.doc.articleId);
    return this.body;
  }
}


/** In-memory fields first: text.txt is read only when the cheap fields cannot decide. */
const PHRASE_FIELD_ORDER: readonly IndexField[] = ['title', 'byline', 'siteName', 'tags', 'notes', 'body'];

/** Each phrase's neighbouring pairs, hashed once per query (plans are made per query). */
const pairsOfPhrase = new WeakMap<PlannedPhrase, number[]>();

export function pairsOf(phrase: PlannedPhrase): number[] {
  let pairs = pairsOfPhrase.get(phrase);
  if (pairs === undefined) pairsOfPhrase.set(phrase, (pairs = phrasePairs(phrase.words)));
  return pairs;
}

function phraseOccurs(texts: DocumentTexts, phrase: PlannedPhrase): boolean {
  const fields = phrase.field === null ? PHRASE_FIELD_ORDER : [phrase.field];
  for (const field of fields) {
    if (field === 'body' && !texts.bodyMayHold(pairsOf(phrase))) continue;
    for (const text of texts.field(field)) {
      if (text !== '' && containsPhrase(text, phrase.words)) return true;
    }
  }
  return false;
}

export function phrasesHold(texts: DocumentTexts, phrases: readonly PlannedPhrase[]): boolean {
  for (const phrase of phrases) {
    const occurs = phraseOccurs(texts, phrase);
    if (occurs !== (phrase.presence === 'required')) return false;
  }
  return true;
}


function matchSpec(candidate: Candidate, phrases: readonly PlannedPhrase[]): MatchSpec {
  return { terms: matchedTerms(candidate), phrases: phrases.map((phrase) => phrase.words) };
}

/** The places of a confirmed candidate that is counted but not shown (a page before this one). */
export function candidatePlaces(texts: DocumentTexts, candidate: Candidate, phrases: readonly PlannedPhrase[]): number {
  if (texts.doc.kind !== 'article') return 1;
  const text = texts.bodyText();
  const matches = findMatches(text, matchSpec(candidate, phrases), texts.doc.lang);
  return hitPlaces({ kind: 'article', passageCount: snippetsOf(text, matches.words, MAX_PASSAGES).places });
}

/** The hit for a confirmed candidate, with its snippet and where the reader should open. */
export function buildHit(
  texts: DocumentTexts,
  candidate: Candidate,
  phrases: readonly PlannedPhrase[],
): SearchHit {
  const { doc } = texts;
  const spec = matchSpec(candidate, phrases);
  const base = {
    articleId: doc.articleId,
    annotationId: doc.annotationId,
    title: doc.title,
    kind: doc.kind,
    score: candidate.score,
    // The index stores only the ArticleFormat it was given (its manifest checks just "a string").
    format: doc.format as ArticleFormat | null,
    date: doc.date,
  };
  if (doc.kind === 'article') {
    const text = texts.bodyText();
    const matches = findMatches(text, spec, doc.lang);
    const { snippets, places } = snippetsOf(text, matches.words, MAX_PASSAGES);
    const [snippet, ...more] = snippets as [(typeof snippets)[number], ...typeof snippets];
    return {
      ...base,
      snippet: snippet.html,
      // Open where the snippet is; a phrase opens at its first confirmed occurrence, whole.
      passage: phrases.length > 0 ? matches.first : (snippet.focus ?? matches.first),
      terms: matchedSurfaceWords(text, matches.words),
      morePassages: more.map((other) => ({ snippet: other.html, passage: other.focus })),
      passageCount: places,
    };
  }
  // A bookmark or note shows what the user wrote when that is what matched, else the passage.
  const inNote = findMatches(doc.note, spec, doc.lang);
  const inQuote = findMatches(doc.quote, spec, doc.lang);
  const showNote = inNote.words.length > 0 || (inQuote.words.length === 0 && doc.note.trim() !== '');
  const snippet = showNote ? buildSnippet(doc.note, inNote.words) : buildSnippet(doc.quote, inQuote.words);
  const terms = [
    ...new Set([...matchedSurfaceWords(doc.quote, inQuote.words), ...matchedSurfaceWords(doc.note, inNote.words)]),
  ];
  return { ...base, snippet, passage: doc.passage, terms };
}

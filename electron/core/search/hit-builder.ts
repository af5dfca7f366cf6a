/**
 * Turns a ranked candidate into what the user sees: confirms phrases against the real text (Lunr
 * has no phrase operator, lunr #62) and builds the snippet and reader passage from text.txt of the
 * hit, re-tokenized with the index's own pipeline (positions are not kept in the index, §D5).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SearchHit } from '../../shared/models';
import { idSchema } from '../../shared/validators';
import type { Candidate, PlannedPhrase } from './lunr-query';
import type { IndexField } from './search-fields';
import type { StoredDoc } from './segment-store';
import { buildSnippet, containsPhrase, findMatches, matchedSurfaceWords, snippetFocus, type MatchSpec } from './snippet';

/** The texts of one document, read at most once per query, articles' body from text.txt. */
export class DocumentTexts {
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

export async function phrasesHold(texts: DocumentTexts, phrases: readonly PlannedPhrase[]): Promise<boolean> {
  for (const phrase of phrases) {
    const occurs = await phraseOccurs(texts, phrase);
    if (occurs !== (phrase.presence === 'required')) return false;
  }
  return true;
}


/** The hit for a confirmed candidate, with its snippet and where the reader should open. */
export async function buildHit(
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
    const matches = findMatches(text, spec, doc.lang);
    return {
      ...base,
      snippet: buildSnippet(text, matches.words),
      // Open where the snippet is; a phrase opens at its first confirmed occurrence, whole.
      passage: phrases.length > 0 ? matches.first : (snippetFocus(text, matches.words) ?? matches.first),
      terms: matchedSurfaceWords(text, matches.words),
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

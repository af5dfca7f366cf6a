/**
 * The last step of relevance ranking, over the best few hundred candidates BM25 found: what a
 * person means when the words alone are equal. A title typed in full (or a run of it) is the
 * article they want, and their own bookmarks and notes are what they meant to find. Only the
 * pool is reranked: the bonuses need the stored title and kind of each candidate, in memory but
 * not in the postings.
 */
import type { ParsedQuery } from './query-parser';
import type { Candidate } from './run-query';
import type { StoredDoc } from './segment-store';
import { foldWord, pushWord, scanWords, tokenize, type WordToken } from './text-pipeline';

/** How many of the best candidates are reranked (more than a page, so a page is never short of a boosted hit). */
export const RERANK_POOL = 200;
/** A bookmark or note matching as well as its article's text ranks above it. */
const ANNOTATION_BOOST = 1.5;
/** The query's words appear together, in order, in the title. */
const TITLE_RUN_BONUS = 1;

function foldedWords(text: string): string[] {
  const words: string[] = [];
  for (const token of tokenize(text)) {
    const word = foldWord(token.text);
    if (word !== null) words.push(word);
  }
  return words;
}

/** The words a person typed to find something, in order (excluded words left out). */
export function wantedWords(parsed: ParsedQuery): string[] {
  const words: string[] = [];
  for (const clause of parsed.clauses) {
    if (clause.presence === 'prohibited') continue;
    for (const word of clause.kind === 'term' ? [clause.word] : clause.words) {
      const folded = foldWord(word);
      if (folded !== null) words.push(folded);
    }
  }
  return words;
}

function containsRun(words: readonly string[], run: readonly string[]): boolean {
  if (run.length < 2 || run.length > words.length) return false;
  for (let i = 0; i + run.length <= words.length; i += 1) {
    let k = 0;
    while (k < run.length && words[i + k] === run[k]) k += 1;
    if (k === run.length) return true;
  }
  return false;
}

/**
 * 1 for a title the query says nothing particular about, up to 3 for a title typed in full: the
 * share of the query found in the title times the share of the title the query holds, plus one
 * when the query's words run in the title as typed.
 */
export function titleFactor(title: string, words: readonly string[]): number {
  if (words.length === 0) return 1;
  const titleWords = foldedWords(title);
  if (titleWords.length === 0) return 1;
  const inQuery = new Set(words);
  const inTitle = new Set(titleWords);
  const queryShare = words.filter((word) => inTitle.has(word)).length / words.length;
  const titleShare = titleWords.filter((word) => inQuery.has(word)).length / titleWords.length;
  return 1 + queryShare * titleShare + (containsRun(titleWords, words) ? TITLE_RUN_BONUS : 0);
}

/**
 * Gives the pool's candidates their final scores, in place (candidates are made per query): no
 * copy of the candidate list, which for a common word holds every document of the library.
 */
export function rerank(pool: readonly Candidate[], words: readonly string[], docOf: (key: string) => StoredDoc | undefined): void {
  const factors = new Map<string, number>();
  for (const candidate of pool) {
    const doc = docOf(candidate.ref);
    if (doc === undefined) continue;
    // An article's bookmarks carry its title: computed once per article.
    let factor = factors.get(doc.articleId);
    if (factor === undefined) factors.set(doc.articleId, (factor = titleFactor(doc.title, words)));
    if (doc.kind !== 'article') factor *= ANNOTATION_BOOST;
    candidate.score *= factor;
  }
}

/** From this many words on, the order of the query's words is worth reading texts for. */
export const SEQUENCE_MIN_WORDS = 4;
/** How many of the best candidates have their text read for it. */
export const SEQUENCE_POOL = 30;
/** A text holding every pair of neighbouring query words as neighbours scores this much more. */
const SEQUENCE_BONUS = 10;

/** The pairs of neighbouring words of the query (`call me`, `me ishmael`). */
function wordPairs(words: readonly string[]): Set<string> {
  const pairs = new Set<string>();
  for (let i = 1; i < words.length; i += 1) pairs.add(`${words[i - 1]} ${words[i]}`);
  return pairs;
}

/**
 * 1, up to 1 + SEQUENCE_BONUS when the text holds the query's words in the order typed, by the
 * square of the share of its neighbouring pairs that are neighbours in the text. Runs over the
 * text of the best few candidates of every long query (`texts` is read lazily: a title holding
 * every pair spares reading the body), so plain ASCII words are lowercased in
 * place of going through the memo of foldWord (looking every word up in it was most of the time).
 */
export function sequenceFactor(texts: Iterable<string>, words: readonly string[]): number {
  const pairs = wordPairs(words);
  if (pairs.size === 0) return 1;
  const wanted = new Set(words);
  let shortest = Infinity;
  let longest = 0;
  for (const word of wanted) {
    shortest = Math.min(shortest, word.length);
    longest = Math.max(longest, word.length);
  }
  const found = new Set<string>();
  let previous: string | null = null;
  const visit = (word: string | null): void => {
    if (word === null || !wanted.has(word)) {
      previous = null;
      return;
    }
    if (previous !== null) {
      const pair = `${previous} ${word}`;
      if (pairs.has(pair)) found.add(pair);
    }
    previous = word;
  };
  for (const text of texts) {
    previous = null;
    const parts: WordToken[] = [];
    scanWords(text, (start, end, simple) => {
      if (simple) {
        // Folding an ASCII word is lowercasing it; a word of another length is no query word.
        visit(end - start < shortest || end - start > longest ? null : text.slice(start, end).toLowerCase());
        return;
      }
      parts.length = 0;
      pushWord(parts, text.slice(start, end), start);
      for (const part of parts) {
        const word = foldWord(part.text);
        if (word !== null) visit(word);
      }
    });
    if (found.size === pairs.size) break;
  }
  const share = found.size / pairs.size;
  // Squared: a pair or two occur anywhere; most of a sentence's pairs only where it came from.
  return 1 + SEQUENCE_BONUS * share * share;
}

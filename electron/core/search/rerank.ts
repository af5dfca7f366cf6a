/**
 * The last step of relevance ranking, over the best few hundred candidates BM25 found: what a
 * person means when the words alone are equal. A title typed in full (or a run of it) is the
 * article they want, and their own bookmarks and notes are what they meant to find. Only the
 * pool is reranked: the bonuses need the stored title and kind of each candidate, in memory but
 * not in the postings. Then the best few have their text read: a document holding the words as
 * typed ranks above one holding other forms of them (the index keeps stems only), and a long
 * query's words in the order typed rank higher still. A near miss of a `word~N` never ranks above a
 * document holding the word itself.
 *
 * Every factor here is at least 1: ranking never lowers a score, so the best of all matches after
 * it are among the pool it raised (the engine picks the page from the pool alone).
 */
import { compiledSearch } from './compiled-search';
import type { PlannedTerm, QueryPlan } from './lunr-query';
import type { ParsedQuery } from './query-parser';
import { matchedTerms, type Candidate, type Matches } from './run-query';
import type { DocColumns } from './manifest';
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

/**
 * The folded words of a title. The engine keeps them per document once made (doc-table.ts): a
 * common word's pool is the same few hundred documents query after query, and tokenizing their
 * titles each time was a sixth of its cost.
 */
export const titleWords = (title: string): readonly string[] => foldedWords(title);

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
  return titleWordsFactor(foldedWords(title), words);
}

function titleWordsFactor(titleWords: readonly string[], words: readonly string[], inQuery: ReadonlySet<string> = new Set(words)): number {
  if (words.length === 0 || titleWords.length === 0) return 1;
  // Titles and queries are a few words: counted by scanning, no set per title (the pool is 200 titles per query).
  let queryHeld = 0;
  for (const word of words) if (titleWords.includes(word)) queryHeld += 1;
  if (queryHeld === 0) return 1;
  let titleHeld = 0;
  for (const word of titleWords) if (inQuery.has(word)) titleHeld += 1;
  const queryShare = queryHeld / words.length;
  const titleShare = titleHeld / titleWords.length;
  return 1 + queryShare * titleShare + (containsRun(titleWords, words) ? TITLE_RUN_BONUS : 0);
}

/**
 * Gives the pool's candidates their final scores, in place (candidates are made per query): no
 * copy of the candidate list, which for a common word holds every document of the library.
 */
export function rerank(
  pool: readonly Candidate[],
  words: readonly string[],
  columns: Pick<DocColumns, 'articleId' | 'kind'>,
  titleWordsOf: (row: number) => readonly string[],
): void {
  const factors = new Map<string, number>();
  const inQuery = new Set(words);
  for (const candidate of pool) {
    // Read from the columns: an object per candidate (the pool is 200 per query) was most of this step.
    const articleId = columns.articleId[candidate.row]!;
    // An article's bookmarks carry its title: computed once per article.
    let factor = factors.get(articleId);
    if (factor === undefined) factors.set(articleId, (factor = titleWordsFactor(titleWordsOf(candidate.row), words, inQuery)));
    if (columns.kind[candidate.row] !== 'article') factor *= ANNOTATION_BOOST;
    candidate.score *= factor;
  }
}

/** From this many words on, the order of the query's words is worth reading texts for. */
export const SEQUENCE_MIN_WORDS = 4;
/** How many of the best candidates have their text read for the words as typed and their order. */
export const TEXT_POOL = 30;
/** A text holding every pair of neighbouring query words as neighbours scores this much more. */
const SEQUENCE_BONUS = 10;

/**
 * The pairs of neighbouring words of the query (`call me`, `me ishmael`). With `content` (the
 * words the query looks for, its common words left out), only pairs holding one of them: `what
 * is` or `of the` are neighbours in any long text and would make a book look like the source of
 * every question.
 */
function wordPairs(words: readonly string[], content?: ReadonlySet<string>): Set<string> {
  const pairs = new Set<string>();
  for (let i = 1; i < words.length; i += 1) {
    if (content !== undefined && !content.has(words[i - 1]!) && !content.has(words[i]!)) continue;
    pairs.add(`${words[i - 1]} ${words[i]}`);
  }
  return pairs;
}

/**
 * 1, up to 1 + SEQUENCE_BONUS when the text holds the query's words in the order typed, by the
 * square of the share of its neighbouring pairs that are neighbours in the text. Runs over the
 * text of the best few candidates of every long query (`texts` is read lazily: a title holding
 * every pair spares reading the body), so plain ASCII words are lowercased in
 * place of going through the memo of foldWord (looking every word up in it was most of the time).
 */
export function sequenceFactor(texts: Iterable<string>, words: readonly string[], content?: ReadonlySet<string>): number {
  const pairs = wordPairs(words, content);
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

/** The query's plain words as typed (lowercased), each once: what `wordsAsTyped` looks for. */
export function typedWords(plan: QueryPlan): string[] {
  const words = new Set<string>();
  for (const term of plan.terms) if (term.presence === 'required' && term.typed !== undefined) words.add(term.typed);
  return [...words];
}

/** The words a query looks for (folded, as `wantedWords` are), its optional common words left out. */
export function contentWords(plan: QueryPlan, parsed: ParsedQuery): Set<string> {
  const common = new Set<string>();
  for (const term of plan.terms) if (term.presence === 'optional' && term.typed !== undefined) common.add(term.typed);
  const content = new Set<string>();
  for (const clause of parsed.clauses) {
    if (clause.presence === 'prohibited') continue;
    const words = clause.kind === 'term' ? (common.has(clause.word.toLowerCase()) ? [] : [clause.word]) : clause.words;
    for (const word of words) {
      const folded = foldWord(word);
      if (folded !== null) content.add(folded);
    }
  }
  return content;
}

/** A document holding every word as typed (not only its stem) scores this much more. */
const TYPED_BONUS = 1;

const ASCII_WORD = /^[a-z0-9]+$/;
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;

function isWordCharacter(character: string): boolean {
  const code = character.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return WORD_CHARACTER.test(character);
}

/**
 * Whether `text` holds `word` (lowercase ASCII letters and digits), case aside, as a whole word:
 * one case-insensitive native search (a lowercased copy of each text was a tenth of a one-word
 * query's time, and most of its garbage).
 */
function holdsAsciiWord(text: string, word: string): boolean {
  const search = compiledSearch(word);
  for (let found = search.exec(text); found !== null; found = search.exec(text)) {
    const at = found.index;
    const before = at === 0 ? '' : text.charAt(at - 1);
    const after = text.charAt(at + word.length);
    if ((before === '' || !isWordCharacter(before)) && (after === '' || !isWordCharacter(after))) return true;
    search.lastIndex = at + 1;
  }
  return false;
}

/**
 * How many of `words` (as typed, lowercased) the texts hold as they are, not as another word of the
 * same stem: `running` is not held by a text saying only `runs`. ASCII words are found by a
 * case-insensitive native search; others by folding the text's words (accents and case aside, a
 * word as typed is the word). `texts` is read lazily: a title holding every word spares the body.
 */
export function wordsAsTyped(texts: Iterable<string>, words: readonly string[]): number {
  const missing = new Set(words);
  const ascii = words.filter((word) => ASCII_WORD.test(word));
  // Typed with accents or in another script: compared folded, as the index compares words.
  const other = new Map<string, string>();
  for (const word of words) {
    const folded = ASCII_WORD.test(word) ? null : foldWord(word);
    if (folded !== null) other.set(folded, word);
  }
  for (const text of texts) {
    if (text === '') continue;
    for (const word of ascii) if (missing.has(word) && holdsAsciiWord(text, word)) missing.delete(word);
    if ([...other.values()].some((word) => missing.has(word))) {
      const parts: WordToken[] = [];
      scanWords(text, (start, end, simple) => {
        if (simple) return;
        parts.length = 0;
        pushWord(parts, text.slice(start, end), start);
        for (const part of parts) {
          const folded = foldWord(part.text);
          const typed = folded === null ? undefined : other.get(folded);
          if (typed !== undefined) missing.delete(typed);
        }
      });
    }
    if (missing.size === 0) break;
  }
  return words.length - missing.size;
}

/** 1, up to 1 + TYPED_BONUS for a document holding every word of the query as typed. */
export function typedFactor(texts: Iterable<string>, words: readonly string[]): number {
  return words.length === 0 ? 1 : 1 + (TYPED_BONUS * wordsAsTyped(texts, words)) / words.length;
}

/** The index terms that stand for a word asked with `~N` itself (its stems), not its near misses. */
function ownTerms(term: PlannedTerm): string[] {
  return [term.term, ...term.alternatives];
}

/**
 * `word~N` matches the word and its near misses at once (a near miss scores half). A near miss
 * in a title can still outscore the word itself in a body, so every candidate that holds none of
 * the index terms of such a word itself is moved, order kept, below the lowest candidate that
 * holds them all. Checks only the postings; done for queries with `~` only.
 */
export function nearMissesLast(matches: Matches, plan: QueryPlan): void {
  const fuzzy = plan.terms.filter((term) => term.presence === 'required' && term.editDistance > 0 && !term.prefix);
  if (fuzzy.length === 0) return;
  const nearMisses: Candidate[] = [];
  let lowestExact = Infinity;
  for (let i = 0; i < matches.size; i += 1) {
    const candidate = matches.candidate(i);
    const matched = matchedTerms(candidate);
    const exact = fuzzy.every((term) => ownTerms(term).some((own) => matched.has(own)));
    if (exact) lowestExact = Math.min(lowestExact, candidate.score);
    else nearMisses.push(candidate);
  }
  if (nearMisses.length === 0 || lowestExact === Infinity) return;
  const highestNearMiss = Math.max(...nearMisses.map((candidate) => candidate.score));
  if (highestNearMiss < lowestExact) return;
  const scale = (lowestExact / highestNearMiss) * NEAR_MISS_MARGIN;
  for (const candidate of nearMisses) {
    candidate.score *= scale;
    matches.rescore(candidate);
  }
}

/** Keeps a near miss strictly below the word itself, never tied with it. */
const NEAR_MISS_MARGIN = 0.99;

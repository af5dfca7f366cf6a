/**
 * Finds what a query matched in one displayed text and turns it into a snippet. Positions are not
 * stored in the index (docs/research/lunr.md §D5): the text of a top hit is re-tokenized with the same pipeline,
 * so offsets are exact in the original string (Lunr's own offsets drift after `İ` and include
 * punctuation, §A1).
 */
import { compiledSearch } from './compiled-search';
import type { TextSpan } from '../../shared/models';
import { foldWord, isCjkUnit, MAX_TERM_LENGTH, tokenize, unitKind, type WordToken } from './text-pipeline';
import { matchesTerm, merged, termSpans } from './term-spans';

export interface MatchSpec {
  /** index terms that matched (stems, after prefix/fuzzy expansion) */
  terms: ReadonlySet<string>;
  /** phrases to mark, as folded words */
  phrases: readonly (readonly string[])[];
}

export interface TextMatches {
  /** every matched word, in text order, without overlaps */
  words: TextSpan[];
  /** the first phrase occurrence if a phrase matched, else the first matched word */
  first: TextSpan | null;
}

/**
 * The words of a text, folded only when looked at: most words of a hit's text cannot match, and
 * folding (two Unicode normalizations) every one of them was most of a query's time.
 */
class FoldedWords {
  readonly tokens: WordToken[];
  private readonly cache: (string | null | undefined)[];

  constructor(text: string) {
    // Tokens that fold to nothing are not words (as in the index).
    this.tokens = tokenize(text);
    this.cache = new Array<string | null | undefined>(this.tokens.length);
  }

  folded(i: number): string | null {
    let word = this.cache[i];
    if (word === undefined) this.cache[i] = word = foldWord(this.tokens[i]!.text);
    return word;
  }

  /** The next token at or after `i` that is a word. */
  nextWord(i: number): number {
    let at = i;
    while (at < this.tokens.length && this.folded(at) === null) at += 1;
    return at;
  }
}

/**
 * Cheap rejection before folding: a word starting with an ASCII character folds to a word
 * starting with that character in lower case, and stems keep their word's first letter.
 */
function mayStartWith(token: string, firsts: ReadonlySet<string>): boolean {
  return token.charCodeAt(0) >= 128 || firsts.has(token.charAt(0).toLowerCase());
}

/** Token indices of each occurrence of the phrase: consecutive words equal to its words. */
function phraseOccurrences(words: FoldedWords, phrase: readonly string[], first = false): number[][] {
  const found: number[][] = [];
  const firsts = new Set([phrase[0]!.charAt(0)]);
  for (let i = 0; i < words.tokens.length; i += 1) {
    if (!mayStartWith(words.tokens[i]!.text, firsts) || words.folded(i) !== phrase[0]) continue;
    const at = [i];
    let next = i;
    for (let k = 1; k < phrase.length; k += 1) {
      next = words.nextWord(next + 1);
      if (next >= words.tokens.length || words.folded(next) !== phrase[k]) break;
      at.push(next);
    }
    if (at.length !== phrase.length) continue;
    found.push(at);
    if (first) break;
  }
  return found;
}

/**
 * ASCII control characters (word characters that folding trims) and anything beyond ASCII but the
 * separators most texts are full of (no-break space, dashes, curly quotes, bullets, box drawing).
 */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const OTHER = /[^\x09-\x0d\x20-\x7e\u00a0\u2010-\u2027\u2500-\u257f]/g;

/**
 * Whether a word of the text may fold to something other than its lowercase: it holds a control
 * character or a non-ASCII word character other than CJK (é, ß, ﬁ, Ａ…). Curly quotes, dashes and
 * box drawing are separators and do not count: most texts hold some.
 */
function hasFoldingWords(text: string): boolean {
  OTHER.lastIndex = 0;
  for (let match = OTHER.exec(text); match !== null; match = OTHER.exec(text)) {
    const code = text.charCodeAt(match.index);
    if (unitKind(code) !== 0 && !isCjkUnit(code)) return true;
  }
  return false;
}

const PLAIN_WORD = /^[a-z0-9]+$/;

const isPlainPhrase = (phrase: readonly string[]): boolean =>
  phrase.every((word) => PLAIN_WORD.test(word) && word.length < MAX_TERM_LENGTH);

function onlySeparators(gap: string): boolean {
  for (let i = 0; i < gap.length; i += 1) if (unitKind(gap.charCodeAt(i)) !== 0) return false;
  return true;
}

/**
 * A plain phrase in a text whose words all fold to their lowercase: its words, ASCII case aside,
 * each a whole word, with only separators (what the tokenizer splits on) between them. Searched
 * without Unicode mode (a case-insensitive Unicode-class search was four times slower than
 * tokenizing), so the gaps are checked apart: a CJK character between two words is a word.
 */
function plainPhraseMatches(text: string, phrase: readonly string[], visit: (found: RegExpExecArray) => boolean): void {
  // The word start is checked here, not with a lookbehind: a pattern that starts with its first
  // word's letters lets the regex engine skip ahead to them (5× faster measured).
  const search = compiledSearch(`${phrase.join('([^A-Za-z0-9]+)')}(?![A-Za-z0-9])`);
  for (let found = search.exec(text); found !== null; found = search.exec(text)) {
    const wordStart = found.index === 0 || unitKind(text.charCodeAt(found.index - 1)) !== 1;
    if (wordStart && found.slice(1).every((gap) => onlySeparators(gap ?? '')) && !visit(found)) return;
    search.lastIndex = found.index + 1;
  }
}

function holdsPlainPhrase(text: string, phrase: readonly string[]): boolean {
  let holds = false;
  plainPhraseMatches(text, phrase, () => {
    holds = true;
    return false;
  });
  return holds;
}

/**
 * Every occurrence of plain phrases in a text whose words all fold to their lowercase, with the
 * words of the matched terms, found by native searches without tokenizing the text (a phrase
 * query's hits otherwise had every word of their text cut and looked at for the snippet).
 */
function plainPhraseMatchesOf(text: string, spec: MatchSpec, lang: string | undefined): TextMatches {
  const spans = termSpans(text, spec.terms, lang);
  let first: TextSpan | null = null;
  for (const phrase of spec.phrases) {
    if (phrase.length === 0) continue;
    plainPhraseMatches(text, phrase, (found) => {
      // ASCII words matched case-insensitively have their typed length; the gaps are captured.
      let at = found.index;
      phrase.forEach((word, k) => {
        spans.push({ start: at, end: at + word.length });
        at += word.length + (found[k + 1]?.length ?? 0);
      });
      if (first === null || found.index < first.start) first = { start: found.index, end: found.index + found[0].length };
      return true;
    });
  }
  const words = merged(spans);
  return { words, first: first ?? words[0] ?? null };
}

/** Case- and diacritic-insensitive, on word boundaries: `"fuad hussein"` in `Fuad Hussein's`. */
export function containsPhrase(text: string, phrase: readonly string[]): boolean {
  if (phrase.length === 0) return true;
  // One native search instead of tokenizing the text, for most texts and phrases: a phrase query
  // checks many candidates, best first, until enough hold the phrase.
  if (isPlainPhrase(phrase) && !hasFoldingWords(text)) return holdsPlainPhrase(text, phrase);
  return phraseOccurrences(new FoldedWords(text), phrase, true).length > 0;
}


/** `lang`: the language the text's words were stemmed in when indexed. */
export function findMatches(text: string, spec: MatchSpec, lang?: string): TextMatches {
  if (spec.phrases.every((phrase) => phrase.length === 0)) {
    const spans = termSpans(text, spec.terms, lang);
    return { words: spans, first: spans[0] ?? null };
  }
  if (spec.phrases.every((phrase) => phrase.length === 0 || isPlainPhrase(phrase)) && !hasFoldingWords(text)) {
    return plainPhraseMatchesOf(text, spec, lang);
  }
  const words = new FoldedWords(text);
  const { tokens } = words;
  const marked = new Array<boolean>(tokens.length).fill(false);
  let firstPhrase: TextSpan | null = null;

  for (const phrase of spec.phrases) {
    if (phrase.length === 0) continue;
    for (const at of phraseOccurrences(words, phrase)) {
      for (const i of at) marked[i] = true;
      const span = { start: tokens[at[0]!]!.start, end: tokens[at[at.length - 1]!]!.end };
      if (firstPhrase === null || span.start < firstPhrase.start) firstPhrase = span;
    }
  }
  if (spec.terms.size > 0) {
    const firsts = new Set([...spec.terms].map((term) => term.charAt(0)));
    for (let i = 0; i < tokens.length; i += 1) {
      if (marked[i] || !mayStartWith(tokens[i]!.text, firsts)) continue;
      if (matchesTerm(tokens[i]!.text, spec.terms, lang)) marked[i] = true;
    }
  }

  const spans: TextSpan[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    if (!marked[i]) continue;
    const last = spans[spans.length - 1];
    // CJK bigrams overlap (图书, 书馆): overlapping matches are one marked span.
    if (last !== undefined && tokens[i]!.start < last.end) last.end = Math.max(last.end, tokens[i]!.end);
    else spans.push({ start: tokens[i]!.start, end: tokens[i]!.end });
  }
  return { words: spans, first: firstPhrase ?? spans[0] ?? null };
}

/** Each distinct matched word as it appears in the text, in order of first appearance. */
export function matchedSurfaceWords(text: string, words: readonly TextSpan[], max = 50): string[] {
  const seen = new Set<string>();
  for (const span of words) {
    seen.add(text.slice(span.start, span.end));
    if (seen.size >= max) break;
  }
  return [...seen];
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Line breaks and runs of spaces read as one space in a one-line snippet. */
function display(text: string): string {
  return escapeHtml(text.replace(/\s+/g, ' '));
}

export const SNIPPET_WIDTH = 200;
/** Context kept before the first match of the window, when there is room. */
const LEAD = 40;
/** How far a cut may move to land between words before it gives up and cuts the word. */
const ALIGN_REACH = 30;

const isSpace = (text: string, i: number): boolean => /\s/.test(text.charAt(i));

/**
 * The window of `width` characters holding the most distinct matched words, then the most matches.
 * One pass with two pointers and a count per distinct word: a common word matched 50 times in a
 * hit made the former window-by-window sets most of a query's time.
 */
function bestWindow(text: string, words: readonly TextSpan[], width: number, { ids, distinct: kinds } = wordIds(text, words)): TextSpan {
  if (words.length === 0) return { start: 0, end: Math.min(text.length, width) };
  const counts = new Int32Array(kinds);
  let distinct = 0;
  const add = (k: number): void => {
    const id = ids[k]!;
    if (counts[id] === 0) distinct += 1;
    counts[id] = counts[id]! + 1;
  };
  let bestFrom = 0;
  let bestTo = 1;
  let bestScore = -1;
  let to = 0;
  for (let from = 0; from < words.length; from += 1) {
    // The window always holds its first word, even one longer than `width`.
    if (to === from) {
      add(to);
      to += 1;
    }
    while (to < words.length && words[to]!.end - words[from]!.start <= width) {
      add(to);
      to += 1;
    }
    const score = distinct * 1000 + (to - from);
    if (score > bestScore) {
      bestScore = score;
      bestFrom = from;
      bestTo = to;
    }
    const leaving = ids[from]!;
    counts[leaving] = counts[leaving]! - 1;
    if (counts[leaving] === 0) distinct -= 1;
  }
  const first = words[bestFrom]!;
  const last = words[bestTo - 1]!;
  const slack = Math.max(0, width - (last.end - first.start));
  const start = Math.max(0, first.start - Math.min(LEAD, slack));
  return { start, end: Math.min(text.length, start + width) };
}

/** Each matched word's number (the same for the same word, case aside), and how many there are. */
interface WordIds {
  ids: Int32Array;
  distinct: number;
}

function wordIds(text: string, words: readonly TextSpan[]): WordIds {
  const ids = new Int32Array(words.length);
  const idOf = new Map<string, number>();
  for (let k = 0; k < words.length; k += 1) {
    const key = text.slice(words[k]!.start, words[k]!.end).toLowerCase();
    let id = idOf.get(key);
    if (id === undefined) idOf.set(key, (id = idOf.size));
    ids[k] = id;
  }
  return { ids, distinct: idOf.size };
}

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Moves the cuts to word boundaries, never dropping a matched word of the window. */
function alignToWords(text: string, window: TextSpan, words: readonly TextSpan[]): TextSpan {
  let { start, end } = window;
  const inside = words.filter((w) => w.start >= start && w.end <= end);
  const firstMatch = inside[0]?.start ?? end;
  const lastMatch = inside[inside.length - 1]?.end ?? start;
  if (start > 0 && !isSpace(text, start - 1)) {
    let s = start;
    while (s < firstMatch && s - start < ALIGN_REACH && !isSpace(text, s)) s += 1;
    if (s < firstMatch && isSpace(text, s)) start = s + 1;
  }
  if (end < text.length && !isSpace(text, end)) {
    let e = end;
    while (e > lastMatch && end - e < ALIGN_REACH && !isSpace(text, e - 1)) e -= 1;
    if (e > lastMatch && isSpace(text, e - 1)) end = e;
  }
  // Never split a surrogate pair.
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start -= 1;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end += 1;
  return { start, end };
}

const NOT_SPACE = /\S/g;

/** Whether anything but white space follows `from`, without copying the rest of the text. */
function textGoesOn(text: string, from: number): boolean {
  NOT_SPACE.lastIndex = from;
  return NOT_SPACE.test(text);
}

export interface Snippet {
  /**
   * About `width` characters around the densest cluster of matches, cut between words, `…` where
   * the text goes on, HTML-escaped, matched words wrapped in `<mark>`.
   */
  html: string;
  /**
   * The first matched word shown: where the reader should open so that the user lands on the
   * passage the snippet showed, not on an earlier, weaker match.
   */
  focus: TextSpan | null;
  /** the part of the text shown */
  window: TextSpan;
}

/**
 * `marked`: the words marked in it (by default those it was chosen for); `ids`: the words'
 * numbers, when the caller has them already.
 */
export function snippetOf(text: string, words: readonly TextSpan[], width = SNIPPET_WIDTH, marked = words, ids?: WordIds): Snippet {
  const window = alignToWords(text, bestWindow(text, words, width, ids ?? wordIds(text, words)), words);
  const { start, end } = window;
  let html = '';
  let at = start;
  let focus: TextSpan | null = null;
  for (const word of marked) {
    if (word.start < start || word.end > end) continue;
    focus ??= { start: word.start, end: word.end };
    html += display(text.slice(at, word.start));
    html += `<mark>${escapeHtml(text.slice(word.start, word.end))}</mark>`;
    at = word.end;
  }
  html += display(text.slice(at, end));
  const body = html.trim();
  if (body === '') return { html: '', focus, window };
  return { html: `${start > 0 ? '…' : ''}${body}${end < text.length && textGoesOn(text, end) ? '…' : ''}`, focus, window };
}

/** How many snippets of `width` it takes to show every matched word (one, left to right, per gap). */
function windowCount(words: readonly TextSpan[], width: number): number {
  let count = 0;
  let from = -Infinity;
  for (const word of words) {
    if (word.end - from <= width) continue;
    count += 1;
    from = word.start;
  }
  return count;
}

/**
 * The best `max` snippets of a text that do not overlap, best first (each chosen, as snippetOf
 * does, among the matches the earlier ones do not show), and how many places in all the matches
 * make: the passages a result lists under its article.
 */
export function snippetsOf(text: string, words: readonly TextSpan[], max: number, width = SNIPPET_WIDTH): { snippets: Snippet[]; places: number } {
  // The words are numbered once for every snippet of the text (a common word is matched dozens of times).
  const { ids, distinct } = wordIds(text, words);
  const snippets = [snippetOf(text, words, width, words, { ids, distinct })];
  let rest: readonly TextSpan[] = words;
  let restIds = ids;
  for (;;) {
    const { window } = snippets[snippets.length - 1]!;
    const outside = (word: TextSpan): boolean => word.end <= window.start || word.start >= window.end;
    restIds = restIds.filter((_id, k) => outside(rest[k]!));
    rest = rest.filter(outside);
    if (rest.length === 0 || snippets.length >= max) break;
    snippets.push(snippetOf(text, rest, width, words, { ids: restIds, distinct }));
  }
  return { snippets, places: words.length === 0 ? 0 : Math.max(snippets.length, windowCount(words, width)) };
}

export function buildSnippet(text: string, words: readonly TextSpan[], width = SNIPPET_WIDTH): string {
  return snippetOf(text, words, width).html;
}

export function snippetFocus(text: string, words: readonly TextSpan[], width = SNIPPET_WIDTH): TextSpan | null {
  return snippetOf(text, words, width).focus;
}

/**
 * Finds what a query matched in one displayed text and turns it into a snippet. Positions are not
 * stored in the index (lunr.md §D5): the text of a top hit is re-tokenized with the same pipeline,
 * so offsets are exact in the original string (Lunr's own offsets drift after `İ` and include
 * punctuation, §A1).
 */
import { foldWord, normalizeTerm, tokenize, type WordToken } from './text-pipeline';

export interface TextSpan {
  start: number;
  end: number;
}

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

function phraseStartsAt(folded: (string | null)[], at: number, phrase: readonly string[]): boolean {
  for (let k = 0; k < phrase.length; k += 1) {
    if (folded[at + k] !== phrase[k]) return false;
  }
  return true;
}

/** Folded words of a text; tokens that fold to nothing are left out, as in the index. */
function foldedTokens(text: string): { tokens: WordToken[]; folded: string[] } {
  const tokens: WordToken[] = [];
  const folded: string[] = [];
  for (const token of tokenize(text)) {
    const word = foldWord(token.text);
    if (word === null) continue;
    tokens.push(token);
    folded.push(word);
  }
  return { tokens, folded };
}

/** Case- and diacritic-insensitive, on word boundaries: `"fuad hussein"` in `Fuad Hussein's`. */
export function containsPhrase(text: string, phrase: readonly string[]): boolean {
  if (phrase.length === 0) return true;
  const { folded } = foldedTokens(text);
  for (let i = 0; i + phrase.length <= folded.length; i += 1) {
    if (phraseStartsAt(folded, i, phrase)) return true;
  }
  return false;
}

export function findMatches(text: string, spec: MatchSpec): TextMatches {
  const { tokens, folded } = foldedTokens(text);
  const marked = new Array<boolean>(tokens.length).fill(false);
  let firstPhrase: TextSpan | null = null;

  for (const phrase of spec.phrases) {
    if (phrase.length === 0) continue;
    for (let i = 0; i + phrase.length <= tokens.length; i += 1) {
      if (!phraseStartsAt(folded, i, phrase)) continue;
      for (let k = 0; k < phrase.length; k += 1) marked[i + k] = true;
      const span = { start: tokens[i]!.start, end: tokens[i + phrase.length - 1]!.end };
      if (firstPhrase === null || span.start < firstPhrase.start) firstPhrase = span;
    }
  }
  if (spec.terms.size > 0) {
    for (let i = 0; i < tokens.length; i += 1) {
      if (marked[i]) continue;
      const term = normalizeTerm(tokens[i]!.text);
      if (term !== null && spec.terms.has(term)) marked[i] = true;
    }
  }

  const words: TextSpan[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    if (marked[i]) words.push({ start: tokens[i]!.start, end: tokens[i]!.end });
  }
  return { words, first: firstPhrase ?? words[0] ?? null };
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

/** The window of `width` characters holding the most distinct matched words, then the most matches. */
function bestWindow(text: string, words: readonly TextSpan[], width: number): TextSpan {
  if (words.length === 0) return { start: 0, end: Math.min(text.length, width) };
  let best = { from: 0, to: 1, score: -1 };
  let to = 0;
  for (let from = 0; from < words.length; from += 1) {
    if (to < from + 1) to = from + 1;
    while (to < words.length && words[to]!.end - words[from]!.start <= width) to += 1;
    const distinct = new Set<string>();
    for (let k = from; k < to; k += 1) {
      distinct.add(text.slice(words[k]!.start, words[k]!.end).toLowerCase());
    }
    const score = distinct.size * 1000 + (to - from);
    if (score > best.score) best = { from, to, score };
  }
  const first = words[best.from]!;
  const last = words[best.to - 1]!;
  const slack = Math.max(0, width - (last.end - first.start));
  const start = Math.max(0, first.start - Math.min(LEAD, slack));
  return { start, end: Math.min(text.length, start + width) };
}

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
  if (start > 0 && /[\udc00-\udfff]/.test(text.charAt(start))) start -= 1;
  if (end < text.length && /[\udc00-\udfff]/.test(text.charAt(end))) end += 1;
  return { start, end };
}

/**
 * The first matched word shown by `buildSnippet`: where the reader should open so that the user
 * lands on the passage the snippet showed, not on an earlier, weaker match.
 */
export function snippetFocus(text: string, words: readonly TextSpan[], width = SNIPPET_WIDTH): TextSpan | null {
  const { start, end } = alignToWords(text, bestWindow(text, words, width), words);
  const first = words.find((word) => word.start >= start && word.end <= end);
  return first ? { start: first.start, end: first.end } : null;
}

/**
 * About `width` characters around the densest cluster of matches, cut between words, `…` where
 * the text goes on, HTML-escaped, matched words wrapped in `<mark>`.
 */
export function buildSnippet(text: string, words: readonly TextSpan[], width = SNIPPET_WIDTH): string {
  const { start, end } = alignToWords(text, bestWindow(text, words, width), words);
  let html = '';
  let at = start;
  for (const word of words) {
    if (word.start < start || word.end > end) continue;
    html += display(text.slice(at, word.start));
    html += `<mark>${escapeHtml(text.slice(word.start, word.end))}</mark>`;
    at = word.end;
  }
  html += display(text.slice(at, end));
  const body = html.trim();
  if (body === '') return '';
  return `${start > 0 ? '…' : ''}${body}${end < text.length && text.slice(end).trim() !== '' ? '…' : ''}`;
}

/**
 * Finds the words of a hit's text whose index term is one of the terms that matched it: what its
 * snippet marks. Runs on every shown hit of every query, over texts of several KB, so it avoids
 * visiting every word: stemmers (Porter, Snowball) only rewrite endings and folding an ASCII word
 * is lowercasing, so an ASCII word can only match a term that begins with its first two letters
 * (in English, with all of it but its last letter). Those words are found with one native
 * case-insensitive search of the text; words holding any other character (which folding may
 * change: Müller → muller) are found with one native regex and checked in full; CJK characters
 * never fold to ASCII and are skipped. (Measured on the benchmark corpus: several times faster
 * than visiting every word; a Unicode-class regex was slower.) Anything unusual (astral
 * characters, terms not starting with two ASCII letters) falls back to visiting every word.
 */
import { compiledSearch } from './compiled-search';
import { DEFAULT_LANGUAGE } from './languages';
import type { TextSpan } from '../../shared/models';
import { isCjkUnit, normalizeTerm, pushWord, scanWords, unitKind, type WordToken } from './text-pipeline';

const CJK_PAIR = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]{2}$/u;

/** A token's term is matched; for a CJK bigram, either of its characters counts (they are indexed alone too). */
export function matchesTerm(token: string, terms: ReadonlySet<string>, lang: string | undefined): boolean {
  const term = normalizeTerm(token, lang);
  if (term !== null && terms.has(term)) return true;
  if (!CJK_PAIR.test(token)) return false;
  return [...token].some((char) => terms.has(char));
}

/** Checks one run of word characters and records its matching parts. */
function checkWord(
  text: string,
  start: number,
  end: number,
  simple: boolean,
  terms: ReadonlySet<string>,
  lang: string | undefined,
  spans: TextSpan[],
): void {
  if (simple) {
    const term = normalizeTerm(text.slice(start, end), lang);
    if (term !== null && terms.has(term)) spans.push({ start, end });
    return;
  }
  const parts: WordToken[] = [];
  pushWord(parts, text.slice(start, end), start);
  for (const part of parts) if (matchesTerm(part.text, terms, lang)) spans.push({ start: part.start, end: part.end });
}

/** Every word checked (the slow, general path). */
function scanSpans(text: string, terms: ReadonlySet<string>, lang: string | undefined): TextSpan[] {
  const heads = new Set<string>();
  for (const term of terms) heads.add(term.slice(0, 2));
  const spans: TextSpan[] = [];
  scanWords(text, (start, end, simple) => {
    if (simple && !heads.has(text.slice(start, Math.min(end, start + 2)).toLowerCase())) {
      // A one-letter term is its own head; a longer word can still stem to it.
      if (!heads.has(text.charAt(start).toLowerCase())) return;
    }
    checkWord(text, start, end, simple, terms, lang, spans);
  });
  return spans;
}

/**
 * What an ASCII word matching each term must start with, if every term starts with two ASCII
 * letters or digits: its first two letters, and in English all of the term but its last letter.
 * Porter's stemmer only ever cuts a word's ending and at most rewrites the stem's last letter
 * (happy → happi, hoping → hope): checked on every word of the 10,000-article benchmark corpus and
 * the test pages (term-spans.test.ts). The longer start means far fewer words go through the
 * stemmer, which is most of a snippet's time for words no query asked for before.
 */
const ASCII_PREFIX = /^[a-z0-9]*/;

function asciiStarts(terms: ReadonlySet<string>, lang: string | undefined): string[] | null {
  const english = lang === undefined || lang === DEFAULT_LANGUAGE;
  // Starts sharing their first two letters are searched as their longest common beginning: the
  // dozens of terms a prefix query (`inte*`) expands to become one search for `inte`.
  const byHead = new Map<string, string>();
  for (const term of terms) {
    if (!/^[a-z0-9]{2}/.test(term)) return null;
    const full = english && term.length >= 3 ? term.slice(0, -1) : term.slice(0, 2);
    // Only ASCII letters and digits go into the case-insensitive search (they are at least two).
    const start = ASCII_PREFIX.exec(full)![0];
    const head = start.slice(0, 2);
    const other = byHead.get(head);
    byHead.set(head, other === undefined ? start : commonBeginning(other, start));
  }
  return [...byHead.values()];
}

function commonBeginning(a: string, b: string): string {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n += 1;
  return a.slice(0, n);
}

/** ASCII control characters (word characters that folding trims) and anything beyond ASCII. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const OTHER = /[^\x09-\x0d\x20-\x7e]/g;

/** Overlapping matches (CJK bigrams) become one span; spans come out in text order. */
/** The spans in text order, overlapping ones (CJK bigrams) made one. */
export function merged(spans: TextSpan[]): TextSpan[] {
  spans.sort((a, b) => a.start - b.start);
  const out: TextSpan[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last !== undefined && span.start < last.end) last.end = Math.max(last.end, span.end);
    else out.push({ start: span.start, end: span.end });
  }
  return out;
}

export function termSpans(text: string, terms: ReadonlySet<string>, lang: string | undefined): TextSpan[] {
  if (terms.size === 0) return [];
  const starts = asciiStarts(terms, lang);
  if (starts === null) return merged(scanSpans(text, terms, lang));

  const spans: TextSpan[] = [];
  const checked = new Set<number>();
  /** Checks the word starting at `start`; its end, or -1 when only the general path can tell. */
  const checkFrom = (start: number): number => {
    let end = start;
    let simple = true;
    for (; end < text.length; end += 1) {
      const kind = unitKind(text.charCodeAt(end));
      if (kind === 0) break;
      if (kind === 3) return -1;
      if (kind === 2) simple = false;
    }
    if (!checked.has(start)) {
      checked.add(start);
      checkWord(text, start, end, simple, terms, lang, spans);
    }
    return end;
  };

  // Case-insensitive without Unicode mode: only ASCII letters match ASCII letters (a Kelvin sign
  // does not match `k`), and the offsets are the text's own. Twice as fast as lowercasing the text
  // (most texts hold a curly quote, so every copy is two bytes per character) and searching that.
  const search = compiledSearch(starts.join('|'));
  for (let found = search.exec(text); found !== null; found = search.exec(text)) {
    const at = found.index;
    // Overlapping starts (`kern|kernel`) and repeats are all looked at, as indexOf from at + 1 did.
    search.lastIndex = at + 1;
    const before = at === 0 ? 0 : unitKind(text.charCodeAt(at - 1));
    if (before === 3) return merged(scanSpans(text, terms, lang));
    // After CJK characters a Latin part of the same run is a word of its own (`是Python`).
    if (before !== 0 && !isCjkUnit(text.charCodeAt(at - 1))) continue;
    if (checkFrom(at) === -1) return merged(scanSpans(text, terms, lang));
  }
  OTHER.lastIndex = 0;
  for (let match = OTHER.exec(text); match !== null; match = OTHER.exec(text)) {
    const code = text.charCodeAt(match.index);
    const kind = unitKind(code);
    if (kind === 0) continue;
    if (kind === 3) return merged(scanSpans(text, terms, lang));
    // CJK characters become CJK tokens, which never match terms starting with ASCII letters; the
    // Latin parts around them are found from their own start (above and below).
    if (isCjkUnit(code)) continue;
    let start = match.index;
    for (; start > 0; start -= 1) {
      const previous = unitKind(text.charCodeAt(start - 1));
      if (previous === 3) return merged(scanSpans(text, terms, lang));
      if (previous === 0 || isCjkUnit(text.charCodeAt(start - 1))) break;
    }
    const end = checkFrom(start);
    if (end === -1) return merged(scanSpans(text, terms, lang));
    OTHER.lastIndex = end;
  }
  return merged(spans);
}

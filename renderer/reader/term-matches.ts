/** Where the search terms occur in the article text, for highlighting in the reader. */
import type { TextSpan } from './text-offsets';

/** Scripts written without spaces: a term there may sit inside a longer run of letters. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every occurrence of any term (whole words, case-insensitive), in text order, never overlapping. */
export function findTermMatches(text: string, terms: readonly string[]): TextSpan[] {
  const cleaned = [...new Set(terms.map((t) => t.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (cleaned.length === 0) return [];
  const alternatives = cleaned.map((term) => {
    const body = escapeRegExp(term);
    return UNSPACED_SCRIPT.test(term) ? body : `(?<![\\p{L}\\p{N}\\p{M}])${body}(?![\\p{L}\\p{N}\\p{M}])`;
  });
  const pattern = new RegExp(alternatives.join('|'), 'giu');
  const matches: TextSpan[] = [];
  for (const match of text.matchAll(pattern)) {
    if (match[0].length === 0) continue;
    matches.push({ start: match.index, end: match.index + match[0].length });
  }
  return matches;
}

/** The match to start at: the first inside or after the passage the search pointed to. */
export function initialMatchIndex(matches: readonly TextSpan[], passage: TextSpan | null): number {
  if (matches.length === 0) return -1;
  if (!passage) return 0;
  const index = matches.findIndex((m) => m.end > passage.start);
  return index < 0 ? matches.length - 1 : index;
}

/** Find in the article: where a typed query occurs, and stepping through the matches. */
import { foldQuery, type FoldedText } from './text-folding';
import type { TextSpan } from '../text-offsets';

/**
 * Every occurrence of `query` in the folded article, as offsets into the original text, in text
 * order. Matches never overlap ("aa" in "aaaa" is two matches, as in a browser), so stepping
 * through them moves forward every time. Any part of a word matches, not only whole words.
 */
export function findInText(folded: FoldedText, query: string): TextSpan[] {
  const needle = foldQuery(query);
  if (needle.trim() === '') return [];
  const matches: TextSpan[] = [];
  let lastEnd = 0;
  for (let at = folded.text.indexOf(needle); at >= 0; at = folded.text.indexOf(needle, at + needle.length)) {
    const start = folded.starts[at]!;
    const end = folded.ends[at + needle.length - 1]!;
    // One original character can fold into several ("ß" → "ss"): never report it twice.
    if (start < lastEnd) continue;
    matches.push({ start, end });
    lastEnd = end;
  }
  return matches;
}

/** The match after (`step` 1) or before (`step` -1) `index`, wrapping around at either end. */
export function stepMatch(index: number, total: number, step: 1 | -1): number {
  if (total === 0) return -1;
  if (index < 0) return step === 1 ? 0 : total - 1;
  return (index + step + total) % total;
}

/**
 * The match to show first for a new query: the first one at or after `from` (where the previous
 * match was, else the top of the page the user is reading), else the first in the article.
 */
export function firstMatchFrom(matches: readonly TextSpan[], from: number): number {
  if (matches.length === 0) return -1;
  // Binary search: a common word in a long manual has tens of thousands of matches.
  let low = 0;
  let high = matches.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (matches[mid]!.start < from) low = mid + 1;
    else high = mid;
  }
  return low < matches.length ? low : 0;
}

/**
 * Passages as W3C Web Annotation selectors over text.txt (docs/design.md §4): the exact quote with
 * up to 32 characters of context on each side, and its offsets. Building one from a selection
 * (offsets) or from a quote, found exactly or with looser whitespace, quotes and dashes. Finding a
 * stored passage again after the text changed is `reanchor.ts`.
 */
import type { PassageInput, PassageTarget } from '../../shared/models';
import { say } from '../../shared/i18n/core-sentences';
import { sentenceError } from '../../shared/i18n/english-sentence';

export const CONTEXT_LENGTH = 32;

export interface Span {
  start: number;
  end: number;
}

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Context that never starts or ends inside a surrogate pair (an emoji cut in half is not text). */
function context(text: string, start: number, end: number): string {
  let from = Math.max(0, start);
  let to = Math.min(text.length, end);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from += 1;
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to -= 1;
  return from < to ? text.slice(from, to) : '';
}

export function targetFromSpan(text: string, { start, end }: Span): PassageTarget {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) {
    throw sentenceError('invalid-argument', say('core.error.passageEndsBeforeStart'));
  }
  if (end > text.length) throw sentenceError('invalid-argument', say('core.error.passageOutside'));
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: context(text, start - CONTEXT_LENGTH, start),
      suffix: context(text, end, end + CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

export function targetFromQuote(text: string, quote: string): PassageTarget {
  const span = findQuote(text, quote);
  if (!span) throw sentenceError('quote-not-found', say('core.error.passageNotFound'));
  return targetFromSpan(text, span);
}

export function targetFromPassage(text: string, passage: PassageInput): PassageTarget {
  return 'quote' in passage ? targetFromQuote(text, passage.quote) : targetFromSpan(text, passage);
}

/** The first place the quote is: exactly, or else with looser whitespace and punctuation. */
export function findQuote(text: string, quote: string, near = 0): Span | null {
  const exact = quote.trim();
  if (exact === '') return null;
  const at = text.indexOf(exact);
  if (at >= 0) return { start: at, end: at + exact.length };
  return looseMatch(text, exact, near);
}

const EQUIVALENT_CHARACTERS: readonly string[] = [
  `'‘’‚‛′`,
  `"“”„‟″«»`,
  '-‐‑‒–—―',
];

const escapeRegExp = (value: string): string => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function characterPattern(char: string): string {
  const group = EQUIVALENT_CHARACTERS.find((chars) => chars.includes(char));
  return group ? `[${escapeRegExp(group)}]` : escapeRegExp(char);
}

/** Any run of whitespace matches any other; straight and curly quotes, and dashes, match each other. */
function looseMatch(text: string, quote: string, near: number): Span | null {
  const words = quote.split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return null;
  const pattern = new RegExp(words.map((word) => Array.from(word, characterPattern).join('')).join('\\s+'), 'gu');
  let best: Span | null = null;
  for (const match of text.matchAll(pattern)) {
    const span = { start: match.index, end: match.index + match[0].length };
    if (!best || Math.abs(span.start - near) < Math.abs(best.start - near)) best = span;
    if (span.start >= near) break; // later matches are only farther away
  }
  return best;
}

/**
 * Finding a stored passage again after its article's text changed (re-imported from an updated
 * page, re-extracted by a better importer). In order: the recorded position, then the exact quote
 * (the occurrence whose context agrees best, nearest the old position on a tie), then an
 * approximate match of the quote (Myers' bit-parallel algorithm from `approx-string-match`, as the
 * Hypothesis client does) accepted only above a confidence threshold. A passage that cannot be
 * placed keeps its old selectors and is marked unplaced: the quote and note stay readable.
 */
import search from 'approx-string-match';
import type { AnchorState, Annotation, PassageTarget } from '../../shared/models';
import { findQuote, targetFromSpan, type Span } from './anchor';

/** Below this similarity of the quote itself (1 = identical) a candidate is not the passage. */
export const MIN_QUOTE_SIMILARITY = 0.75;
/**
 * Short quotes ("Iran", "the report") match too much text by accident: they are placed fuzzily
 * only when their context agrees as well.
 */
const SHORT_QUOTE = 24;
const MIN_CONTEXT_SIMILARITY = 0.5;
/** How many exact occurrences are weighed; beyond that the nearest seen wins. */
const MAX_EXACT_CANDIDATES = 1000;
/** Longer quotes are matched by their two ends (the search costs grow with the errors allowed). */
const MAX_FUZZY_PATTERN = 256;

export interface Placement {
  span: Span;
  state: Exclude<AnchorState, 'unplaced'>;
}

/** 1 when `expected` equals `actual`, falling towards 0 with each edit needed. Empty expects nothing. */
function similarity(expected: string, actual: string): number {
  if (expected === '') return 1;
  if (actual === '') return 0;
  const maxErrors = Math.ceil(expected.length / 2);
  const matches = search(actual, expected, maxErrors);
  if (matches.length === 0) return 0;
  const fewest = Math.min(...matches.map((m) => m.errors));
  return 1 - fewest / expected.length;
}

/** How well the text around `span` agrees with the recorded prefix and suffix (0..1 each). */
function contextAgreement(text: string, span: Span, target: PassageTarget): { prefix: number; suffix: number } {
  const { prefix, suffix } = target.quote;
  return {
    prefix: similarity(prefix, text.slice(Math.max(0, span.start - prefix.length), span.start)),
    suffix: similarity(suffix, text.slice(span.end, span.end + suffix.length)),
  };
}

/** Closer to the old position scores higher; 1 at the same offset, 0 a whole text away. */
const nearness = (text: string, at: number, old: number): number =>
  1 - Math.min(1, Math.abs(at - old) / Math.max(1, text.length));

function bestExact(text: string, target: PassageTarget): Span | null {
  const { exact } = target.quote;
  let best: { span: Span; score: number } | null = null;
  for (
    let at = text.indexOf(exact), seen = 0;
    at >= 0 && seen < MAX_EXACT_CANDIDATES;
    at = text.indexOf(exact, at + 1), seen += 1
  ) {
    const span = { start: at, end: at + exact.length };
    const context = contextAgreement(text, span, target);
    const score = context.prefix + context.suffix + nearness(text, at, target.position.start) / 10;
    if (!best || score > best.score) best = { span, score };
  }
  return best?.span ?? null;
}

/** Candidate spans where the quote (or, when long, its two ends) approximately is. */
function approximateSpans(text: string, exact: string): Span[] {
  if (exact.length <= MAX_FUZZY_PATTERN) {
    return search(text, exact, Math.floor(exact.length * (1 - MIN_QUOTE_SIMILARITY))).map(({ start, end }) => ({
      start,
      end,
    }));
  }
  const head = exact.slice(0, MAX_FUZZY_PATTERN / 2);
  const tail = exact.slice(-MAX_FUZZY_PATTERN / 2);
  const allowed = Math.floor(head.length * (1 - MIN_QUOTE_SIMILARITY));
  const tails = search(text, tail, allowed);
  const spans: Span[] = [];
  for (const start of search(text, head, allowed)) {
    // The end nearest to where the old length puts it, within the share of edits allowed.
    const expectedEnd = start.start + exact.length;
    const slack = exact.length * (1 - MIN_QUOTE_SIMILARITY);
    const end = tails
      .filter((t) => t.end > start.end && Math.abs(t.end - expectedEnd) <= slack)
      .sort((a, b) => Math.abs(a.end - expectedEnd) - Math.abs(b.end - expectedEnd))[0];
    if (end) spans.push({ start: start.start, end: end.end });
  }
  return spans;
}

function bestApproximate(text: string, target: PassageTarget): Span | null {
  const { exact } = target.quote;
  let best: { span: Span; score: number } | null = null;
  for (const span of approximateSpans(text, exact)) {
    const quote = similarity(exact, text.slice(span.start, span.end));
    if (quote < MIN_QUOTE_SIMILARITY) continue;
    const context = contextAgreement(text, span, target);
    const contextual = Math.max(context.prefix, context.suffix);
    if (exact.length < SHORT_QUOTE && contextual < MIN_CONTEXT_SIMILARITY) continue;
    const score = 2 * quote + context.prefix + context.suffix + nearness(text, span.start, target.position.start) / 10;
    if (!best || score > best.score) best = { span, score };
  }
  return best?.span ?? null;
}

/** Where the passage is in `text` now, and how surely; null when it cannot be placed. */
export function placePassage(text: string, target: PassageTarget): Placement | null {
  const { exact } = target.quote;
  if (exact.trim() === '') return null;
  const { start, end } = target.position;
  if (text.slice(start, end) === exact) {
    const context = contextAgreement(text, { start, end }, target);
    // The same words at the same offset, but in other surroundings, may be another occurrence.
    if (context.prefix + context.suffix >= 1 || text.indexOf(exact) === text.lastIndexOf(exact)) {
      return { span: { start, end }, state: 'exact' };
    }
  }
  const exactSpan = bestExact(text, target);
  if (exactSpan) return { span: exactSpan, state: 'exact' };
  // Only whitespace, quotes or dashes differ: the same words, but not the same characters.
  const loose = findQuote(text, exact, start);
  if (loose) return { span: loose, state: 'fuzzy' };
  const approximate = bestApproximate(text, target);
  return approximate ? { span: approximate, state: 'fuzzy' } : null;
}

/**
 * The annotation anchored in `text`: new selectors where it was placed, the old ones kept (and
 * marked unplaced) where it was not. Whole-article notes are unaffected.
 */
export function reanchorAnnotation(text: string, annotation: Annotation): Annotation {
  if (!annotation.target) return { ...annotation, anchorState: 'exact' };
  const placement = placePassage(text, annotation.target);
  if (!placement) return { ...annotation, anchorState: 'unplaced' };
  return { ...annotation, target: targetFromSpan(text, placement.span), anchorState: placement.state };
}

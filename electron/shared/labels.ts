/**
 * The rules for labels a person gives an article (a title, an author, a tag), without zod so that
 * the page checks an edit with the same rules as the core before sending it. The contract's
 * schemas (validators.ts) and the core's edit check (article-edit.ts) are built on these.
 */

/**
 * Characters a label never needs and that can disguise it: bidi controls (an override makes
 * "gpj.exe" read "exe.jpg"; embeddings, isolates and marks), zero-width spaces and joiners that
 * make two equal-looking tags differ (U+200B, U+2060–U+2064, U+FEFF), and lone surrogates (half a
 * character: no font shows it, and JSON tools choke on it). U+200C and U+200D stay: Persian and
 * Indic spelling and emoji sequences need them.
 */
const INVISIBLE_IN_LABELS =
  /[\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A tag or title without the characters above. */
export const cleanLabel = (label: string): string => label.replace(INVISIBLE_IN_LABELS, '');

/** A label as it is kept: cleaned, on one line with single spaces, without padding. */
export const normalizeLabel = (label: string): string => cleanLabel(label).replace(/\s+/g, ' ').trim();

export const MAX_TAG_LENGTH = 64;

export type TagProblem = 'empty' | 'too-long' | 'control-characters';

/** What is wrong with a normalized tag; null when it is fine. */
export function tagProblemOf(tag: string): TagProblem | null {
  if (tag.length === 0) return 'empty';
  if (tag.length > MAX_TAG_LENGTH) return 'too-long';
  if (/\p{Cc}/u.test(tag)) return 'control-characters';
  return null;
}

/** What is wrong with a normalized tag, as the end of a sentence ("… is an empty tag"); null when it is fine. */
export function tagProblem(tag: string): string | null {
  switch (tagProblemOf(tag)) {
    case null:
      return null;
    case 'empty':
      return 'is an empty tag';
    case 'too-long':
      return `is a tag longer than ${MAX_TAG_LENGTH} characters`;
    case 'control-characters':
      return 'is a tag with control characters';
  }
}

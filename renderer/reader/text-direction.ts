/**
 * Which way an article reads when its metadata does not say: by the strong characters of its
 * text (Hebrew, Arabic, Syriac, Thaana, N'Ko… against Latin, Greek, Cyrillic, CJK…), as the
 * Unicode bidi algorithm decides a paragraph, but over the opening of the whole text rather than
 * its first letter, so an English quote at the start of an Arabic article does not flip it.
 */
import type { TextDirection } from '../../electron/shared/models';

const SAMPLE_LENGTH = 4000;
const RTL_LETTER = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/gu;
const LETTER = /\p{L}/gu;

export function detectDirection(text: string): TextDirection {
  const sample = text.slice(0, SAMPLE_LENGTH);
  const rtl = sample.match(RTL_LETTER)?.length ?? 0;
  const ltr = (sample.match(LETTER)?.length ?? 0) - rtl;
  return rtl > ltr ? 'rtl' : 'ltr';
}

/** Blocks that hold a line of text: each finds its own direction (a Latin line in Arabic text). */
const TEXT_BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, dd, dt, td, th, caption, figcaption, summary';

/** Adds `dir="auto"` to every text block without a direction of its own. Text is unchanged. */
export function markBlockDirections(root: ParentNode): boolean {
  let changed = false;
  for (const block of Array.from(root.querySelectorAll(TEXT_BLOCKS))) {
    if (block.hasAttribute('dir')) continue;
    block.setAttribute('dir', 'auto');
    changed = true;
  }
  return changed;
}

/**
 * A book set vertically (Japanese, Chinese): the scroller takes `writing-mode: vertical-rl`
 * (reader.css, `[data-writing-mode]`), so lines run top to bottom and follow each other right to
 * left, and the text scrolls sideways: from scrollLeft 0 at its start (the right edge) to negative
 * values (Chromium counts a right-to-left scroll so). In pages, the text is in columns as
 * horizontal text is, which stack downwards in vertical-rl: each page is a column (pagination.ts).
 */
import type { WritingMode } from '../../../electron/shared/fixed-layout';

export const VERTICAL_ATTRIBUTE = 'data-writing-mode';

export const isVertical = (scroller: HTMLElement): boolean => scroller.getAttribute(VERTICAL_ATTRIBUTE) === 'vertical-rl';

/** The reader's choice over the book's own: `book` follows the book. */
export const WRITING_MODE_CHOICES = ['book', 'vertical', 'horizontal'] as const;
export type WritingModeChoice = (typeof WRITING_MODE_CHOICES)[number];

export function effectiveWritingMode(bookMode: WritingMode | undefined, choice: WritingModeChoice): WritingMode | null {
  if (choice === 'vertical') return 'vertical-rl';
  if (choice === 'horizontal') return null;
  return bookMode ?? null;
}

/** How far along the text a vertical scroll is, 0..1. */
export function verticalProgress(scroller: HTMLElement): number {
  const scrollable = scroller.scrollWidth - scroller.clientWidth;
  return scrollable <= 0 ? 1 : Math.min(1, Math.max(0, Math.abs(scroller.scrollLeft) / scrollable));
}

/** The view's edges for `firstVisibleOffset`: the first character on screen is the first whose line is left of the right edge. */
export function verticalView(scroller: HTMLElement, margin: number): { left: number; right: number; sign: -1 } {
  const box = scroller.getBoundingClientRect();
  return { left: box.left, right: box.right - margin, sign: -1 };
}

/** Scrolls a vertical text so that the line of `rect` is the first on screen (at the right edge). */
export function scrollVerticalTo(scroller: HTMLElement, rect: { right: number }, margin: number): void {
  scroller.scrollLeft += rect.right - (scroller.getBoundingClientRect().right - margin);
}

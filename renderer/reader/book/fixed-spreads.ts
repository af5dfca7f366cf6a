/**
 * Which pages of a fixed-layout book share the screen, and how large they are drawn. Pure, so the
 * rules are tested without a browser.
 *
 * Two pages show side by side when the book allows spreads (`rendition:spread`: `both` and
 * `portrait` always, `landscape` and `auto` in a window wider than tall, `none` never). Pages pair
 * as the book marks them (`page-spread-left` then `-right` in a book read left to right; the other
 * way round right to left); an unmarked page takes the side after the previous page's, the first
 * one the second side, so a cover stands alone as in a printed book. `center` stands alone.
 */
import type { FixedPage, PageSide, PageSpread } from '../../../electron/shared/fixed-layout';

export function showsSpreads(spread: PageSpread, width: number, height: number): boolean {
  if (spread === 'none') return false;
  if (spread === 'both' || spread === 'portrait') return true;
  return width > height;
}

/** The spreads, as lists of page indexes in reading order. */
export function spreadsOf(pages: readonly Pick<FixedPage, 'side'>[], progression: 'ltr' | 'rtl', twoUp: boolean): number[][] {
  if (!twoUp) return pages.map((_, index) => [index]);
  const first: PageSide = progression === 'ltr' ? 'left' : 'right';
  const second: PageSide = first === 'left' ? 'right' : 'left';
  const spreads: number[][] = [];
  let unmarkedSide: PageSide = second;
  for (let index = 0; index < pages.length; index++) {
    const side: PageSide = pages[index]!.side ?? unmarkedSide;
    const next = pages[index + 1];
    const nextSide: PageSide | null = next ? (next.side ?? second) : null;
    if (side === first && nextSide === second) {
      spreads.push([index, index + 1]);
      index++;
      unmarkedSide = first;
    } else {
      spreads.push([index]);
      unmarkedSide = side === first ? second : first;
    }
  }
  return spreads;
}

/** The scale that fits the spread's pages, side by side, inside `width` × `height`. */
export function scaleToFit(pages: readonly Pick<FixedPage, 'width' | 'height'>[], width: number, height: number): number {
  const spreadWidth = pages.reduce((sum, page) => sum + page.width, 0);
  const spreadHeight = Math.max(1, ...pages.map((page) => page.height));
  if (spreadWidth <= 0 || width <= 0 || height <= 0) return 1;
  return Math.min(width / spreadWidth, height / spreadHeight);
}

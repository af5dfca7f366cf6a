/**
 * Paginated reading: the article is laid out in CSS columns of the scroller's height (reader.css,
 * `[data-pages]` on the scroller), and a page is the scroller's width of them. The scroller is
 * scrolled sideways by whole pages: page p starts at p × (width + column gap), since the gap after
 * a page's last column belongs to no page. Right-to-left text runs its columns to the left
 * (scrollLeft is then negative in Chromium).
 */
import { isVertical, verticalPageCount } from './vertical';

export interface PageGeometry {
  /** one page's advance, px */
  stride: number;
  /** -1 when the columns run right to left */
  sign: 1 | -1;
  count: number;
}

export const isPaginated = (scroller: HTMLElement): boolean => scroller.hasAttribute('data-pages');

export function pageGeometry(scroller: HTMLElement): PageGeometry {
  if (isVertical(scroller)) {
    // No columns: a page is the scroller's width, and the pages run right to left (vertical.ts).
    const width = scroller.getBoundingClientRect().width || scroller.clientWidth;
    return { stride: Math.max(1, width), sign: -1, count: verticalPageCount(scroller.scrollWidth, width) };
  }
  const style = getComputedStyle(scroller);
  const article = scroller.firstElementChild;
  const gap = article ? parseFloat(getComputedStyle(article).columnGap) || 0 : 0;
  // The exact width, not clientWidth (rounded): a fraction of a pixel a page adds up over hundreds.
  const width = scroller.getBoundingClientRect().width || scroller.clientWidth;
  const stride = Math.max(1, width + gap);
  return { stride, sign: style.direction === 'rtl' ? -1 : 1, count: pageCount(scroller.scrollWidth, width, gap) };
}

/** How many pages a scroll width of `scrollWidth` holds (the last page may be part empty). */
export function pageCount(scrollWidth: number, clientWidth: number, gap: number): number {
  return Math.max(1, Math.round((scrollWidth + gap) / (clientWidth + gap)));
}

/**
 * The page a sideways scroll of `distance` (px from the start, never negative) shows. A scroll that
 * lands between pages (scrollIntoView of a mark, a heading, a search hit) was made to show something
 * at the edge it moved toward: moving forward, that is on the later page; moving back, the earlier.
 */
export function pageAtDistance(distance: number, stride: number, previousPage: number): number {
  const exact = distance / stride;
  if (Math.abs(exact - Math.round(exact)) < 0.01) return Math.round(exact);
  return exact > previousPage ? Math.ceil(exact) : Math.floor(exact);
}

/** The page of a point `x` px (viewport) given the scroller's box and its scroll. */
export function pageOfPoint(x: number, scroller: HTMLElement, geometry: PageGeometry): number {
  const box = scroller.getBoundingClientRect();
  const fromStart = geometry.sign === 1 ? x - box.left : box.right - x;
  const distance = Math.abs(scroller.scrollLeft) + fromStart;
  return Math.max(0, Math.min(geometry.count - 1, Math.floor(distance / geometry.stride)));
}

export function currentPage(scroller: HTMLElement, geometry = pageGeometry(scroller)): number {
  return Math.max(0, Math.min(geometry.count - 1, Math.round(Math.abs(scroller.scrollLeft) / geometry.stride)));
}

export function showPage(scroller: HTMLElement, page: number, geometry = pageGeometry(scroller)): void {
  const clamped = Math.max(0, Math.min(geometry.count - 1, page));
  scroller.scrollLeft = geometry.sign * clamped * geometry.stride;
}

/** Shows the page that holds a rectangle on screen (a mark, a search hit, a character). */
export function showPageOf(scroller: HTMLElement, rect: { left: number; right: number }): void {
  const geometry = pageGeometry(scroller);
  showPage(scroller, pageOfPoint((rect.left + rect.right) / 2, scroller, geometry), geometry);
}

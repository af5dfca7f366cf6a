/**
 * Paginated reading: the article is laid out in CSS columns of the scroller's height (reader.css,
 * `[data-pages]` on the scroller), and a page is the scroller's width of them. The scroller is
 * scrolled sideways by whole pages: page p starts at p × (width + column gap), since the gap after
 * a page's last column belongs to no page. Right-to-left text runs its columns to the left
 * (scrollLeft is then negative in Chromium).
 *
 * Vertical text (vertical.ts) is in columns too, which is what keeps every line whole on its page
 * (a column ends between lines). A vertical-rl multi-column box fills each column right to left
 * across the scroller's width and stacks the columns downwards, so there a page is one column of
 * the scroller's height, and the pages are turned downwards: page p starts at scrollTop
 * p × (height + column gap). What the reader sees is the same: one page after another.
 */
import { isVertical } from './vertical';

export interface PageGeometry {
  /** one page's advance, px */
  stride: number;
  /** -1 when the columns run right to left */
  sign: 1 | -1;
  /** `x`: the pages follow each other sideways; `y`: downwards (vertical text) */
  axis: 'x' | 'y';
  count: number;
}

export const isPaginated = (scroller: HTMLElement): boolean => scroller.hasAttribute('data-pages');

export function pageGeometry(scroller: HTMLElement): PageGeometry {
  const article = scroller.firstElementChild;
  const gap = article ? parseFloat(getComputedStyle(article).columnGap) || 0 : 0;
  // The exact size, not clientWidth (rounded): a fraction of a pixel a page adds up over hundreds.
  const box = scroller.getBoundingClientRect();
  if (isVertical(scroller)) {
    const height = box.height || scroller.clientHeight;
    return { stride: Math.max(1, height + gap), sign: 1, axis: 'y', count: pageCount(scroller.scrollHeight, height, gap) };
  }
  const width = box.width || scroller.clientWidth;
  const stride = Math.max(1, width + gap);
  return { stride, sign: getComputedStyle(scroller).direction === 'rtl' ? -1 : 1, axis: 'x', count: pageCount(scroller.scrollWidth, width, gap) };
}

/** How far the pages are turned, px from the first page (never negative). */
export const pageScroll = (scroller: HTMLElement, geometry: PageGeometry): number =>
  geometry.axis === 'y' ? scroller.scrollTop : Math.abs(scroller.scrollLeft);

/** How many pages a scroll length of `scrollLength` holds, a page being `pageLength` (the last page may be part empty). */
export function pageCount(scrollLength: number, pageLength: number, gap: number): number {
  return Math.max(1, Math.round((scrollLength + gap) / (pageLength + gap)));
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

/** The page of a point (viewport px) given the scroller's box and its scroll. */
export function pageOfPoint(point: { x: number; y: number }, scroller: HTMLElement, geometry: PageGeometry): number {
  const box = scroller.getBoundingClientRect();
  const fromStart = geometry.axis === 'y' ? point.y - box.top : geometry.sign === 1 ? point.x - box.left : box.right - point.x;
  const distance = pageScroll(scroller, geometry) + fromStart;
  return Math.max(0, Math.min(geometry.count - 1, Math.floor(distance / geometry.stride)));
}

export function currentPage(scroller: HTMLElement, geometry = pageGeometry(scroller)): number {
  return Math.max(0, Math.min(geometry.count - 1, Math.round(pageScroll(scroller, geometry) / geometry.stride)));
}

export function showPage(scroller: HTMLElement, page: number, geometry = pageGeometry(scroller)): void {
  const clamped = Math.max(0, Math.min(geometry.count - 1, page));
  if (geometry.axis === 'y') scroller.scrollTop = clamped * geometry.stride;
  else scroller.scrollLeft = geometry.sign * clamped * geometry.stride;
}

/** Shows the page that holds a rectangle on screen (a mark, a search hit, a character). */
export function showPageOf(scroller: HTMLElement, rect: { left: number; right: number; top: number; bottom: number }): void {
  const geometry = pageGeometry(scroller);
  showPage(scroller, pageOfPoint({ x: (rect.left + rect.right) / 2, y: (rect.top + rect.bottom) / 2 }, scroller, geometry), geometry);
}

/**
 * Paints find-in-article matches with the CSS Custom Highlight API rather than `<mark>` elements:
 * nothing in the article's DOM changes, so bookmarks' and notes' marks stay as they are, text
 * offsets stay true, and no text node is split on every keystroke.
 * Styled in reader.css with `::highlight(quire-find)` and `::highlight(quire-find-current)`.
 */
import { isPaginated, showPageOf } from '../book/pagination';
import { isVertical } from '../book/vertical';

export const FIND_HIGHLIGHT = 'quire-find';
export const FIND_CURRENT_HIGHLIGHT = 'quire-find-current';

/** Electron's Chromium and current browsers have it; where it is missing, find still counts and scrolls. */
export function canPaintHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** Shows these matches (the current one is painted on its own, on top). */
export function paintMatches(ranges: readonly Range[]): void {
  if (!canPaintHighlights()) return;
  const all = new Highlight();
  // add() one by one: spreading thousands of ranges into the constructor can overflow the stack.
  for (const range of ranges) all.add(range);
  CSS.highlights.set(FIND_HIGHLIGHT, all);
}

export function paintCurrentMatch(range: Range | null): void {
  if (!canPaintHighlights()) return;
  if (!range) {
    CSS.highlights.delete(FIND_CURRENT_HIGHLIGHT);
    return;
  }
  const highlight = new Highlight(range);
  // Above the other matches where they meet.
  highlight.priority = 1;
  CSS.highlights.set(FIND_CURRENT_HIGHLIGHT, highlight);
}

export function clearFindHighlights(): void {
  if (!canPaintHighlights()) return;
  CSS.highlights.delete(FIND_HIGHLIGHT);
  CSS.highlights.delete(FIND_CURRENT_HIGHLIGHT);
}

/**
 * Scrolls the reader so the match is in view, centred, unless it is already well inside the
 * view (then the page stays still, as in a browser's find).
 */
export function scrollRangeIntoView(scroller: HTMLElement, range: Range): void {
  if (typeof range.getBoundingClientRect !== 'function') return;
  scrollBlockSideways(scroller, range);
  const rect = range.getBoundingClientRect();
  if (isPaginated(scroller)) {
    showPageOf(scroller, rect);
    return;
  }
  const view = scroller.getBoundingClientRect();
  if (isVertical(scroller)) {
    // Vertical text scrolls sideways: the match is centred across the view.
    const side = Math.min(48, view.width / 4);
    if (rect.left < view.left + side || rect.right > view.right - side) scroller.scrollLeft += rect.left - view.left - (view.width - rect.width) / 2;
    return;
  }
  const margin = Math.min(48, view.height / 4);
  if (rect.top >= view.top + margin && rect.bottom <= view.bottom - margin) return;
  scroller.scrollTop += rect.top - view.top - (view.height - rect.height) / 2;
}

/** A match in a wide table or code block (they scroll sideways): bring it into that block's view. */
function scrollBlockSideways(scroller: HTMLElement, range: Range): void {
  for (let block = range.startContainer.parentElement; block && block !== scroller; block = block.parentElement) {
    if (block.scrollWidth <= block.clientWidth) continue;
    const rect = range.getBoundingClientRect();
    const view = block.getBoundingClientRect();
    if (rect.left < view.left || rect.right > view.right) {
      block.scrollLeft += rect.left - view.left - (view.width - rect.width) / 2;
    }
    return;
  }
}

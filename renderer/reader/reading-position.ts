/**
 * The reading position is the text offset of the first character visible at the top of the
 * reader. Measuring and restoring use the same line (the top edge plus a small margin), so a
 * position saved and restored lands on the same character every time.
 */
import type { ReadingProgress } from '../../electron/shared/models';
import { pendingAround } from './book/chapter-units';
import { currentPage, isPaginated, pageGeometry, showPageOf } from './book/pagination';
import { isVertical, scrollVerticalTo, verticalProgress, verticalView } from './book/vertical';
import { indexTextNodes, offsetsToRange, type TextNodeEntry } from './text-offsets';

const TOP_MARGIN_PX = 4;
const NOT_BLANK = /\S/;

const canMeasure = (doc: Document) => typeof doc.createRange().getBoundingClientRect === 'function';

function firstIndex(count: number, isBelowTop: (index: number) => boolean): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (isBelowTop(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}

interface TextNodeIndex {
  /** null once the text has changed: walked again at the next measure */
  entries: TextNodeEntry[] | null;
  changes: MutationObserver;
}

const textNodeIndexes = new WeakMap<HTMLElement, TextNodeIndex>();

/**
 * The container's text nodes that hold more than blanks, with their offsets. A measure runs at every
 * turn of a page and every frame of a scroll, and walking a long book's every text node was most of
 * it; so the walk is kept until the text changes (a chapter laid out, a highlight painted, a node's
 * text edited), which a MutationObserver tells. Its pending records are taken before each use, so a
 * change made earlier in the same task is never missed.
 */
function textNodesWithLetters(container: HTMLElement): TextNodeEntry[] {
  // A test that stops at the first letter: trimming each node copied a long book's whole text every frame.
  const walk = () => indexTextNodes(container).filter((entry) => NOT_BLANK.test(entry.node.data));
  if (typeof MutationObserver !== 'function') return walk();
  let index = textNodeIndexes.get(container);
  if (!index) {
    const fresh: TextNodeIndex = { entries: null, changes: new MutationObserver(() => (fresh.entries = null)) };
    fresh.changes.observe(container, { childList: true, subtree: true, characterData: true });
    textNodeIndexes.set(container, fresh);
    index = fresh;
  } else if (index.changes.takeRecords().length > 0) {
    index.entries = null;
  }
  return (index.entries ??= walk());
}

/**
 * Offset of the first character on screen: in a scroll, the first whose line reaches below `view.top`
 * (viewport coordinates); in pages, the first whose column reaches past the page's starting edge
 * (`view.left`, or `view.right` when the columns run right to left).
 */
export function firstVisibleOffset(container: HTMLElement, view: number | { left: number; right: number; sign: 1 | -1 }): number {
  const doc = container.ownerDocument;
  if (!canMeasure(doc)) return 0;
  const entries = textNodesWithLetters(container);
  if (entries.length === 0) return 0;
  const range = doc.createRange();
  const reaches = (entry: TextNodeEntry, from: number, to: number) => {
    // A long book's chapter not loaded yet is laid out only near the view: its box says whether it
    // is wholly before or after the line without laying its text out (chapter-units.ts).
    const waiting = pendingAround(entry.node);
    if (waiting) {
      const box = waiting.getBoundingClientRect();
      if (typeof view === 'number' ? box.bottom <= view : view.sign === 1 ? box.right <= view.left + 1 : box.left >= view.right - 1) return false;
      if (typeof view === 'number' ? box.top > view : view.sign === 1 ? box.left > view.left + 1 : box.right < view.right - 1) return true;
    }
    range.setStart(entry.node, from);
    range.setEnd(entry.node, to);
    const rect = range.getBoundingClientRect();
    if (typeof view === 'number') return rect.bottom > view;
    // An empty rectangle (a collapsed space) sits nowhere: it counts with what follows it.
    if (rect.width === 0 && rect.height === 0) return false;
    return view.sign === 1 ? rect.right > view.left + 1 : rect.left < view.right - 1;
  };
  const nodeIndex = firstIndex(entries.length, (i) => {
    const entry = entries[i]!;
    return reaches(entry, 0, entry.node.data.length);
  });
  const entry = entries[Math.min(nodeIndex, entries.length - 1)]!;
  if (nodeIndex >= entries.length) return entry.start + entry.node.data.length;
  const charIndex = firstIndex(entry.node.data.length, (i) => reaches(entry, i, i + 1));
  return entry.start + Math.min(charIndex, entry.node.data.length - 1);
}

export function measureReadingProgress(scroller: HTMLElement, container: HTMLElement): ReadingProgress {
  if (isPaginated(scroller)) {
    const geometry = pageGeometry(scroller);
    const box = scroller.getBoundingClientRect();
    const progress = geometry.count <= 1 ? 1 : currentPage(scroller, geometry) / (geometry.count - 1);
    return {
      progress: Math.round(progress * 1000) / 1000,
      // Vertical text's pages follow each other downwards: the first character is the first below the page's top.
      position: firstVisibleOffset(container, geometry.axis === 'y' ? box.top + 1 : { left: box.left, right: box.right, sign: geometry.sign }),
    };
  }
  if (isVertical(scroller)) {
    return { progress: Math.round(verticalProgress(scroller) * 1000) / 1000, position: firstVisibleOffset(container, verticalView(scroller, TOP_MARGIN_PX)) };
  }
  const scrollable = scroller.scrollHeight - scroller.clientHeight;
  const progress = scrollable <= 0 ? 1 : Math.min(1, Math.max(0, scroller.scrollTop / scrollable));
  const viewTop = scroller.getBoundingClientRect().top + TOP_MARGIN_PX;
  return { progress: Math.round(progress * 1000) / 1000, position: firstVisibleOffset(container, viewTop) };
}

/** Scrolls so that the character at `offset` is the first one visible. */
export function scrollToTextOffset(scroller: HTMLElement, container: HTMLElement, offset: number): void {
  const doc = container.ownerDocument;
  if (offset <= 0) {
    // The start of the text: show the article's header too.
    scroller.scrollTop = 0;
    scroller.scrollLeft = 0;
    return;
  }
  if (!canMeasure(doc)) return;
  const entries = indexTextNodes(container);
  const range = offsetsToRange(container, { start: offset, end: offset + 1 }, entries);
  if (!range) return;
  const rects = range.getClientRects();
  const rect = rects.length > 0 ? rects[0]! : range.getBoundingClientRect();
  if (isPaginated(scroller)) {
    showPageOf(scroller, rect);
    return;
  }
  if (isVertical(scroller)) {
    scrollVerticalTo(scroller, rect, TOP_MARGIN_PX);
    return;
  }
  const viewTop = scroller.getBoundingClientRect().top + TOP_MARGIN_PX;
  scroller.scrollTop += rect.top - viewTop;
}

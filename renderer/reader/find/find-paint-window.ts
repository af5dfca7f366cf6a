/**
 * Which find matches to paint. Chromium repaints every range of a highlight whenever any of it
 * changes, so painting the 95,000 matches of "e" in a 1 MB manual takes seconds a keystroke;
 * above a few hundred matches only those within a screen of the view are painted, and the
 * window follows the scrolling (the count still says how many there are in all).
 */
import { firstVisibleOffset } from '../reading-position';
import type { TextSpan } from '../text-offsets';

/** Up to this many matches, all are painted: no work on scrolling, nothing to follow. */
export const PAINT_ALL_LIMIT = 500;

const canMeasure = (doc: Document) => typeof doc.createRange().getBoundingClientRect === 'function';

/** The text from a screen above the view to a screen below it, as offsets; null when layout cannot be read. */
function textNearView(scroller: HTMLElement, container: HTMLElement): TextSpan | null {
  if (!canMeasure(container.ownerDocument)) return null;
  const view = scroller.getBoundingClientRect();
  return {
    start: firstVisibleOffset(container, view.top - view.height),
    end: firstVisibleOffset(container, view.bottom + view.height),
  };
}

/** The matches to paint, as indexes [from, to) into `matches`. */
export function matchesToPaint(
  matches: readonly TextSpan[],
  scroller: HTMLElement | null,
  container: HTMLElement,
): { from: number; to: number } {
  const everything = { from: 0, to: matches.length };
  if (matches.length <= PAINT_ALL_LIMIT || !scroller) return everything;
  const near = textNearView(scroller, container);
  if (!near) return everything;
  // Binary search for the first match ending after the window's start.
  let from = 0;
  let high = matches.length;
  while (from < high) {
    const mid = (from + high) >> 1;
    if (matches[mid]!.end <= near.start) from = mid + 1;
    else high = mid;
  }
  let to = from;
  while (to < matches.length && matches[to]!.start <= near.end) to++;
  return { from, to };
}

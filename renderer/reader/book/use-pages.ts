/**
 * Turning pages in paginated mode: the arrow keys, Page Up/Down, Space and Home/End on the text, the wheel,
 * and the click zones at the page's edges. A scroll that lands between pages (anything that scrolls an
 * element into view: a heading, a highlight, a search hit, a followed link) settles on the page
 * that holds what it brought into view. A change of size keeps the first character on screen on
 * screen (useKeepPlaceOnResize, as in a scroll).
 */
import { useEffect, type RefObject } from 'react';
import { isTyping } from '../use-reader-shortcuts';
import { currentPage, pageAtDistance, pageGeometry, pageScroll, showPage, showPageOf } from './pagination';
import { isVertical } from './vertical';

export interface PageTurner {
  /** `step` 1: the next page, -1: the previous one */
  turn: (step: 1 | -1) => void;
}

/** Wheel events closer together than this are one gesture. */
const WHEEL_GESTURE_GAP_MS = 250;

function turnPage(scroller: HTMLElement, step: 1 | -1): void {
  const geometry = pageGeometry(scroller);
  showPage(scroller, currentPage(scroller, geometry) + step, geometry);
}

export function usePages(scroller: RefObject<HTMLElement | null>, paginated: boolean): PageTurner {
  // From a click zone: the text takes the focus (a press on the zone would leave it on the page's
  // body), so the arrow keys turn the next pages.
  const turn = (step: 1 | -1) => {
    const element = scroller.current;
    if (!element) return;
    turnPage(element, step);
    if (!element.contains(document.activeElement)) element.focus({ preventScroll: true });
  };

  useEffect(() => {
    const element = scroller.current;
    if (!paginated || !element) return;
    let page = currentPage(element);
    const onScroll = () => {
      const geometry = pageGeometry(element);
      const scrolled = pageScroll(element, geometry);
      const settled = Math.min(geometry.count - 1, pageAtDistance(scrolled, geometry.stride, page));
      if (Math.abs(scrolled - settled * geometry.stride) > 1) {
        // Vertical text is brought into view at its lines' start as often as at their end: the
        // page is the one holding what was focused there (a heading, a highlight), when anything was.
        const focused = document.activeElement;
        if (isVertical(element) && focused && focused !== element && element.contains(focused)) showPageOf(element, focused.getBoundingClientRect());
        else showPage(element, settled, geometry); // scrolls again, and lands here aligned
        return;
      }
      page = settled;
      // Nothing scrolls the pages across their way (down the page in columns, sideways in vertical
      // text's); a focused element larger than a page might.
      if (geometry.axis === 'x' && element.scrollTop !== 0) element.scrollTop = 0;
      if (geometry.axis === 'y' && element.scrollLeft !== 0) element.scrollLeft = 0;
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const forward = getComputedStyle(element).direction === 'rtl' || isVertical(element) ? 'ArrowLeft' : 'ArrowRight';
      const backward = forward === 'ArrowLeft' ? 'ArrowRight' : 'ArrowLeft';
      let step: 1 | -1 | 0 = 0;
      if (event.key === forward || event.key === 'PageDown' || (event.key === ' ' && !event.shiftKey)) step = 1;
      else if (event.key === backward || event.key === 'PageUp' || (event.key === ' ' && event.shiftKey)) step = -1;
      if (event.key === 'Home' || event.key === 'End') {
        // The first page or the last, as in a scroll.
        event.preventDefault();
        showPage(element, event.key === 'Home' ? 0 : pageGeometry(element).count - 1);
        return;
      }
      if (step === 0) return;
      event.preventDefault();
      turnPage(element, step);
    };
    // The wheel or a trackpad turns pages too: one page a gesture (a trackpad sends a stream of
    // small events for one swipe, so a turn waits for a pause in the stream).
    let lastWheel = -Infinity;
    const onWheel = (event: WheelEvent) => {
      const delta = Math.abs(event.deltaY) >= Math.abs(event.deltaX) ? event.deltaY : event.deltaX;
      if (event.ctrlKey || Math.abs(delta) < 4) return;
      event.preventDefault();
      const pause = event.timeStamp - lastWheel > WHEEL_GESTURE_GAP_MS;
      lastWheel = event.timeStamp;
      if (pause) turnPage(element, delta > 0 ? 1 : -1);
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    element.addEventListener('keydown', onKeyDown);
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      element.removeEventListener('wheel', onWheel);
      element.removeEventListener('scroll', onScroll);
      element.removeEventListener('keydown', onKeyDown);
    };
  }, [scroller, paginated]);

  return { turn };
}

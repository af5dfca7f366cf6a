/**
 * Scrolling a vertical text (scrolled mode): its scroll is sideways, so the wheel's up and down,
 * Page Up/Down, Space, ↓/↑ and Home/End move it along the text (leftward is forward); Chromium
 * would otherwise move nothing, the text having no vertical scroll. ← and → scroll it natively.
 * Paginated mode turns pages instead (use-pages.ts).
 */
import { useEffect, type RefObject } from 'react';
import { isTyping } from '../use-reader-shortcuts';

/** One arrow press, px: about two lines of text. */
const ARROW_STEP_PX = 60;
/** A page key keeps this much of the screen in view, as the browser's own paging does. */
const PAGE_OVERLAP = 0.1;

export function useVerticalScroll(scroller: RefObject<HTMLElement | null>, active: boolean): void {
  useEffect(() => {
    const element = scroller.current;
    if (!active || !element) return;
    const page = () => element.clientWidth * (1 - PAGE_OVERLAP);
    /** px along the text, forward when positive (leftward on screen) */
    const moveBy = (distance: number) => element.scrollBy({ left: -distance });
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const moves: Record<string, () => void> = {
        PageDown: () => moveBy(page()),
        PageUp: () => moveBy(-page()),
        ' ': () => moveBy(event.shiftKey ? -page() : page()),
        ArrowDown: () => moveBy(ARROW_STEP_PX),
        ArrowUp: () => moveBy(-ARROW_STEP_PX),
        Home: () => element.scrollTo({ left: 0 }),
        End: () => element.scrollTo({ left: -(element.scrollWidth - element.clientWidth) }),
      };
      const move = moves[event.key];
      if (!move) return;
      event.preventDefault();
      move();
    };
    const onWheel = (event: WheelEvent) => {
      if (event.ctrlKey || Math.abs(event.deltaY) <= Math.abs(event.deltaX)) return; // sideways: the browser's own
      event.preventDefault();
      moveBy(event.deltaMode === WheelEvent.DOM_DELTA_LINE ? event.deltaY * 20 : event.deltaY);
    };
    element.addEventListener('keydown', onKeyDown);
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      element.removeEventListener('keydown', onKeyDown);
      element.removeEventListener('wheel', onWheel);
    };
  }, [scroller, active]);
}

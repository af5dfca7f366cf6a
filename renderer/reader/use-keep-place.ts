/**
 * When the text reflows, the first character on screen stays on screen:
 * - after a setting that reflows (font, line height, column width, scrolled or paginated reading):
 *   the toolbar calls the function `useKeepPlaceOnReflow` returns just before it changes the setting,
 *   and the scroll is restored once the new layout is committed;
 * - after a change of the reader's size (useKeepPlaceOnResize).
 */
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { useSettings } from '../app/settings-context';
import { measureReadingProgress, scrollToTextOffset } from './reading-position';

export function useKeepPlaceOnReflow(scroller: RefObject<HTMLElement | null>, container: RefObject<HTMLElement | null>, writingMode: string | null = null): () => void {
  const { settings } = useSettings();
  const anchor = useRef<number | null>(null);
  // Where the last reflow put the reader: unmoved since, the place is still that character, not the
  // first one of the page it landed on (switching to pages and back would creep back a page a time).
  const restored = useRef<{ offset: number; top: number; left: number } | null>(null);
  const keepPlace = () => {
    const element = scroller.current;
    if (!element || !container.current) return;
    const last = restored.current;
    const unmoved = last !== null && last.top === element.scrollTop && last.left === element.scrollLeft;
    anchor.current = unmoved ? last.offset : measureReadingProgress(element, container.current).position;
  };
  useLayoutEffect(() => {
    if (anchor.current === null || !scroller.current || !container.current) return;
    scrollToTextOffset(scroller.current, container.current, anchor.current);
    restored.current = { offset: anchor.current, top: scroller.current.scrollTop, left: scroller.current.scrollLeft };
    anchor.current = null;
  }, [scroller, container, settings.fontSize, settings.fontFamily, settings.lineHeight, settings.columnWidth, settings.readingMode, writingMode]);
  return keepPlace;
}

/**
 * A change of the reader's size (the window dragged or snapped to half the screen, focus mode hiding
 * the chrome, the panel beside the text opened or closed) keeps the first character on screen on
 * screen, in a scroll as in pages. The browser's scroll anchoring did not: a window narrowed from
 * 1280 to 800 px showed the text some twenty paragraphs back.
 *
 * The place is measured at every scroll, so a change of size right after one keeps where it went
 * (measured only once pages had stopped turning, focus mode right after a few turns showed the page
 * the reader had left). Not measured:
 * - while a change of size is yet to be handled: that scroll's offset belongs to the old layout;
 * - for the scroll this hook made itself to restore the place: measuring it would give the first
 *   character of the line or page it landed on, a little earlier each time;
 * - while the reader is hidden (no size: a PDF's pages shown instead): it comes back at its place.
 * `layoutKey` names the layout the place is measured in (reading mode, writing mode): a new one measures afresh.
 */
export function useKeepPlaceOnResize(scroller: RefObject<HTMLElement | null>, container: RefObject<HTMLElement | null>, layoutKey: string): void {
  useEffect(() => {
    const element = scroller.current;
    const content = container.current;
    if (!element || !content) return;
    const shown = () => element.clientWidth > 0 && element.clientHeight > 0;
    let position = shown() ? measureReadingProgress(element, content).position : 0;
    let width = element.clientWidth;
    let height = element.clientHeight;
    const scrolledTo = () => `${element.scrollLeft} ${element.scrollTop}`;
    let restored: string | null = null;
    const onScroll = () => {
      if (element.clientWidth !== width || element.clientHeight !== height || !shown() || scrolledTo() === restored) return;
      position = measureReadingProgress(element, content).position;
    };
    const onResize = () => {
      if (element.clientWidth === width && element.clientHeight === height) return;
      width = element.clientWidth;
      height = element.clientHeight;
      if (!shown()) return;
      scrollToTextOffset(element, content, position);
      restored = scrolledTo();
    };
    const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(onResize) : null;
    resize?.observe(element);
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      resize?.disconnect();
      element.removeEventListener('scroll', onScroll);
    };
  }, [scroller, container, layoutKey]);
}

/**
 * Font changes and a change between scrolled and paginated reading reflow the text: the first visible character stays in place. The toolbar calls the
 * returned function just before it changes a setting that reflows; the scroll is restored once
 * the new layout is committed.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';
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

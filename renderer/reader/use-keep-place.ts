/**
 * Font changes and a change between scrolled and paginated reading reflow the text: the first visible character stays in place. The toolbar calls the
 * returned function just before it changes a setting that reflows; the scroll is restored once
 * the new layout is committed.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';
import { useSettings } from '../app/settings-context';
import { measureReadingProgress, scrollToTextOffset } from './reading-position';

export function useKeepPlaceOnReflow(scroller: RefObject<HTMLElement | null>, container: RefObject<HTMLElement | null>): () => void {
  const { settings } = useSettings();
  const anchor = useRef<number | null>(null);
  const keepPlace = () => {
    if (scroller.current && container.current) {
      anchor.current = measureReadingProgress(scroller.current, container.current).position;
    }
  };
  useLayoutEffect(() => {
    if (anchor.current === null || !scroller.current || !container.current) return;
    scrollToTextOffset(scroller.current, container.current, anchor.current);
    anchor.current = null;
  }, [scroller, container, settings.fontSize, settings.fontFamily, settings.lineHeight, settings.columnWidth, settings.readingMode]);
  return keepPlace;
}

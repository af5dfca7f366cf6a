/**
 * Back after following a link inside the text (a cross-reference, a footnote): each link followed
 * remembers the scroll (and the first character on screen, should the layout change meanwhile) and
 * the link itself; Back returns there and
 * gives the focus back to the link, so the reader carries on where they were.
 */
import { useCallback, useRef, useState, type RefObject } from 'react';
import { measureReadingProgress, scrollToTextOffset } from '../reading-position';

interface Return {
  offset: number;
  link: HTMLElement | null;
  /** the scroll itself, exact while the layout is the same (`layout`) */
  top: number;
  left: number;
  layout: string;
}

/** The scroller's width and mode (and height, for pages): while they hold, the same scroll shows the same text. */
const layoutOf = (scroller: HTMLElement): string => {
  const pages = scroller.dataset.pages;
  return pages ? `${pages}:${scroller.clientWidth}x${scroller.clientHeight}` : `${scroller.clientWidth}`;
};

export interface LinkHistory {
  canGoBack: boolean;
  /** call before the reader moves to a link's target */
  remember: (link: HTMLElement | null) => void;
  /** false when there is nowhere to go back to */
  goBack: () => boolean;
}

/** Enough for any chain of cross-references a person follows; the oldest go first. */
const MAX_RETURNS = 50;

export function useLinkHistory(scroller: RefObject<HTMLElement | null>, container: RefObject<HTMLElement | null>): LinkHistory {
  const stack = useRef<Return[]>([]);
  const [depth, setDepth] = useState(0);
  const remember = useCallback(
    (link: HTMLElement | null) => {
      if (!scroller.current || !container.current) return;
      const element = scroller.current;
      const place = { offset: measureReadingProgress(element, container.current).position, link, top: element.scrollTop, left: element.scrollLeft, layout: layoutOf(element) };
      stack.current = [...stack.current, place].slice(-MAX_RETURNS);
      setDepth(stack.current.length);
    },
    [scroller, container],
  );
  const goBack = useCallback(() => {
    const last = stack.current.at(-1);
    if (!last || !scroller.current || !container.current) return false;
    stack.current = stack.current.slice(0, -1);
    setDepth(stack.current.length);
    if (layoutOf(scroller.current) === last.layout) scroller.current.scrollTo({ top: last.top, left: last.left, behavior: 'instant' });
    else scrollToTextOffset(scroller.current, container.current, last.offset);
    if (last.link?.isConnected) last.link.focus({ preventScroll: true });
    return true;
  }, [scroller, container]);
  return { canGoBack: depth > 0, remember, goBack };
}

/**
 * Keeps the find matches painted over the article while the find bar is open (see
 * find-painter.ts), following the scrolling and changes to the article's DOM. Gone when the bar
 * closes.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';
import { FindPainter } from './find-painter';
import type { TextSpan } from '../text-offsets';

interface FindHighlightsOptions {
  container: RefObject<HTMLElement | null>;
  scroller: RefObject<HTMLElement | null>;
  matches: readonly TextSpan[];
  current: number;
  /** changes on every move, so a move onto the match shown already still scrolls to it */
  moves: number;
}

export function useFindHighlights({ container, scroller, matches, current, moves }: FindHighlightsOptions): void {
  const painter = useRef<FindPainter | null>(null);

  // Declared first: on mount it runs before the effect below paints.
  useLayoutEffect(() => {
    const root = container.current;
    const view = scroller.current;
    if (!root || !view) return;
    const active = new FindPainter(root, view);
    painter.current = active;

    let frame = 0;
    const onScroll = () => {
      if (frame !== 0 || !active.followsScrolling) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        active.paintMatches();
      });
    };
    view.addEventListener('scroll', onScroll, { passive: true });
    // Bookmarks and notes are drawn as <mark> elements, which splits and joins text nodes and
    // leaves ranges pointing at the wrong characters: paint again after any such change.
    const observer = typeof MutationObserver === 'undefined' ? null : new MutationObserver(() => active.refresh());
    observer?.observe(root, { childList: true, characterData: true, subtree: true });

    return () => {
      view.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
      observer?.disconnect();
      active.clear();
      painter.current = null;
    };
  }, [container, scroller]);

  useLayoutEffect(() => {
    painter.current?.show(matches, current);
  }, [matches, current, moves]);
}

/**
 * What the library's list and grid share about scrolling: both are virtualized inside the view
 * that scrolls (the library's `<main>`), starting below whatever is above them.
 */
import { observeElementRect, type Virtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useState, type RefObject } from 'react';

/** The view the list scrolls in (the library's `<main>`). */
export const scrollerOf = (list: HTMLElement | null): HTMLElement | null => list?.closest<HTMLElement>('.view') ?? null;

/**
 * The scroller's size; before it has one (not laid out yet, or no layout at all) the window's
 * height is the best guess of how many rows to render.
 */
export const observeScrollerRect = (
  instance: Virtualizer<HTMLElement, Element>,
  callback: (rect: { width: number; height: number }) => void,
) =>
  observeElementRect(instance, (rect) =>
    callback(rect.height > 0 ? rect : { width: rect.width, height: window.innerHeight }),
  );

/**
 * Where the list starts in the scroller; what is above it (progress, selection bar) comes and
 * goes, so it is measured after every render (and set only when it moved, which ends the loop).
 */
export function useScrollMargin(list: RefObject<HTMLElement | null>): number {
  const [scrollMargin, setScrollMargin] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- on purpose: after every render
  useLayoutEffect(() => {
    const scroller = scrollerOf(list.current);
    if (!list.current || !scroller) return;
    const top = Math.round(
      list.current.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop,
    );
    // A measurement of the laid-out page, which only an effect after the render can take.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- set only when it moved, so the loop ends
    if (top !== scrollMargin) setScrollMargin(top);
  });
  return scrollMargin;
}

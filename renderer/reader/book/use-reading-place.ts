/**
 * Where the reader is, kept up to date while the text scrolls or turns its pages: the offset of
 * the first character on screen (the reading position's own measure) and, in pages, which page of
 * how many. Measured once per frame at most.
 */
import { useEffect, useState, type RefObject } from 'react';
import { measureReadingProgress } from '../reading-position';
import { currentPage, isPaginated, pageGeometry } from './pagination';

export interface ReadingPlace {
  offset: number;
  /** in pages: the page shown (from 0) and how many there are; null in a scroll */
  page: { index: number; count: number } | null;
}

const samePlace = (a: ReadingPlace, b: ReadingPlace) =>
  a.offset === b.offset && a.page?.index === b.page?.index && a.page?.count === b.page?.count;

export function useReadingPlace(scroller: RefObject<HTMLElement | null>, container: RefObject<HTMLElement | null>, layoutKey: string): ReadingPlace {
  const [place, setPlace] = useState<ReadingPlace>({ offset: 0, page: null });
  useEffect(() => {
    const element = scroller.current;
    const content = container.current;
    if (!element || !content) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const paginated = isPaginated(element);
      const geometry = paginated ? pageGeometry(element) : null;
      const next: ReadingPlace = {
        offset: measureReadingProgress(element, content).position,
        page: geometry ? { index: currentPage(element, geometry), count: geometry.count } : null,
      };
      setPlace((was) => (samePlace(was, next) ? was : next));
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(measure);
    };
    schedule();
    element.addEventListener('scroll', schedule, { passive: true });
    const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(schedule) : null;
    resize?.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      element.removeEventListener('scroll', schedule);
      resize?.disconnect();
    };
  }, [scroller, container, layoutKey]);
  return place;
}

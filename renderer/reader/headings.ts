/** The headings of an article as the reader shows them: for the table of contents and H / Shift+H. */
import { isVertical } from './book/vertical';

export interface ArticleHeading {
  element: HTMLElement;
  level: number;
  text: string;
}

export function articleHeadings(container: HTMLElement): ArticleHeading[] {
  return Array.from(container.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6'))
    .map((element) => ({ element, level: Number(element.tagName.slice(1)), text: (element.textContent ?? '').replace(/\s+/g, ' ').trim() }))
    .filter((heading) => heading.text !== '');
}

/** Scrolls a heading to the top of the reader and gives it focus (for screen readers and keys). */
export function goToHeading(element: HTMLElement): void {
  if (!element.hasAttribute('tabindex')) element.tabIndex = -1;
  element.scrollIntoView?.({ block: 'start' });
  element.focus({ preventScroll: true });
}

/** The next (or previous) heading after the top of the visible text. */
export function adjacentHeading(
  headings: readonly ArticleHeading[],
  scroller: HTMLElement,
  direction: 1 | -1,
): ArticleHeading | null {
  const view = scroller.getBoundingClientRect();
  // A heading counts as "here" within a few pixels of the top (where goToHeading puts it); in
  // vertical text, of the right edge, where its lines start.
  const vertical = isVertical(scroller);
  const offsets = headings.map((h) => {
    const rect = h.element.getBoundingClientRect();
    return vertical ? view.right - rect.right : rect.top - view.top;
  });
  if (direction === 1) {
    const index = offsets.findIndex((offset) => offset > 4);
    return index >= 0 ? headings[index]! : null;
  }
  for (let i = offsets.length - 1; i >= 0; i -= 1) if (offsets[i]! < -4) return headings[i]!;
  return null;
}

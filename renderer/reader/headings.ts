/** The headings of an article as the reader shows them: for the table of contents and H / Shift+H. */
import { isPaginated, pageGeometry } from './book/pagination';
import { isVertical } from './book/vertical';

/** More than any distance across one page, px: what a page further along adds to a heading's place. */
const PAGE_WEIGHT = 1e6;

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
  // Vertical text's pages follow each other downwards (pagination.ts): a heading on a later page
  // comes after every one on this page, wherever it is across its page.
  const stride = vertical && isPaginated(scroller) ? pageGeometry(scroller).stride : null;
  const offsets = headings.map((h) => {
    const rect = h.element.getBoundingClientRect();
    if (!vertical) return rect.top - view.top;
    const page = stride ? Math.floor((rect.top - view.top + 1) / stride) : 0;
    return page * PAGE_WEIGHT + view.right - rect.right;
  });
  if (direction === 1) {
    const index = offsets.findIndex((offset) => offset > 4);
    return index >= 0 ? headings[index]! : null;
  }
  for (let i = offsets.length - 1; i >= 0; i -= 1) if (offsets[i]! < -4) return headings[i]!;
  return null;
}

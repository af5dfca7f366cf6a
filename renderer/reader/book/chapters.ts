/**
 * A book's chapters as the reader sees them: its headings, each with where it starts in the text
 * (an offset into text.txt, the coordinates of passages and the reading position). EPUB chapters
 * arrive as headings (the importer gives a chapter without one its table-of-contents label).
 */
import type { BookChapter } from '../../../electron/shared/models';
import { boundaryToOffset, indexTextNodes } from '../text-offsets';

export interface Chapter {
  /** 1 for the book's top level, 2 below it… (heading levels, counted from the highest used) */
  depth: number;
  title: string;
  /** offset of the heading's first character in the text */
  start: number;
  /** which of the text's headings it is (counting all, in document order); -1 for a chapter of a long book */
  headingIndex: number;
  /** a long book's chapter: the id of its section (or of its text while it is not loaded) */
  anchor?: string;
}

/** A long book's chapters (read in chapters) as its contents: one entry each, named as the book names it. */
export function chaptersOfBook(chapters: readonly BookChapter[]): Chapter[] {
  return chapters
    .filter((chapter) => chapter.label !== '' && chapter.end > chapter.start)
    .map((chapter) => ({ depth: 1, title: chapter.label, start: chapter.start, headingIndex: -1, anchor: chapter.anchor }));
}

const HEADINGS = 'h1, h2, h3, h4, h5, h6';

/** The heading element of a chapter in the text on the page. */
export const chapterHeading = (container: ParentNode, chapter: Chapter): HTMLElement | null =>
  chapter.anchor !== undefined
    ? container.querySelector<HTMLElement>(`[id="${chapter.anchor}"]`)
    : (container.querySelectorAll<HTMLElement>(HEADINGS)[chapter.headingIndex] ?? null);

/** The chapters of an article's HTML, read in an inert template (nothing in it is fetched or run). */
export function chaptersOfHtml(html: string): Chapter[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  return chaptersOf(template.content);
}

/** Shorter documents are read top to bottom; a list of two headings helps nobody. */
export const MIN_HEADINGS_FOR_CONTENTS = 3;
/** Deeper headings (a recipe's steps, a manual's sub-sub-sections) would bury the chapters. */
const MAX_DEPTH = 3;

/** `container`: what holds exactly the article's text (the reader's container, or a parsed copy). */
export function chaptersOf(container: ParentNode & Node): Chapter[] {
  const headings = Array.from(container.querySelectorAll<HTMLElement>(HEADINGS))
    .map((element, headingIndex) => ({ element, headingIndex, level: Number(element.tagName.slice(1)), title: (element.textContent ?? '').replace(/\s+/g, ' ').trim() }))
    .filter((heading) => heading.title !== '');
  if (headings.length === 0) return [];
  const top = Math.min(...headings.map((heading) => heading.level));
  const entries = indexTextNodes(container);
  return headings
    .map(({ element, headingIndex, level, title }) => ({ depth: level - top + 1, title, headingIndex, start: boundaryToOffset(container, entries, element, 0) }))
    .filter((chapter) => chapter.depth <= MAX_DEPTH);
}

/** The index of the chapter that holds `offset` (the last one starting at or before it), or -1 before the first. */
export function chapterAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid]! <= offset) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/** Where the chapter at `index` ends: the next chapter of the same or a higher level, else the text's end. */
export function chapterEnd(chapters: readonly Pick<Chapter, 'depth' | 'start'>[], index: number, textLength: number): number {
  const chapter = chapters[index];
  if (!chapter) return textLength;
  for (let i = index + 1; i < chapters.length; i += 1) {
    if (chapters[i]!.depth <= chapter.depth) return chapters[i]!.start;
  }
  return textLength;
}

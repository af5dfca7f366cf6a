/**
 * Draws the article's highlights into the reader container: bookmarks and notes (one colour
 * each) and search matches (the current one stands out and is scrolled to). The first mark of
 * each bookmark or note is in the Tab order, described by `markHintId` (what Enter does on it).
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';
import { type ArrivedChapter, drawHighlights, drawHighlightsIn, type HighlightSpec } from './highlights';
import type { PlacedAnnotation } from './placed-annotations';
import type { TextSpan } from './text-offsets';
import { DEFAULT_HIGHLIGHT_COLOR } from './colors';

const CURRENT_MATCH_CLASS = 'quire-search-current';

export function useHighlightMarks(
  container: RefObject<HTMLElement | null>,
  /** changes whenever the text's DOM is new (another article, a chapter of a book arriving) */
  contentKey: string,
  placed: readonly PlacedAnnotation[],
  matches: readonly TextSpan[],
  currentMatch: number,
  markHintId: string,
  /** a long book's chapters that arrived since the last drawing: only their marks are drawn then */
  arrivals?: RefObject<ArrivedChapter[]>,
) {
  const searchMarks = useRef<HTMLElement[][]>([]);
  const shownMatch = useRef(-1);
  /** every spec's marks as last drawn, and what they were drawn from */
  const drawnMarks = useRef<{ marks: HTMLElement[][]; placed: readonly PlacedAnnotation[]; matches: readonly TextSpan[]; hint: string } | null>(null);

  useLayoutEffect(() => {
    const root = container.current;
    if (!root) return;
    const specs: HighlightSpec[] = [];
    for (const { annotation, span } of placed) {
      if (!span) continue;
      specs.push({
        ...span,
        className: `quire-highlight quire-color-${annotation.color ?? DEFAULT_HIGHLIGHT_COLOR} quire-kind-${annotation.kind}`,
        data: { annotationId: annotation.id },
      });
    }
    for (const match of matches) specs.push({ ...match, className: 'quire-search-match' });
    // Drawing replaces the marks: a focused highlight (just recoloured, or changed by another
    // process) keeps the focus on its new first mark.
    const focused = document.activeElement instanceof HTMLElement && root.contains(document.activeElement) ? document.activeElement.dataset.annotationId : undefined;
    const arrived = arrivals?.current.splice(0) ?? [];
    const last = drawnMarks.current;
    const same = last !== null && last.placed === placed && last.matches === matches && last.hint === markHintId;
    const drawn = same && arrived.length > 0 ? arrived.reduce((marks, chapter) => drawHighlightsIn(chapter, specs, marks), last.marks) : drawHighlights(root, specs);
    drawnMarks.current = { marks: drawn, placed, matches, hint: markHintId };
    for (const marks of drawn.slice(0, drawn.length - matches.length)) {
      const first = marks[0];
      if (!first) continue;
      first.tabIndex = 0;
      first.setAttribute('aria-describedby', markHintId);
    }
    if (focused !== undefined) annotationMarks(root, focused)[0]?.focus({ preventScroll: true });
    searchMarks.current = drawn.slice(drawn.length - matches.length);
    for (const mark of searchMarks.current[shownMatch.current] ?? []) mark.classList.add(CURRENT_MATCH_CLASS);
  }, [container, contentKey, placed, matches, markHintId, arrivals]);

  useLayoutEffect(() => {
    for (const mark of searchMarks.current[shownMatch.current] ?? []) mark.classList.remove(CURRENT_MATCH_CLASS);
    shownMatch.current = currentMatch;
    const marks = searchMarks.current[currentMatch] ?? [];
    for (const mark of marks) mark.classList.add(CURRENT_MATCH_CLASS);
    marks[0]?.scrollIntoView?.({ block: 'center' });
  }, [currentMatch, matches]);
}

/** Scrolls a bookmark's first mark into view and focuses it; false when it has none in the text. */
export function focusAnnotationMark(root: HTMLElement | null, annotationId: string): boolean {
  const first = root ? annotationMarks(root, annotationId)[0] : undefined;
  if (!first) return false;
  if (!first.hasAttribute('tabindex')) first.tabIndex = -1;
  first.scrollIntoView?.({ block: 'center' });
  first.focus({ preventScroll: true });
  return true;
}

/** The marks of one annotation, in text order. */
export function annotationMarks(root: HTMLElement, annotationId: string): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('mark[data-annotation-id]')).filter(
    (mark) => mark.dataset.annotationId === annotationId,
  );
}

/**
 * What the reader needs to show a fixed-layout book's highlights on its pages, as a PDF's
 * (pdf/use-pdf-pages.ts): the page view's handle and element, a selection on a page read as a
 * passage of the book's text, and the passage to show (a bookmark's, from the side panel or the
 * Bookmarks view), which the pages go to once they are loaded.
 */
import { useCallback, useRef, useState } from 'react';
import type { Annotation } from '../../../electron/shared/models';
import type { PlacedAnnotation } from '../placed-annotations';
import type { TextSpan } from '../text-offsets';
import { usePassageSelection, type SpanReader } from '../use-passage-selection';

/** A passage to show, numbered so that asking for the same one again goes there again. */
/** What the pages view answers the hook: the passage a selection on its pages covers. */
export interface FixedPagesHandle {
  spanOfSelection: (selection: Selection | null) => TextSpan | null;
}

export interface FixedPagesRequest {
  span: TextSpan;
  count: number;
}

export function useFixedPages(placed: readonly PlacedAnnotation[]) {
  const view = useRef<FixedPagesHandle>(null);
  const pages = useRef<HTMLDivElement>(null);
  const spanOf: SpanReader = useCallback((_root, selection) => view.current?.spanOfSelection(selection) ?? null, []);
  const selection = usePassageSelection(pages, pages, spanOf);
  const [request, setRequest] = useState<FixedPagesRequest | null>(null);
  /** Shows a bookmark's or note's passage on its page. */
  const goTo = (annotation: Pick<Annotation, 'id'>) => {
    const span = placed.find((p) => p.annotation.id === annotation.id)?.span;
    if (span) setRequest((previous) => ({ span, count: (previous?.count ?? 0) + 1 }));
  };
  /** The pages went there: a later return to the pages opens on the page read last, not there again. */
  const requestShown = useCallback(() => setRequest(null), []);
  return { view, pages, selection, request, requestShown, goTo };
}

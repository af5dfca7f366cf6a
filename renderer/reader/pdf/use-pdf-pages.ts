/**
 * What the reader needs to show a PDF article as its pages: the Page/Text choice, the page view's
 * handle and elements, and a selection on the pages read as a passage of the same text.
 */
import { useCallback, useRef } from 'react';
import type { Annotation } from '../../../electron/shared/models';
import type { PlacedAnnotation } from '../placed-annotations';
import { usePassageSelection, type SpanReader } from '../use-passage-selection';
import type { PdfPageViewHandle } from './PdfPageView';
import { usePdfViewMode } from './use-pdf-view-mode';

export function usePdfPages(articleId: string, isPdf: boolean, placed: readonly PlacedAnnotation[]) {
  const [mode, setMode] = usePdfViewMode(articleId, isPdf);
  const view = useRef<PdfPageViewHandle>(null);
  const pages = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const spanOf: SpanReader = useCallback((_root, selection) => view.current?.spanOfSelection(selection) ?? null, []);
  const selection = usePassageSelection(pages, scroller, spanOf);
  /** Shows a bookmark's or note's passage on its page. */
  const goTo = (annotation: Pick<Annotation, 'id'>) => {
    const span = placed.find((p) => p.annotation.id === annotation.id)?.span;
    if (span) view.current?.goTo(span);
  };
  return { isPdf, showPages: mode === 'page', mode, setMode, view, pages, scroller, selection, goTo };
}

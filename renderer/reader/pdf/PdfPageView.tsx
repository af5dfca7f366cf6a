import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type Ref, type RefObject } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { FormattedMessage } from 'react-intl';
import { useText } from '../../i18n/use-text';
import type { PlacedAnnotation } from '../placed-annotations';
import type { TextSpan } from '../text-offsets';
import { scrollRangeIntoView } from '../find/find-highlights';
import { PdfOriginalMissing } from './PdfOriginalMissing';
import { PdfPage } from './PdfPage';
import { PdfZoomBar } from './PdfZoomBar';
import { clearPageHighlights, highlightAt, paintPageHighlights, rangesOf, type PageAnchorContext } from './paint-page-highlights';
import { pageOfOffset, pageStartsOf, selectionAcrossPages } from './pdf-anchoring';
import { layerOffset, type PageTextLayer } from './pdf-text-layer';
import { usePdfDocument } from './use-pdf-document';
import { rememberedPage, rememberPage } from './use-pdf-view-mode';
import { type Zoom, effectiveScale, nextZoom } from './zoom';
import './page-highlights.css';
import './pdf-pages.css';

/** What the reader asks of the page view: where a passage is, and what a selection on it covers. */
export interface PdfPageViewHandle {
  goTo: (span: TextSpan) => void;
  spanOfSelection: (selection: Selection | null) => TextSpan | null;
}

interface PdfPageViewProps {
  ref: Ref<PdfPageViewHandle>;
  articleId: string;
  /** the article's text (text.txt) and stored HTML, whose page markers say where each page starts */
  text: string;
  html: string;
  placed: readonly PlacedAnnotation[];
  matches: readonly TextSpan[];
  currentMatch: number;
  /** the element a selection is read in (the pages) */
  pagesRef: RefObject<HTMLDivElement | null>;
  scrollerRef: RefObject<HTMLDivElement | null>;
  onShowText: () => void;
  /** a click on a highlight on a page, with nothing selected: its popover opens there */
  onHighlightClick: (annotationId: string, rect: { top: number; bottom: number; left: number; right: number }) => void;
}

/** Pages this far (in screens) above and below the view are drawn; the rest are empty boxes. */
const DRAWN_MARGIN = '100% 0px';

/**
 * A PDF as its pages, through pdf.js: one box per page at its size, drawn (canvas and text layer)
 * only while near the view, with zoom, fit width / fit page and the page number. Bookmarks, notes
 * and search matches are the text view's, found on each drawn page by their text.
 */
export function PdfPageView({ ref, articleId, text, html, placed, matches, currentMatch, pagesRef, scrollerRef, onShowText, onHighlightClick }: PdfPageViewProps) {
  const [attempt, setAttempt] = useState(0);
  const loaded = usePdfDocument(articleId, attempt);
  if (loaded.status === 'ready') {
    return (
      <PdfPages
        ref={ref}
        articleId={articleId}
        pdf={loaded.pdf}
        firstPage={loaded.firstPage}
        text={text}
        html={html}
        placed={placed}
        matches={matches}
        currentMatch={currentMatch}
        pagesRef={pagesRef}
        scrollerRef={scrollerRef}
        onHighlightClick={onHighlightClick}
      />
    );
  }
  if (loaded.status === 'missing') {
    return <PdfOriginalMissing articleId={articleId} onRestored={() => setAttempt((n) => n + 1)} onShowText={onShowText} />;
  }
  return (
    <div className="pdf-view pdf-view-message" ref={scrollerRef}>
      {loaded.status === 'loading' && (
        <p role="status" className="loading">
          <FormattedMessage id="pdf.loading" />
        </p>
      )}
      {loaded.status === 'error' && (
        <p role="alert" className="inline-error">
          <FormattedMessage id={loaded.reason === 'password-protected' ? 'pdf.error.passwordProtected' : 'pdf.error.damaged'} /> <button type="button" className="button" onClick={onShowText}>
            <FormattedMessage id="pdf.showText" />
          </button>
        </p>
      )}
    </div>
  );
}

interface PdfPagesProps extends Omit<PdfPageViewProps, 'onShowText'> {
  pdf: PDFDocumentProxy;
  firstPage: { width: number; height: number };
}

function PdfPages({ ref, articleId, pdf, firstPage, text, html, placed, matches, currentMatch, pagesRef, scrollerRef, onHighlightClick }: PdfPagesProps) {
  const interfaceText = useText();
  const pageCount = pdf.numPages;
  const pageStarts = useMemo(() => pageStartsOf(html), [html]);
  const [sizes, setSizes] = useState<ReadonlyMap<number, { width: number; height: number }>>(new Map());
  const [zoom, setZoom] = useState<Zoom>({ fit: 'width', scale: 1 });
  const [view, setView] = useState({ width: 0, height: 0 });
  const [near, setNear] = useState<ReadonlySet<number>>(new Set([1]));
  const [layers, setLayers] = useState<ReadonlyMap<number, PageTextLayer>>(new Map());
  const [currentPage, setCurrentPage] = useState(1);
  const pageElements = useRef(new Map<number, HTMLDivElement>());
  const observer = useRef<IntersectionObserver | null>(null);
  const pendingGoTo = useRef<TextSpan | null>(null);
  // The page last read, shown once the view has its size (unless a search match is shown instead).
  const pendingPage = useRef<number | null>(rememberedPage(articleId));

  const scale = effectiveScale(zoom, firstPage, view);

  // The view's size decides what "fit" means.
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const measure = () => setView({ width: scroller.clientWidth, height: scroller.clientHeight });
    measure();
    const resize = new ResizeObserver(measure);
    resize.observe(scroller);
    return () => resize.disconnect();
  }, [scrollerRef]);

  // Which pages are near the view: those are drawn.
  useEffect(() => {
    const next = new IntersectionObserver(
      (entries) =>
        setNear((previous) => {
          const changed = new Set(previous);
          for (const entry of entries) {
            const page = Number((entry.target as HTMLElement).dataset.page);
            if (entry.isIntersecting) changed.add(page);
            else changed.delete(page);
          }
          return changed;
        }),
      { root: scrollerRef.current, rootMargin: DRAWN_MARGIN },
    );
    observer.current = next;
    for (const element of pageElements.current.values()) next.observe(element);
    return () => next.disconnect();
  }, [scrollerRef]);

  const pageRef = useCallback((page: number, element: HTMLDivElement | null) => {
    const known = pageElements.current.get(page);
    if (known === element) return;
    if (known) observer.current?.unobserve(known);
    if (element) {
      pageElements.current.set(page, element);
      observer.current?.observe(element);
    } else pageElements.current.delete(page);
  }, []);
  const onSize = useCallback((page: number, size: { width: number; height: number }) => {
    setSizes((previous) => new Map(previous).set(page, size));
  }, []);
  const onTextLayer = useCallback((page: number, layer: PageTextLayer | null) => {
    setLayers((previous) => {
      if (!layer && !previous.has(page)) return previous;
      const next = new Map(previous);
      if (layer) next.set(page, layer);
      else next.delete(page);
      return next;
    });
  }, []);

  const context: PageAnchorContext = useMemo(() => ({ text, pageStarts, layers }), [text, pageStarts, layers]);
  useEffect(() => {
    paintPageHighlights(context, placed, matches, currentMatch);
  }, [context, placed, matches, currentMatch]);
  useEffect(() => clearPageHighlights, []);

  const scrollToPage = useCallback(
    (page: number) => {
      const element = pageElements.current.get(page);
      const scroller = scrollerRef.current;
      if (element && scroller) scroller.scrollTop = element.offsetTop - 8;
    },
    [scrollerRef],
  );

  // Going to a passage: its page first, then the passage itself once that page's text layer is
  // there. Until then each new layout (the first measure of the view, a zoom, a page drawn) tries
  // again, as page boxes move.
  const [goToRequest, setGoToRequest] = useState(0);
  const goTo = useCallback((span: TextSpan) => {
    pendingGoTo.current = span;
    setGoToRequest((n) => n + 1);
  }, []);
  // A search match stepped to is shown, as in the text view (once per step, not per page drawn).
  const currentSpan = matches[currentMatch];
  const shownMatch = useRef<TextSpan | undefined>(undefined);
  useEffect(() => {
    if (currentSpan !== shownMatch.current) {
      shownMatch.current = currentSpan;
      if (currentSpan) pendingGoTo.current = currentSpan;
    }
    const span = pendingGoTo.current;
    const scroller = scrollerRef.current;
    if (span) pendingPage.current = null;
    if (pendingPage.current !== null && scroller && view.width > 0) {
      scrollToPage(Math.min(pendingPage.current, pageCount));
      pendingPage.current = null;
    }
    if (!span || !scroller) return;
    const page = pageOfOffset(pageStarts, span.start);
    const range = rangesOf(context, span)[0];
    if (range) scrollRangeIntoView(scroller, range);
    else if (!layers.has(page)) return scrollToPage(page);
    // Shown, or its page is drawn and the passage's letters are not on it: the page is as near as it gets.
    pendingGoTo.current = null;
  }, [currentSpan, goToRequest, context, layers, pageStarts, scale, view.width, pageCount, scrollerRef, scrollToPage]);


  const spanOfSelection = useCallback(
    (selection: Selection | null): TextSpan | null => {
      if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
      const range = selection.getRangeAt(0);
      const pageOf = (node: Node) => Number((node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>('.pdf-page')?.dataset.page);
      const startPage = pageOf(range.startContainer);
      const endPage = pageOf(range.endContainer);
      const startLayer = layers.get(startPage);
      const endLayer = layers.get(endPage);
      if (!startLayer || !endLayer) return null;
      const from = layerOffset(startLayer, range.startContainer, range.startOffset);
      const to = layerOffset(endLayer, range.endContainer, range.endOffset);
      if (from === null || to === null) return null;
      return selectionAcrossPages(text, pageStarts, { page: startPage, layerText: startLayer.text, offset: from }, { page: endPage, layerText: endLayer.text, offset: to });
    },
    [layers, text, pageStarts],
  );
  useImperativeHandle(ref, () => ({ goTo, spanOfSelection }), [goTo, spanOfSelection]);

  // The page number follows the page in the middle of the view, once per frame.
  const scrollFrame = useRef(0);
  const onScroll = () => {
    if (scrollFrame.current) return;
    scrollFrame.current = requestAnimationFrame(() => {
      scrollFrame.current = 0;
      const scroller = scrollerRef.current;
      if (!scroller) return;
      const middle = scroller.scrollTop + scroller.clientHeight / 2;
      let page = 1;
      for (const [number, element] of pageElements.current) if (element.offsetTop <= middle && number > page) page = number;
      setCurrentPage(page);
      rememberPage(articleId, page);
    });
  };
  useEffect(() => () => cancelAnimationFrame(scrollFrame.current), []);

  const changeZoom = (action: Parameters<typeof nextZoom>[1]) => {
    const scroller = scrollerRef.current;
    // Keep the same point of the document at the top of the view through the zoom.
    const at = scroller && scroller.scrollHeight > 0 ? scroller.scrollTop / scroller.scrollHeight : 0;
    setZoom((previous) => nextZoom({ ...previous, scale }, action));
    requestAnimationFrame(() => {
      if (scroller) scroller.scrollTop = at * scroller.scrollHeight;
    });
  };
  // Highlights on a page are painted, not elements: a click is matched against their boxes.
  const onClick = (event: MouseEvent) => {
    if (!(window.getSelection()?.isCollapsed ?? true)) return;
    const hit = highlightAt(context, placed, event.clientX, event.clientY);
    if (hit) onHighlightClick(hit.annotationId, hit.rect);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === '+' || event.key === '=') changeZoom('in');
    else if (event.key === '-') changeZoom('out');
    else return;
    event.preventDefault();
  };

  return (
    <>
      <PdfZoomBar
        zoom={zoom}
        scale={scale}
        page={currentPage}
        pageCount={pageCount}
        onZoom={changeZoom}
        onGoToPage={(page) => {
          setCurrentPage(page);
          scrollToPage(page);
        }}
      />
      <div
        className="pdf-view"
        ref={scrollerRef}
        tabIndex={0}
        role="region"
        aria-label={interfaceText('pdf.pages')}
        aria-keyshortcuts="+ -"
        onScroll={onScroll}
        onKeyDown={onKeyDown}
        onClick={onClick}
      >
        <div className="pdf-pages" ref={pagesRef}>
          {Array.from({ length: pageCount }, (_, index) => index + 1).map((page) => (
            <PdfPage
              key={page}
              pdf={pdf}
              page={page}
              scale={scale}
              size={sizes.get(page) ?? firstPage}
              near={near.has(page)}
              onSize={onSize}
              onTextLayer={onTextLayer}
              pageRef={pageRef}
            />
          ))}
        </div>
      </div>
    </>
  );
}

/**
 * A fixed-layout book shown as its pages: one page, or a spread of two in a wide window, scaled to
 * fit, turned with the arrow keys (the book's way: ← is forward in a book read right to left),
 * Page Up/Down, Space, Home/End, the buttons and the click zones at the sides. Only the pages on
 * screen are drawn, each in a shadow root of its own with the page's CSS (FixedPage). The text
 * view holds the same text; its bookmarks, notes and search matches are painted on the pages, found
 * there by their letters as on a PDF's pages (fixed-page-text.ts), and a selection on a page is a
 * passage of the same text.
 */
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type Ref, type RefObject } from 'react';
import { FormattedMessage } from 'react-intl';
import { parseFixedLayout, type FixedLayoutPages as Pages, type FixedPage } from '../../../electron/shared/fixed-layout';
import type { ArticleContent } from '../../../electron/shared/models';
import { assetUrl } from '../../api/api-client';
import { useText } from '../../i18n/use-text';
import type { ScreenRect } from '../floating-position';
import { clearPageHighlights, highlightAt, paintPageHighlights, type PageAnchorContext } from '../pdf/paint-page-highlights';
import { pageOfOffset, selectionAcrossPages } from '../pdf/pdf-anchoring';
import { layerOffset, type PageTextLayer } from '../pdf/pdf-text-layer';
import PAGE_HIGHLIGHT_CSS from '../pdf/page-highlights.css?inline';
import { rememberedPage, rememberPage } from '../pdf/use-pdf-view-mode';
import type { PlacedAnnotation } from '../placed-annotations';
import type { TextSpan } from '../text-offsets';
import { selectsNothing } from '../use-passage-selection';
import { PAGE_BASE_CSS, pageContent, pageCss } from './fixed-page-markup';
import { fixedPageLayer, fixedPageOf, fixedPageStarts } from './fixed-page-text';
import { scaleToFit, showsSpreads, spreadsOf } from './fixed-spreads';
import type { FixedPagesHandle, FixedPagesRequest } from './use-fixed-pages';
import './fixed-layout.css';

/** What the reader asks of the pages: what a selection on them covers. */
interface FixedLayoutPagesProps {
  ref: Ref<FixedPagesHandle>;
  articleId: string;
  /** `assets/<name>.json`: the pages file */
  file: string;
  title: string;
  /** the book's text and HTML (or chapters), which say where each page's text is in text.txt */
  content: ArticleContent;
  placed: readonly PlacedAnnotation[];
  matches: readonly TextSpan[];
  currentMatch: number;
  /** a passage to show: the pages go to the one holding it, then say so */
  request: FixedPagesRequest | null;
  onRequestShown: () => void;
  /** the element a selection is read in (the pages' view) */
  viewRef: RefObject<HTMLDivElement | null>;
  onShowText: () => void;
  /** a click on a highlight on a page, with nothing selected: its popover opens there */
  onHighlightClick: (annotationId: string, rect: ScreenRect) => void;
}

type PagesProps = Omit<FixedLayoutPagesProps, 'file' | 'title' | 'onShowText'>;

type Loaded = { status: 'loading' } | { status: 'ready'; pages: Pages } | { status: 'error' };

/** Room kept around the spread, px: the page's edge stays visible. */
const MARGIN_PX = 12;

export function FixedLayoutPages({ file, title, onShowText, ...pages }: FixedLayoutPagesProps) {
  const { articleId } = pages;
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    fetch(assetUrl(articleId, file))
      .then((response) => (response.ok ? response.json() : null))
      .then((json: unknown) => {
        const pages = parseFixedLayout(json);
        if (current) setLoaded(pages && pages.pages.length > 0 ? { status: 'ready', pages } : { status: 'error' });
      })
      .catch(() => {
        if (current) setLoaded({ status: 'error' });
      });
    return () => {
      current = false;
    };
  }, [articleId, file]);

  return (
    <section className="fixed-layout" aria-label={title}>
      <h1 className="visually-hidden" dir="auto">
        {title}
      </h1>
      {loaded.status === 'ready' ? (
        <PageSpreads {...pages} book={loaded.pages} />
      ) : loaded.status === 'loading' ? (
        <p role="status" className="loading fixed-layout-message">
          <FormattedMessage id="fixedLayout.loading" />
        </p>
      ) : (
        <p role="alert" className="inline-error fixed-layout-message">
          <FormattedMessage id="fixedLayout.failed" /> <button type="button" className="button" onClick={onShowText}>
            <FormattedMessage id="pdf.showText" />
          </button>
        </p>
      )}
    </section>
  );
}

function PageSpreads({ ref, articleId, book, content, placed, matches, currentMatch, request, onRequestShown, viewRef: view, onHighlightClick }: PagesProps & { book: Pages }) {
  const text = useText();
  const [size, setSize] = useState({ width: 0, height: 0 });
  // The first page shown, kept across a change of size (which may pair or part the pages).
  const [page, setPage] = useState(() => Math.min(book.pages.length, rememberedPage(articleId)) - 1);
  useEffect(() => rememberPage(articleId, page + 1), [articleId, page]);

  useEffect(() => {
    const element = view.current;
    if (!element) return;
    const measure = () => setSize({ width: element.clientWidth, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [view]);

  // The book's sheets, made once and shared by every page's shadow root.
  const sheets = useMemo(() => book.styles.map((css) => styleSheet(pageCss(css, (path) => assetUrl(articleId, path)))), [book, articleId]);
  const spreads = useMemo(
    () => spreadsOf(book.pages, book.progression, showsSpreads(book.spread, size.width, size.height)),
    [book, size.width, size.height],
  );
  const index = Math.max(0, spreads.findIndex((spread) => spread.includes(page)));
  const shown = (spreads[index] ?? [0]).map((at) => book.pages[at]!);
  const scale = scaleToFit(shown, Math.max(1, size.width - 2 * MARGIN_PX), Math.max(1, size.height - 2 * MARGIN_PX));
  // Right to left, the earlier page is on the right.
  const onScreen = book.progression === 'rtl' ? [...shown].reverse() : shown;

  const go = (spread: number) => {
    const target = spreads[Math.max(0, Math.min(spreads.length - 1, spread))];
    if (target) setPage(target[0]!);
  };

  // Where each page's text is in the book's text, and the text of the pages drawn now.
  const pageStarts = useMemo(() => fixedPageStarts(book.pages.map((p) => p.section), content), [book, content]);
  const [layers, setLayers] = useState<ReadonlyMap<number, PageTextLayer>>(new Map());
  const onTextLayer = useCallback((number: number, layer: PageTextLayer | null) => {
    setLayers((previous) => {
      if (!layer && !previous.has(number)) return previous;
      const next = new Map(previous);
      if (layer) next.set(number, layer);
      else next.delete(number);
      return next;
    });
  }, []);
  const context: PageAnchorContext = useMemo(() => ({ text: content.text, pageStarts, layers }), [content.text, pageStarts, layers]);
  useEffect(() => {
    paintPageHighlights(context, placed, matches, currentMatch);
  }, [context, placed, matches, currentMatch]);
  useEffect(() => clearPageHighlights, []);

  // A passage asked for, or a search match stepped to (or opened on): the page holding it is shown.
  const currentSpan = matches[currentMatch];
  const [followed, setFollowed] = useState<{ request: FixedPagesRequest | null; match: TextSpan | undefined }>({ request: null, match: undefined });
  if (followed.request !== request || followed.match !== currentSpan) {
    const span = followed.request !== request ? request?.span : currentSpan;
    setFollowed({ request, match: currentSpan });
    if (span) setPage(pageOfOffset(pageStarts, span.start) - 1);
  }
  useEffect(() => {
    if (request) onRequestShown();
  }, [request, onRequestShown]);

  const spanOfSelection = useCallback(
    (selection: Selection | null): TextSpan | null => {
      if (!selection || selection.rangeCount === 0 || selectsNothing(selection)) return null;
      const roots = Array.from(view.current?.querySelectorAll('.fixed-page-content') ?? [], (host) => host.shadowRoot).filter((root) => root !== null);
      // Inside a page's shadow root: the composed range says where, where the browser has it.
      const range = typeof selection.getComposedRanges === 'function' ? (selection.getComposedRanges({ shadowRoots: roots })[0] ?? null) : selection.getRangeAt(0);
      if (!range) return null;
      const startPage = fixedPageOf(range.startContainer);
      const endPage = fixedPageOf(range.endContainer);
      const startLayer = startPage === null ? undefined : layers.get(startPage);
      const endLayer = endPage === null ? undefined : layers.get(endPage);
      if (!startLayer || !endLayer) return null;
      const from = layerOffset(startLayer, range.startContainer, range.startOffset);
      const to = layerOffset(endLayer, range.endContainer, range.endOffset);
      if (from === null || to === null) return null;
      return selectionAcrossPages(content.text, pageStarts, { page: startLayer.page, layerText: startLayer.text, offset: from }, { page: endLayer.page, layerText: endLayer.text, offset: to });
    },
    [layers, content.text, pageStarts, view],
  );
  useImperativeHandle(ref, () => ({ spanOfSelection }), [spanOfSelection]);

  // Before the click zones see it: a click on a painted highlight opens its popover.
  const onClickCapture = (event: MouseEvent) => {
    const selection = window.getSelection();
    if (selection && !selectsNothing(selection)) return;
    const hit = highlightAt(context, placed, event.clientX, event.clientY);
    if (!hit) return;
    event.stopPropagation();
    onHighlightClick(hit.annotationId, hit.rect);
  };
  const forward = book.progression === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
  const backward = forward === 'ArrowLeft' ? 'ArrowRight' : 'ArrowLeft';
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const steps: Record<string, number> = { [forward]: 1, [backward]: -1, PageDown: 1, PageUp: -1, ' ': event.shiftKey ? -1 : 1 };
    if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(spreads.length - 1);
    else if (steps[event.key] !== undefined) go(index + steps[event.key]!);
    else return;
    event.preventDefault();
  };
  /** The zone on the left goes forward in a book read right to left. */
  const leftStep = book.progression === 'rtl' ? 1 : -1;

  const first = (spreads[index]?.[0] ?? 0) + 1;
  const last = (spreads[index]?.at(-1) ?? 0) + 1;
  const count = book.pages.length;
  const status = first === last ? text('book.status.page', { page: first, count }) : text('fixedLayout.spreadStatus', { first, last, count });
  return (
    <>
      <div
        ref={view}
        className="fixed-layout-view"
        tabIndex={0}
        role="region"
        aria-label={text('fixedLayout.pages')}
        aria-describedby={`${articleId}-fixed-status`}
        onKeyDown={onKeyDown}
        onClickCapture={onClickCapture}
        data-testid="fixed-layout-view"
      >
        {size.width > 0 && (
          <div className="fixed-spread">
            {onScreen.map((shownPage) => (
              <FixedPageView
                key={shownPage.section}
                page={shownPage}
                number={book.pages.indexOf(shownPage) + 1}
                sheets={sheets}
                scale={scale}
                articleId={articleId}
                onTextLayer={onTextLayer}
              />
            ))}
          </div>
        )}
        <div className="fixed-layout-zone fixed-layout-zone-left" aria-hidden="true" onClick={() => go(index + leftStep)} />
        <div className="fixed-layout-zone fixed-layout-zone-right" aria-hidden="true" onClick={() => go(index - leftStep)} />
      </div>
      <div className="fixed-layout-bar">
        <button type="button" className="button" onClick={() => go(index - 1)} disabled={index === 0}>
          <FormattedMessage id="fixedLayout.previous" />
        </button>
        <span id={`${articleId}-fixed-status`} role="status">
          {status}
        </span>
        <button type="button" className="button" onClick={() => go(index + 1)} disabled={index >= spreads.length - 1}>
          <FormattedMessage id="fixedLayout.next" />
        </button>
      </div>
    </>
  );
}

interface FixedPageViewProps {
  page: FixedPage;
  /** its number in the book, from 1 */
  number: number;
  sheets: readonly CSSStyleSheet[];
  scale: number;
  articleId: string;
  /** the page's text once drawn, null once gone */
  onTextLayer: (number: number, layer: PageTextLayer | null) => void;
}

/** One page at its own size, scaled: its markup and CSS in a shadow root, where no style of the app reaches it and none of its reaches out. */
function FixedPageView({ page, number, sheets, scale, articleId, onTextLayer }: FixedPageViewProps) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const toUrl = (path: string) => assetUrl(articleId, path);
    const own = page.styles.flatMap((index) => sheets[index] ?? []);
    // The highlights' colours come last: the page's own CSS cannot hide them.
    root.adoptedStyleSheets = [baseSheet(), ...own, styleSheet(pageCss(page.css, toUrl)), highlightSheet()];
    root.replaceChildren(pageContent(page, toUrl));
    onTextLayer(number, fixedPageLayer(number, root));
    return () => onTextLayer(number, null);
  }, [page, number, sheets, articleId, onTextLayer]);
  return (
    <div className="fixed-page" style={{ inlineSize: page.width * scale, blockSize: page.height * scale }} data-testid="fixed-page">
      <div ref={host} className="fixed-page-content" data-page={number} style={{ inlineSize: page.width, blockSize: page.height, transform: `scale(${scale})` }} />
    </div>
  );
}

let base: CSSStyleSheet | undefined;
const baseSheet = (): CSSStyleSheet => (base ??= styleSheet(PAGE_BASE_CSS));
let highlights: CSSStyleSheet | undefined;
const highlightSheet = (): CSSStyleSheet => (highlights ??= styleSheet(PAGE_HIGHLIGHT_CSS));

/** A constructed style sheet: the page's CSP applies no `<style>` element, and a sheet's rules cannot close anything. */
function styleSheet(css: string): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  try {
    sheet.replaceSync(css);
  } catch {
    // CSS the browser refuses as a whole: the page is drawn without it.
  }
  return sheet;
}

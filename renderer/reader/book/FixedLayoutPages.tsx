/**
 * A fixed-layout book shown as its pages: one page, or a spread of two in a wide window, scaled to
 * fit, turned with the arrow keys (the book's way: ← is forward in a book read right to left),
 * Page Up/Down, Space, Home/End, the buttons and the click zones at the sides. Only the pages on
 * screen are drawn, each in a shadow root of its own with the page's CSS (FixedPage). The text
 * view holds the same text, with its highlights and search.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { FormattedMessage } from 'react-intl';
import { parseFixedLayout, type FixedLayoutPages as Pages, type FixedPage } from '../../../electron/shared/fixed-layout';
import { assetUrl } from '../../api/api-client';
import { useText } from '../../i18n/use-text';
import { rememberedPage, rememberPage } from '../pdf/use-pdf-view-mode';
import { PAGE_BASE_CSS, pageContent, pageCss } from './fixed-page-markup';
import { scaleToFit, showsSpreads, spreadsOf } from './fixed-spreads';
import './fixed-layout.css';

interface FixedLayoutPagesProps {
  articleId: string;
  /** `assets/<name>.json`: the pages file */
  file: string;
  title: string;
  onShowText: () => void;
}

type Loaded = { status: 'loading' } | { status: 'ready'; pages: Pages } | { status: 'error' };

/** Room kept around the spread, px: the page's edge stays visible. */
const MARGIN_PX = 12;

export function FixedLayoutPages({ articleId, file, title, onShowText }: FixedLayoutPagesProps) {
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
        <PageSpreads articleId={articleId} book={loaded.pages} />
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

function PageSpreads({ articleId, book }: { articleId: string; book: Pages }) {
  const text = useText();
  const view = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  // The first page shown, kept across a change of size (which may pair or part the pages).
  const [page, setPage] = useState(() => Math.min(book.pages.length, rememberedPage(articleId)) - 1);

  useEffect(() => {
    const element = view.current;
    if (!element) return;
    const measure = () => setSize({ width: element.clientWidth, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

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
    if (!target) return;
    setPage(target[0]!);
    rememberPage(articleId, target[0]! + 1);
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
        data-testid="fixed-layout-view"
      >
        {size.width > 0 && (
          <div className="fixed-spread">
            {onScreen.map((shownPage) => (
              <FixedPageView key={shownPage.section} page={shownPage} sheets={sheets} scale={scale} articleId={articleId} />
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

/** One page at its own size, scaled: its markup and CSS in a shadow root, where no style of the app reaches it and none of its reaches out. */
function FixedPageView({ page, sheets, scale, articleId }: { page: FixedPage; sheets: readonly CSSStyleSheet[]; scale: number; articleId: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const toUrl = (path: string) => assetUrl(articleId, path);
    const own = page.styles.flatMap((index) => sheets[index] ?? []);
    root.adoptedStyleSheets = [baseSheet(), ...own, styleSheet(pageCss(page.css, toUrl))];
    root.replaceChildren(pageContent(page, toUrl));
  }, [page, sheets, articleId]);
  return (
    <div className="fixed-page" style={{ inlineSize: page.width * scale, blockSize: page.height * scale }} data-testid="fixed-page">
      <div ref={host} className="fixed-page-content" style={{ inlineSize: page.width, blockSize: page.height, transform: `scale(${scale})` }} />
    </div>
  );
}

let base: CSSStyleSheet | undefined;
const baseSheet = (): CSSStyleSheet => (base ??= styleSheet(PAGE_BASE_CSS));

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

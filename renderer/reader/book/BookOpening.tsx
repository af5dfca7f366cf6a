/**
 * A long book at its reading place before its text has arrived. The core's first answer already
 * holds the HTML of the chapter at the saved place and of the next one (read-content.ts); the
 * whole text (6 MB for a million words) still has to come and be decoded, and the book's DOM to be
 * built (use-book-dom.ts), before the reader proper can show anything. Meanwhile these chapters are
 * shown, in the reader's own layout and font and scrolled to the saved place, with a status line
 * saying the rest is loading. Nothing here can be selected into a passage or marked: highlights,
 * search hits, find and read aloud are offsets into the whole text, and come with the reader,
 * which then opens at the same place. A book shown as fixed pages or in vertical lines, or opened
 * at a target (a search hit, a bookmark) elsewhere, is not previewed: "Loading…" as before.
 */
import { useLayoutEffect, useMemo, useRef } from 'react';
import { useIntl } from 'react-intl';
import type { ArticleMeta } from '../../../electron/shared/models';
import { useSettings } from '../../app/settings-context';
import { textOf } from '../../i18n/use-text';
import { ArticleHeader } from '../ArticleHeader';
import { prepareArticleHtml } from '../article-html';
import { scrollToTextOffset } from '../reading-position';
import { detectDirection } from '../text-direction';
import { useDrawerMode } from '../use-reader-chrome';
import type { OpeningBook } from '../use-reader-data';
import { useBookLayout } from './use-book-layout';

/** The chapters that came with their HTML, from the first of them on (those at the reading place). */
function shownChapters({ content }: OpeningBook) {
  const chapters = content.chapters ?? [];
  const first = chapters.findIndex((chapter) => chapter.html !== undefined);
  if (first < 0) return null;
  let last = first;
  while (chapters[last + 1]?.html !== undefined) last += 1;
  return { first: chapters[first]!, chapters: chapters.slice(first, last + 1) };
}

/** Whether the book can be shown this way: see the file's comment. */
export function canShowOpening(article: ArticleMeta, opening: OpeningBook | null): opening is OpeningBook {
  return opening !== null && shownChapters(opening) !== null && !article.fixedLayout;
}

export function BookOpening({ opening }: { opening: OpeningBook }) {
  const { article, content } = opening;
  const layout = useBookLayout(article);
  const drawerMode = useDrawerMode();
  const { settings } = useSettings();
  const intl = useIntl();
  const text = textOf(intl);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const shown = shownChapters(opening);
  const html = useMemo(() => (shown ? shown.chapters.map((chapter) => prepareArticleHtml(chapter.html ?? '', article.id)).join('') : ''), [shown, article.id]);
  // The reader takes the direction of the text's start; its chapter here stands in for it (its
  // letters are what counts, so the markup is left out roughly).
  const dir = article.dir ?? detectDirection((shown?.first.html ?? '').replace(/<[^>]*>/g, ' '));
  const preview = shown !== null && layout.writingMode === null && !layout.showPages;
  // The container starts at the first chapter shown, which holds the saved place.
  const offset = shown ? Math.max(0, article.position - shown.first.start) : 0;

  useLayoutEffect(() => {
    if (preview && scrollerRef.current && containerRef.current && offset > 0) scrollToTextOffset(scrollerRef.current, containerRef.current, offset);
  }, [preview, html, offset]);

  if (!preview || !shown) {
    return (
      <p className="loading reader-message" role="status">
        {text('reader.loading')}
      </p>
    );
  }
  const length = content.textApart?.length ?? 0;
  const percent = intl.formatNumber(length > 0 ? Math.min(99, Math.floor((article.position / length) * 100)) / 100 : 0, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <>
      <div className="reader-body" aria-busy="true">
        {/* The contents' room, as the reader will have it: the lines break where they will. */}
        {!drawerMode && <div className="contents-panel" aria-hidden="true" />}
        <div className="reader-column">
          <div className="reader-scroll" ref={scrollerRef} tabIndex={0} role="region" aria-label={text('reader.articleText')}>
            <article className={`reader-article font-${settings.fontFamily}`} dir={dir}>
              <ArticleHeader article={article} titleRef={titleRef} dir={dir} />
              <div ref={containerRef} className="article-content" lang={article.lang ?? undefined} dir={dir} dangerouslySetInnerHTML={{ __html: html }} />
            </article>
          </div>
        </div>
      </div>
      <footer className="reading-status">
        <p className="reading-status-text">
          <span className="reading-status-chapter" dir="auto">
            {shown.first.label}
          </span>
          <span>{percent}</span>
          <span className="reading-status-loading" role="status">
            {text('book.status.restLoading')}
          </span>
        </p>
      </footer>
    </>
  );
}

import { FormattedMessage } from 'react-intl';
import { useText } from '../i18n/use-text';
import type { KeyboardEventHandler, MouseEventHandler, ReactNode, RefObject } from 'react';
import type { WritingMode } from '../../electron/shared/fixed-layout';
import type { ArticleMeta } from '../../electron/shared/models';
import { useSettings } from '../app/settings-context';
import { ArticleHeader } from './ArticleHeader';
import { readerKeysHint } from './use-reader-keys';

interface ReaderTextProps {
  article: ArticleMeta;
  /** the article's sanitised HTML, ready for the page */
  html: string;
  dir: 'ltr' | 'rtl';
  titleRef: RefObject<HTMLHeadingElement | null>;
  scrollerRef: RefObject<HTMLDivElement | null>;
  /** the element whose text is exactly the article's text: passages are offsets into it */
  containerRef: RefObject<HTMLDivElement | null>;
  onClick: MouseEventHandler<HTMLDivElement>;
  /** keys on the text's own elements (a focused highlight) */
  onKeyDown: KeyboardEventHandler<HTMLDivElement>;
  /** the id of the sentence that says what a focused highlight offers */
  markHintId: string;
  /** 1 or 2 columns a page (paginated), or null (one long scroll) */
  columns: 1 | 2 | null;
  /** beside the text: the book's contents */
  beside: ReactNode;
  /** over the text: the page-turning zones */
  overlay: ReactNode;
  /** a PDF shown as its pages: the text stays in the page, out of view, with its marks */
  hidden?: boolean;
  /** a book set vertically (book/vertical.ts); null: horizontal */
  writingMode?: WritingMode | null;
}

/** The article: its header and text, in the reader's font, scrolled or in pages, with the book's contents beside it. */
export function ReaderText({ article, html, dir, titleRef, scrollerRef, containerRef, onClick, onKeyDown, markHintId, columns, beside, overlay, hidden = false, writingMode = null }: ReaderTextProps) {
  const { settings } = useSettings();
  const text = useText();
  const hintId = `${article.id}-keys`;
  return (
    <>
      <p id={hintId} className="visually-hidden">
        {readerKeysHint(text)}
      </p>
      <p id={markHintId} className="visually-hidden">
        <FormattedMessage id="reader.markHint" />
      </p>
      <div className="reader-body" hidden={hidden}>
        {beside}
        {/* In pages, the column runs the text's way (dir): a right-to-left book turns its pages
            leftward, and its page-turning zones change sides. */}
        {/* Vertical lines follow each other right to left: so do its pages and zones. */}
        <div className="reader-column" dir={columns ? (writingMode ? 'rtl' : dir) : undefined}>
          {/* Focusable, so keyboard users can scroll the text with the arrow and page keys. */}
          <div
            className="reader-scroll"
            ref={scrollerRef}
            tabIndex={0}
            role="region"
            aria-label={text('reader.articleText')}
            aria-describedby={hintId}
            data-pages={columns ?? undefined}
            data-writing-mode={writingMode ?? undefined}
            // Its lines run top to bottom, whichever way the column turns its zones.
            dir={writingMode ? 'ltr' : undefined}
          >
            <article className={`reader-article font-${settings.fontFamily}`} dir={dir}>
              <ArticleHeader article={article} titleRef={titleRef} dir={dir} />
              <div
                ref={containerRef}
                className="article-content"
                data-testid="article-body"
                lang={article.lang ?? undefined}
                dir={dir}
                onClick={onClick}
                onKeyDown={onKeyDown}
                dangerouslySetInnerHTML={{ __html: html }}
              />
            </article>
          </div>
          {overlay}
        </div>
      </div>
    </>
  );
}

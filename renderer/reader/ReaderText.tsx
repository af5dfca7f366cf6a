import type { KeyboardEventHandler, MouseEventHandler, RefObject } from 'react';
import type { ArticleMeta } from '../../electron/shared/models';
import { useSettings } from '../app/settings-context';
import { ArticleHeader } from './ArticleHeader';
import { TableOfContents } from './TableOfContents';
import { READER_KEYS_HINT } from './use-reader-keys';

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
  /** a PDF shown as its pages: the text stays in the page, out of view, with its marks */
  hidden?: boolean;
}

/** The scrolling article: its header, contents and text, in the reader's font. */
export function ReaderText({ article, html, dir, titleRef, scrollerRef, containerRef, onClick, onKeyDown, markHintId, hidden = false }: ReaderTextProps) {
  const { settings } = useSettings();
  const hintId = `${article.id}-keys`;
  return (
    <>
      <p id={hintId} className="visually-hidden">
        {READER_KEYS_HINT}
      </p>
      <p id={markHintId} className="visually-hidden">
        Highlighted passage. Enter: change its colour, write a note or delete it.
      </p>
      {/* Focusable, so keyboard users can scroll the text with the arrow and page keys. */}
      <div className="reader-scroll" ref={scrollerRef} hidden={hidden} tabIndex={0} role="region" aria-label="Article text" aria-describedby={hintId}>
        <article className={`reader-article font-${settings.fontFamily}`} dir={dir}>
          <ArticleHeader article={article} titleRef={titleRef} dir={dir} />
          <TableOfContents container={containerRef} html={html} />
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
    </>
  );
}

import { FormattedMessage } from 'react-intl';
import { useText } from '../i18n/use-text';
import type { KeyboardEventHandler, MouseEventHandler, RefObject } from 'react';
import type { ArticleMeta } from '../../electron/shared/models';
import { useSettings } from '../app/settings-context';
import { ArticleHeader } from './ArticleHeader';
import { TableOfContents } from './TableOfContents';
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
}

/** The scrolling article: its header, contents and text, in the reader's font. */
export function ReaderText({ article, html, dir, titleRef, scrollerRef, containerRef, onClick, onKeyDown, markHintId }: ReaderTextProps) {
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
      {/* Focusable, so keyboard users can scroll the text with the arrow and page keys. */}
      <div className="reader-scroll" ref={scrollerRef} tabIndex={0} role="region" aria-label={text('reader.articleText')} aria-describedby={hintId}>
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

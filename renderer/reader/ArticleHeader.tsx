import { useIntl } from 'react-intl';
import type { RefObject } from 'react';
import type { ArticleMeta } from '../../electron/shared/models';
import { handleContentLinkClick } from '../app/external-links';
import { articleDate, readingTimeLabel } from '../library/article-format';

const isWebUrl = (url: string | null): url is string => !!url && /^https?:\/\//i.test(url);

interface ArticleHeaderProps {
  article: ArticleMeta;
  titleRef: RefObject<HTMLHeadingElement | null>;
  /** the article's direction (from its metadata or its text) */
  dir: 'ltr' | 'rtl';
}

export function ArticleHeader({ article, titleRef, dir }: ArticleHeaderProps) {
  const intl = useIntl();
  const date = articleDate(article, intl);
  return (
    <header className="article-header" lang={article.lang ?? undefined} dir={dir}>
      <h1 className="article-title" ref={titleRef} tabIndex={-1} dir="auto">
        {article.title}
      </h1>
      <p className="article-byline">
        {article.byline && <bdi className="byline">{article.byline}</bdi>}
        {article.siteName &&
          (isWebUrl(article.url) ? (
            <a className="site" href={article.url} onClick={handleContentLinkClick}>
              {article.siteName}
            </a>
          ) : (
            <span className="site">{article.siteName}</span>
          ))}
        {/* Isolated: in a right-to-left header, "1 min read" must not become "min read 1". */}
        {/* Quire's own words, in the interface language (the header takes the article's). */}
        {date && (
          <bdi lang={intl.locale}>
            <time dateTime={date.iso}>{date.label}</time>
          </bdi>
        )}
        <bdi lang={intl.locale}>{readingTimeLabel(article.wordCount, intl)}</bdi>
      </p>
    </header>
  );
}

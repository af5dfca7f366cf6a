import type { RefObject } from 'react';
import type { ArticleMeta } from '../../electron/shared/models';
import { handleContentLinkClick } from '../app/external-links';
import { articleDate, readingTimeLabel } from '../library/article-format';

const isWebUrl = (url: string | null): url is string => !!url && /^https?:\/\//i.test(url);

export function ArticleHeader({ article, titleRef }: { article: ArticleMeta; titleRef: RefObject<HTMLHeadingElement | null> }) {
  const date = articleDate(article);
  return (
    <header className="article-header" lang={article.lang ?? undefined} dir={article.dir ?? 'auto'}>
      <h1 className="article-title" ref={titleRef} tabIndex={-1}>
        {article.title}
      </h1>
      <p className="article-byline">
        {article.byline && <span className="byline">{article.byline}</span>}
        {article.siteName &&
          (isWebUrl(article.url) ? (
            <a className="site" href={article.url} onClick={handleContentLinkClick}>
              {article.siteName}
            </a>
          ) : (
            <span className="site">{article.siteName}</span>
          ))}
        {date && <time dateTime={date.iso}>{date.label}</time>}
        <span>{readingTimeLabel(article.wordCount)}</span>
      </p>
    </header>
  );
}

import { FormattedMessage } from 'react-intl';
import type { ArticleMeta } from '../../electron/shared/models';
import { authorAndSite } from './article-format';

/** The author and (web pages only) the site in a row's details line; `bdi` keeps a right-to-left name whole. */
export function AuthorAndSite({ article }: { article: Pick<ArticleMeta, 'byline' | 'siteName' | 'format'> }) {
  const { author, site } = authorAndSite(article);
  return (
    <>
      {author && (
        <span className="article-author">
          <span className="visually-hidden">
            <FormattedMessage id="article.byPrefix" />
          </span>
          <bdi>{author}</bdi>
        </span>
      )}
      {site && (
        <span className="article-site">
          <bdi>{site}</bdi>
        </span>
      )}
    </>
  );
}

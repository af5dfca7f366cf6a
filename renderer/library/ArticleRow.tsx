import type { ArticleMeta } from '../../electron/shared/models';
import { articleDate, progressLabel, wordCountLabel } from './article-format';

interface ArticleRowProps {
  article: ArticleMeta;
  onOpen: (article: ArticleMeta) => void;
  onTrash: (article: ArticleMeta) => void;
}

/** One article in the library: its title opens the reader. */
export function ArticleRow({ article, onOpen, onTrash }: ArticleRowProps) {
  const date = articleDate(article);
  const progress = progressLabel(article);
  return (
    <li className="article-row" data-article-id={article.id}>
      <div className="article-row-main">
        <button type="button" className="article-title-button" onClick={() => onOpen(article)}>
          {article.title}
        </button>
        <p className="article-meta">
          {article.siteName && <span>{article.siteName}</span>}
          {date && <time dateTime={date.iso}>{date.label}</time>}
          <span>{wordCountLabel(article.wordCount)}</span>
          <span className={`progress-badge progress-${article.readState}`}>
            <span className="visually-hidden">Progress: </span>
            {progress}
          </span>
        </p>
        {article.excerpt && <p className="article-excerpt">{article.excerpt}</p>}
      </div>
      <button
        type="button"
        className="button button-quiet button-small"
        aria-label={`Move ${article.title} to trash`}
        onClick={() => onTrash(article)}
      >
        Move to trash
      </button>
    </li>
  );
}

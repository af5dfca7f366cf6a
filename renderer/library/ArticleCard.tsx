import { useIntl } from 'react-intl';
import { SelectArticleBox } from './SelectArticleBox';
import type { ArticleMeta } from '../../electron/shared/models';
import { assetUrl } from '../api/api-client';
import { authorAndSite, progressLabel } from './article-format';
import { useFirstPageCover } from './first-page-covers';

interface ArticleCardProps {
  article: ArticleMeta;
  selected: boolean;
  /** the card keyboard focus lands on when tabbing into the grid */
  active: boolean;
  onOpen: (article: ArticleMeta) => void;
  onSelect: (article: ArticleMeta, extend: boolean) => void;
}

/** The cover of an article with an empty title: a mark, not a word. */
const NO_LETTER = '·';

/**
 * One article in the grid: its cover (or, without one, its title's first letter on a tinted
 * ground), title, author and progress. The picture is decoration — the title names the card. A
 * PDF without a cover gets its first page drawn as one once its card shows (first-page-covers.ts).
 */
export function ArticleCard({ article, selected, active, onOpen, onSelect }: ArticleCardProps) {
  const { author } = authorAndSite(article);
  const intl = useIntl();
  useFirstPageCover(article);
  return (
    <div className={`article-card${selected ? ' article-row-selected' : ''}`}>
      <div className="article-cover" aria-hidden="true">
        {article.cover ? (
          <img src={assetUrl(article.id, article.cover)} alt="" loading="lazy" decoding="async" />
        ) : (
          <span className="article-cover-letter">{Array.from(article.title.trim())[0] ?? NO_LETTER}</span>
        )}
      </div>
      <div className="article-card-text">
        <SelectArticleBox article={article} selected={selected} active={active} onSelect={onSelect} />
        <button type="button" className="article-title-button" dir="auto" tabIndex={active ? 0 : -1} onClick={() => onOpen(article)}>
          {article.title}
        </button>
      </div>
      <p className="article-meta">
        {author && <bdi className="article-author">{author}</bdi>}
        <span className={`progress-badge progress-${article.readState}`}>
          <span className="visually-hidden">{intl.formatMessage({ id: 'article.progressPrefix' })}</span>
          {progressLabel(article, intl)}
        </span>
      </p>
    </div>
  );
}

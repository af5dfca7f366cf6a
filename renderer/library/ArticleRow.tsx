import { SelectArticleBox } from './SelectArticleBox';
import type { ArticleMeta, MarkedReadState } from '../../electron/shared/models';
import { articleDate, progressLabel, wordCountLabel } from './article-format';
import { AuthorAndSite } from './AuthorAndSite';

interface ArticleRowProps {
  article: ArticleMeta;
  selected: boolean;
  /** the row keyboard focus lands on when tabbing into the list */
  active: boolean;
  onOpen: (article: ArticleMeta) => void;
  onTrash: (article: ArticleMeta) => void;
  onMark: (article: ArticleMeta, readState: MarkedReadState) => void;
  onEdit: (article: ArticleMeta) => void;
  /** the checkbox: `extend` when Shift was held (select the range from the last one picked) */
  onSelect: (article: ArticleMeta, extend: boolean) => void;
}

const MARK_READ = { state: 'finished', word: 'read' } as const;
const MARK_UNREAD = { state: 'unread', word: 'unread' } as const;

/** One article in the library: its title opens the reader; the checkbox selects it for tagging. */
export function ArticleRow({ article, selected, active, onOpen, onTrash, onMark, onEdit, onSelect }: ArticleRowProps) {
  const date = articleDate(article);
  const progress = progressLabel(article);
  // A finished article can be started over; any other can be marked read.
  const mark = article.readState === 'finished' ? MARK_UNREAD : MARK_READ;
  return (
    <div className={`article-row${selected ? ' article-row-selected' : ''}`}>
      <SelectArticleBox article={article} selected={selected} active={active} onSelect={onSelect} />
      <div className="article-row-main">
        <button type="button" className="article-title-button" onClick={() => onOpen(article)}>
          {article.title}
        </button>
        <p className="article-meta">
          <AuthorAndSite article={article} />
          {date && <time dateTime={date.iso}>{date.label}</time>}
          <span>{wordCountLabel(article.wordCount)}</span>
          <span className={`progress-badge progress-${article.readState}`}>
            <span className="visually-hidden">Progress: </span>
            {progress}
          </span>
        </p>
        {article.tags.length > 0 && (
          <p className="article-tags">
            <span className="visually-hidden">Tags: </span>
            {article.tags.map((tag) => (
              <span key={tag} className="tag-chip">
                {tag}
              </span>
            ))}
          </p>
        )}
        {article.excerpt && (
          <p className="article-excerpt" dir="auto">
            {article.excerpt}
          </p>
        )}
      </div>
      <div className="article-row-actions">
        <button
          type="button"
          className="button button-quiet button-small"
          aria-label={`Mark ${article.title} ${mark.word}`}
          onClick={() => onMark(article, mark.state)}
        >
          Mark {mark.word}
        </button>
        <button
          type="button"
          className="button button-quiet button-small"
          aria-label={`Edit details of ${article.title}`}
          onClick={() => onEdit(article)}
        >
          Edit
        </button>
        <button
          type="button"
          className="button button-quiet button-small"
          aria-label={`Move ${article.title} to trash`}
          onClick={() => onTrash(article)}
        >
          Move to trash
        </button>
      </div>
    </div>
  );
}

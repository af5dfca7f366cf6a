import { useIntl } from 'react-intl';
import { textOf } from '../i18n/use-text';
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

const MARK_READ = { state: 'finished', label: 'article.markRead', named: 'article.markRead.named' } as const;
const MARK_UNREAD = { state: 'unread', label: 'article.markUnread', named: 'article.markUnread.named' } as const;

/** One article in the library: its title opens the reader; the checkbox selects it for tagging. */
export function ArticleRow({ article, selected, active, onOpen, onTrash, onMark, onEdit, onSelect }: ArticleRowProps) {
  const intl = useIntl();
  const text = textOf(intl);
  const date = articleDate(article, intl);
  const progress = progressLabel(article, intl);
  const title = { title: article.title };
  // A finished article can be started over; any other can be marked read.
  const mark = article.readState === 'finished' ? MARK_UNREAD : MARK_READ;
  return (
    <div className={`article-row${selected ? ' article-row-selected' : ''}`}>
      <SelectArticleBox article={article} selected={selected} active={active} onSelect={onSelect} />
      <div className="article-row-main">
        <button type="button" className="article-title-button" dir="auto" onClick={() => onOpen(article)}>
          {article.title}
        </button>
        <p className="article-meta">
          <AuthorAndSite article={article} />
          {date && <time dateTime={date.iso}>{date.label}</time>}
          <span>{wordCountLabel(article.wordCount, intl)}</span>
          <span className={`progress-badge progress-${article.readState}`}>
            <span className="visually-hidden">{text('article.progressPrefix')}</span>
            {progress}
          </span>
        </p>
        {article.tags.length > 0 && (
          <p className="article-tags">
            <span className="visually-hidden">{text('article.tagsPrefix')}</span>
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
          aria-label={text(mark.named, title)}
          onClick={() => onMark(article, mark.state)}
        >
          {text(mark.label)}
        </button>
        <button
          type="button"
          className="button button-quiet button-small"
          aria-label={text('article.edit.named', title)}
          onClick={() => onEdit(article)}
        >
          {text('common.edit')}
        </button>
        <button
          type="button"
          className="button button-quiet button-small"
          aria-label={text('article.trash.named', title)}
          onClick={() => onTrash(article)}
        >
          {text('article.trash')}
        </button>
      </div>
    </div>
  );
}

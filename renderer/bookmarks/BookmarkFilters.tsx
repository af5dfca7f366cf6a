import type { ArticleMeta } from '../../electron/shared/models';
import { HIGHLIGHT_COLOR_OPTIONS } from '../reader/colors';
import type { BookmarkFilter, BookmarkSort } from './bookmark-filters';

interface BookmarkFiltersProps {
  filter: BookmarkFilter;
  onChange: (filter: BookmarkFilter) => void;
  tags: string[];
  articles: ArticleMeta[];
}

const SORTS: { value: BookmarkSort; label: string }[] = [
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
  { value: 'position', label: 'Article, then position' },
];

/** Colour, tag and article filters and the order, as labelled menus. */
export function BookmarkFilters({ filter, onChange, tags, articles }: BookmarkFiltersProps) {
  return (
    <div className="bookmark-filters" role="group" aria-label="Filter and sort">
      <label>
        Colour
        <select value={filter.color} onChange={(e) => onChange({ ...filter, color: e.target.value as BookmarkFilter['color'] })}>
          <option value="all">All colours</option>
          {HIGHLIGHT_COLOR_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Tag
        <select value={filter.tag} onChange={(e) => onChange({ ...filter, tag: e.target.value })}>
          <option value="all">All tags</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </label>
      <label>
        Article
        <select value={filter.articleId} onChange={(e) => onChange({ ...filter, articleId: e.target.value })}>
          <option value="all">All articles</option>
          {articles.map((article) => (
            <option key={article.id} value={article.id}>
              {article.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        Sort
        <select value={filter.sort} onChange={(e) => onChange({ ...filter, sort: e.target.value as BookmarkSort })}>
          {SORTS.map((sort) => (
            <option key={sort.value} value={sort.value}>
              {sort.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

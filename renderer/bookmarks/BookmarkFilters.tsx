import { useId } from 'react';
import type { ArticleMeta } from '../../electron/shared/models';
import { LabelledSelect, type SelectOption } from '../components/LabelledSelect';
import { HIGHLIGHT_COLOR_OPTIONS } from '../reader/colors';
import type { BookmarkFilter, BookmarkSort } from './bookmark-filters';

interface BookmarkFiltersProps {
  filter: BookmarkFilter;
  onChange: (filter: BookmarkFilter) => void;
  tags: string[];
  articles: ArticleMeta[];
}

const SORTS: readonly SelectOption<BookmarkSort>[] = [
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
  { value: 'position', label: 'Article, then position' },
];

/** Colour, tag and article filters and the order, as labelled menus ('all' is each filter's "any"). */
export function BookmarkFilters({ filter, onChange, tags, articles }: BookmarkFiltersProps) {
  const id = useId();
  const field = 'bookmark-filters__field';
  return (
    <div className="bookmark-filters" role="group" aria-label="Filter and sort">
      <LabelledSelect<BookmarkFilter['color']>
        className={field}
        id={`${id}-color`}
        label="Colour"
        value={filter.color}
        anyLabel="All colours"
        anyValue="all"
        options={HIGHLIGHT_COLOR_OPTIONS}
        onChange={(color) => onChange({ ...filter, color })}
      />
      <LabelledSelect
        className={field}
        id={`${id}-tag`}
        label="Tag"
        value={filter.tag}
        anyLabel="All tags"
        anyValue="all"
        options={tags.map((tag) => ({ value: tag, label: tag }))}
        onChange={(tag) => onChange({ ...filter, tag })}
      />
      <LabelledSelect
        className={field}
        id={`${id}-article`}
        label="Article"
        value={filter.articleId}
        anyLabel="All articles"
        anyValue="all"
        options={articles.map((article) => ({ value: article.id, label: article.title }))}
        onChange={(articleId) => onChange({ ...filter, articleId })}
      />
      <LabelledSelect
        className={field}
        id={`${id}-sort`}
        label="Sort"
        value={filter.sort}
        options={SORTS}
        onChange={(sort) => onChange({ ...filter, sort })}
      />
    </div>
  );
}

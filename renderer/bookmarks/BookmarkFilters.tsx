import type { MessageId } from '../../electron/shared/i18n/catalogs';
import { useText } from '../i18n/use-text';
import { useId } from 'react';
import type { ArticleMeta } from '../../electron/shared/models';
import { LabelledSelect, type SelectOption } from '../components/LabelledSelect';
import { colorOptions } from '../reader/colors';
import type { BookmarkFilter, BookmarkSort } from './bookmark-filters';

interface BookmarkFiltersProps {
  filter: BookmarkFilter;
  onChange: (filter: BookmarkFilter) => void;
  tags: string[];
  articles: ArticleMeta[];
}

const SORTS = [
  { value: 'newest', label: 'bookmarks.sort.newest' },
  { value: 'oldest', label: 'bookmarks.sort.oldest' },
  { value: 'position', label: 'bookmarks.sort.position' },
] as const satisfies readonly { value: BookmarkSort; label: MessageId }[];

/** Colour, tag and article filters and the order, as labelled menus ('all' is each filter's "any"). */
export function BookmarkFilters({ filter, onChange, tags, articles }: BookmarkFiltersProps) {
  const id = useId();
  const text = useText();
  const sorts: SelectOption<BookmarkSort>[] = SORTS.map((sort) => ({ value: sort.value, label: text(sort.label) }));
  const field = 'bookmark-filters__field';
  return (
    <div className="bookmark-filters" role="group" aria-label={text('filters.group')}>
      <LabelledSelect<BookmarkFilter['color']>
        className={field}
        id={`${id}-color`}
        label={text('bookmarks.filter.colour')}
        value={filter.color}
        anyLabel={text('bookmarks.filter.allColours')}
        anyValue="all"
        options={colorOptions(text)}
        onChange={(color) => onChange({ ...filter, color })}
      />
      <LabelledSelect
        className={field}
        id={`${id}-tag`}
        label={text('bookmarks.filter.tag')}
        value={filter.tag}
        anyLabel={text('bookmarks.filter.allTags')}
        anyValue="all"
        options={tags.map((tag) => ({ value: tag, label: tag }))}
        onChange={(tag) => onChange({ ...filter, tag })}
      />
      <LabelledSelect
        className={field}
        id={`${id}-article`}
        label={text('bookmarks.filter.article')}
        value={filter.articleId}
        anyLabel={text('bookmarks.filter.allArticles')}
        anyValue="all"
        options={articles.map((article) => ({ value: article.id, label: article.title }))}
        onChange={(articleId) => onChange({ ...filter, articleId })}
      />
      <LabelledSelect
        className={field}
        id={`${id}-sort`}
        label={text('filters.sort')}
        value={filter.sort}
        options={sorts}
        onChange={(sort) => onChange({ ...filter, sort })}
      />
    </div>
  );
}

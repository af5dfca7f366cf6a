import { useIntl } from 'react-intl';
import type { MessageId } from '../../electron/shared/i18n/catalogs';
import { textOf } from '../i18n/use-text';
import { useId, type KeyboardEvent } from 'react';
import type { ArticleFormat, SearchSort } from '../../electron/shared/models';
import { LabelledSelect, translateOptions, type SelectOption } from '../components/LabelledSelect';
import { formatLabel, languageName } from '../library/article-format';
import type { SearchFilter } from './search-filter';
import type { SearchChoices } from './use-search-library';

const SORT_OPTIONS: readonly SelectOption<SearchSort, MessageId>[] = [
  { value: 'relevance', label: 'search.sort.relevance' },
  { value: 'date', label: 'bookmarks.sort.newest' },
];

interface SearchFilterBarProps {
  filter: SearchFilter;
  choices: SearchChoices;
  onChange: (filter: SearchFilter, how?: { typing?: boolean }) => void;
  /** Escape in a control: back to the search box, results kept */
  onEscape: () => void;
}

/** A chosen value stays offered even when the library no longer holds it, so the select can show it. */
const withChosen = <T extends string>(values: readonly T[], chosen: T | null): T[] =>
  chosen === null || values.includes(chosen) ? [...values] : [...values, chosen];

const orNull = (value: string): string | null => (value === '' ? null : value);

/**
 * Filters and order of the search results. Native controls with visible labels: each keeps its
 * own arrow keys (the results' arrow keys belong to the search box), and a change searches again
 * in the core.
 */
export function SearchFilterBar({ filter, choices, onChange, onEscape }: SearchFilterBarProps) {
  const id = useId();
  const intl = useIntl();
  const text = textOf(intl);
  const dateHint = text('search.dateHint');
  const set = <K extends keyof SearchFilter>(key: K, value: SearchFilter[K], typing = false) =>
    onChange({ ...filter, [key]: value }, { typing });
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onEscape();
  };
  const field = (name: string) => `${id}-${name}`;
  return (
    <div className="search-filters" role="group" aria-label={text('search.filters')} onKeyDown={onKeyDown}>
      <LabelledSelect
        className="search-filter"
        id={field('tag')}
        label={text('bookmarks.filter.tag')}
        value={filter.tag ?? ''}
        anyLabel={text('filters.anyTag')}
        options={withChosen(choices.tags, filter.tag).map((tag) => ({ value: tag, label: tag }))}
        active={filter.tag !== null}
        onChange={(tag) => set('tag', orNull(tag))}
      />
      <LabelledSelect<ArticleFormat | ''>
        className="search-filter"
        id={field('format')}
        label={text('filters.format')}
        value={filter.format ?? ''}
        anyLabel={text('filters.anyFormat')}
        options={withChosen(choices.formats, filter.format).map((format) => ({ value: format, label: formatLabel(format, intl) }))}
        active={filter.format !== null}
        onChange={(format) => set('format', format === '' ? null : format)}
      />
      <LabelledSelect
        className="search-filter"
        id={field('lang')}
        label={text('preferences.language')}
        value={filter.lang ?? ''}
        anyLabel={text('filters.anyLanguage')}
        options={withChosen(choices.langs, filter.lang).map((lang) => ({ value: lang, label: languageName(lang, intl) }))}
        active={filter.lang !== null}
        onChange={(lang) => set('lang', orNull(lang))}
      />
      <span className="search-filter">
        <label htmlFor={field('from')}>{text('search.from')}</label>
        <input
          id={field('from')}
          type="date"
          value={filter.from}
          max={filter.to || undefined}
          title={dateHint}
          data-active={filter.from !== '' || undefined}
          onChange={(e) => set('from', e.target.value, true)}
        />
      </span>
      <span className="search-filter">
        <label htmlFor={field('to')}>{text('search.to')}</label>
        <input
          id={field('to')}
          type="date"
          value={filter.to}
          min={filter.from || undefined}
          title={dateHint}
          data-active={filter.to !== '' || undefined}
          onChange={(e) => set('to', e.target.value, true)}
        />
      </span>
      <LabelledSelect
        className="search-filter"
        id={field('sort')}
        label={text('filters.sort')}
        value={filter.sort}
        options={translateOptions(SORT_OPTIONS, text)}
        onChange={(sort) => set('sort', sort)}
      />
    </div>
  );
}

import { useId, type KeyboardEvent } from 'react';
import type { ArticleFormat, SearchSort } from '../../electron/shared/models';
import { LabelledSelect, type SelectOption } from '../components/LabelledSelect';
import { FORMAT_LABELS, languageName } from '../library/article-format';
import type { SearchFilter } from './search-filter';
import type { SearchChoices } from './use-search-library';

const SORT_OPTIONS: readonly SelectOption<SearchSort>[] = [
  { value: 'relevance', label: 'Relevance' },
  { value: 'date', label: 'Newest first' },
];

const DATE_HINT = 'The date an article was published, or imported when that is unknown';

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
  const set = <K extends keyof SearchFilter>(key: K, value: SearchFilter[K], typing = false) =>
    onChange({ ...filter, [key]: value }, { typing });
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onEscape();
  };
  const field = (name: string) => `${id}-${name}`;
  return (
    <div className="search-filters" role="group" aria-label="Filter and sort results" onKeyDown={onKeyDown}>
      <LabelledSelect
        className="search-filter"
        id={field('tag')}
        label="Tag"
        value={filter.tag ?? ''}
        anyLabel="Any tag"
        options={withChosen(choices.tags, filter.tag).map((tag) => ({ value: tag, label: tag }))}
        active={filter.tag !== null}
        onChange={(tag) => set('tag', orNull(tag))}
      />
      <LabelledSelect<ArticleFormat | ''>
        className="search-filter"
        id={field('format')}
        label="Format"
        value={filter.format ?? ''}
        anyLabel="Any format"
        options={withChosen(choices.formats, filter.format).map((format) => ({ value: format, label: FORMAT_LABELS[format] }))}
        active={filter.format !== null}
        onChange={(format) => set('format', format === '' ? null : format)}
      />
      <LabelledSelect
        className="search-filter"
        id={field('lang')}
        label="Language"
        value={filter.lang ?? ''}
        anyLabel="Any language"
        options={withChosen(choices.langs, filter.lang).map((lang) => ({ value: lang, label: languageName(lang) }))}
        active={filter.lang !== null}
        onChange={(lang) => set('lang', orNull(lang))}
      />
      <span className="search-filter">
        <label htmlFor={field('from')}>From</label>
        <input
          id={field('from')}
          type="date"
          value={filter.from}
          max={filter.to || undefined}
          title={DATE_HINT}
          data-active={filter.from !== '' || undefined}
          onChange={(e) => set('from', e.target.value, true)}
        />
      </span>
      <span className="search-filter">
        <label htmlFor={field('to')}>To</label>
        <input
          id={field('to')}
          type="date"
          value={filter.to}
          min={filter.from || undefined}
          title={DATE_HINT}
          data-active={filter.to !== '' || undefined}
          onChange={(e) => set('to', e.target.value, true)}
        />
      </span>
      <LabelledSelect
        className="search-filter"
        id={field('sort')}
        label="Sort"
        value={filter.sort}
        options={SORT_OPTIONS}
        onChange={(sort) => set('sort', sort)}
      />
    </div>
  );
}

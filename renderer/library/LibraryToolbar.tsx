import { useId } from 'react';
import type { ArticleFormat, ArticleSort, ReadState } from '../../electron/shared/models';
import { LabelledSelect, type SelectOption } from '../components/LabelledSelect';
import { FORMAT_LABELS, languageName } from './article-format';
import type { LibraryFilter } from './library-query';

const SORT_OPTIONS: readonly SelectOption<ArticleSort>[] = [
  { value: 'added', label: 'Recently added' },
  { value: 'published', label: 'Recently published' },
  { value: 'title', label: 'Title' },
  { value: 'author', label: 'Author' },
  { value: 'site', label: 'Site' },
  { value: 'progress', label: 'Reading progress' },
];

const STATE_OPTIONS: readonly SelectOption<ReadState>[] = [
  { value: 'unread', label: 'Unread' },
  { value: 'reading', label: 'In progress' },
  { value: 'finished', label: 'Finished' },
];

interface LibraryToolbarProps {
  filter: LibraryFilter;
  choices: { tags: string[]; langs: string[]; formats: ArticleFormat[] };
  onChange: (filter: LibraryFilter) => void;
}

/** '' is each select's "any" option: no filter. */
const orNull = <V extends string>(value: V | ''): V | null => (value === '' ? null : value);

/** Sort and filters of the library list; every control is a labelled native select. */
export function LibraryToolbar({ filter, choices, onChange }: LibraryToolbarProps) {
  const id = useId();
  const set = <K extends keyof LibraryFilter>(key: K, value: LibraryFilter[K]) => onChange({ ...filter, [key]: value });
  const field = 'library-toolbar__field';
  return (
    <div className="library-toolbar" role="group" aria-label="Sort and filter">
      <LabelledSelect
        className={field}
        id={`${id}-sort`}
        label="Sort by"
        value={filter.sort}
        options={SORT_OPTIONS}
        onChange={(sort) => set('sort', sort)}
      />
      <LabelledSelect<ReadState | ''>
        className={field}
        id={`${id}-state`}
        label="Show"
        value={filter.readState ?? ''}
        anyLabel="All articles"
        options={STATE_OPTIONS}
        onChange={(state) => set('readState', orNull(state))}
      />
      <LabelledSelect
        className={field}
        id={`${id}-tag`}
        label="Tag"
        value={filter.tag ?? ''}
        anyLabel="Any tag"
        options={choices.tags.map((tag) => ({ value: tag, label: tag }))}
        onChange={(tag) => set('tag', orNull(tag))}
      />
      <LabelledSelect<ArticleFormat | ''>
        className={field}
        id={`${id}-format`}
        label="Format"
        value={filter.format ?? ''}
        anyLabel="Any format"
        options={choices.formats.map((format) => ({ value: format, label: FORMAT_LABELS[format] }))}
        onChange={(format) => set('format', orNull(format))}
      />
      <LabelledSelect
        className={field}
        id={`${id}-lang`}
        label="Language"
        value={filter.lang ?? ''}
        anyLabel="Any language"
        options={choices.langs.map((lang) => ({ value: lang, label: languageName(lang) }))}
        onChange={(lang) => set('lang', orNull(lang))}
      />
    </div>
  );
}

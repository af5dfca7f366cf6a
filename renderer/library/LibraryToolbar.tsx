import { useIntl } from 'react-intl';
import type { MessageId } from '../../electron/shared/i18n/catalogs';
import { textOf } from '../i18n/use-text';
import { useId } from 'react';
import type { ArticleFormat, ArticleSort, ReadState } from '../../electron/shared/models';
import { LabelledSelect, translateOptions, type SelectOption } from '../components/LabelledSelect';
import { formatLabel, languageName } from './article-format';
import type { LibraryFilter } from './library-query';

const SORT_OPTIONS: readonly SelectOption<ArticleSort, MessageId>[] = [
  { value: 'added', label: 'library.sort.added' },
  { value: 'published', label: 'library.sort.published' },
  { value: 'title', label: 'editArticle.field.title' },
  { value: 'author', label: 'editArticle.field.author' },
  { value: 'site', label: 'library.sort.site' },
  { value: 'progress', label: 'library.sort.progress' },
];

const STATE_OPTIONS: readonly SelectOption<ReadState, MessageId>[] = [
  { value: 'unread', label: 'library.state.unread' },
  { value: 'reading', label: 'library.state.reading' },
  { value: 'finished', label: 'library.state.finished' },
];

interface LibraryToolbarProps {
  filter: LibraryFilter;
  choices: { tags: string[]; langs: string[]; formats: ArticleFormat[] };
  onChange: (filter: LibraryFilter) => void;
  /** shown in place but not usable while the whole library is on its way (its choices are not known yet) */
  disabled: boolean;
}

/** '' is each select's "any" option: no filter. */
const orNull = <V extends string>(value: V | ''): V | null => (value === '' ? null : value);

/** Sort and filters of the library list; every control is a labelled native select. */
export function LibraryToolbar({ filter, choices, onChange, disabled }: LibraryToolbarProps) {
  const id = useId();
  const intl = useIntl();
  const text = textOf(intl);
  const set = <K extends keyof LibraryFilter>(key: K, value: LibraryFilter[K]) => onChange({ ...filter, [key]: value });
  const field = 'library-toolbar__field';
  return (
    <div className="library-toolbar" role="group" aria-label={text('library.filters')}>
      <LabelledSelect
        className={field}
        disabled={disabled}
        id={`${id}-sort`}
        label={text('library.sortBy')}
        value={filter.sort}
        options={translateOptions(SORT_OPTIONS, text)}
        onChange={(sort) => set('sort', sort)}
      />
      <LabelledSelect<ReadState | ''>
        className={field}
        disabled={disabled}
        id={`${id}-state`}
        label={text('library.show')}
        value={filter.readState ?? ''}
        anyLabel={text('bookmarks.filter.allArticles')}
        options={translateOptions(STATE_OPTIONS, text)}
        onChange={(state) => set('readState', orNull(state))}
      />
      <LabelledSelect
        className={field}
        disabled={disabled}
        id={`${id}-tag`}
        label={text('bookmarks.filter.tag')}
        value={filter.tag ?? ''}
        anyLabel={text('filters.anyTag')}
        options={choices.tags.map((tag) => ({ value: tag, label: tag }))}
        onChange={(tag) => set('tag', orNull(tag))}
      />
      <LabelledSelect<ArticleFormat | ''>
        className={field}
        disabled={disabled}
        id={`${id}-format`}
        label={text('filters.format')}
        value={filter.format ?? ''}
        anyLabel={text('filters.anyFormat')}
        options={choices.formats.map((format) => ({ value: format, label: formatLabel(format, intl) }))}
        onChange={(format) => set('format', orNull(format))}
      />
      <LabelledSelect
        className={field}
        disabled={disabled}
        id={`${id}-lang`}
        label={text('preferences.language')}
        value={filter.lang ?? ''}
        anyLabel={text('filters.anyLanguage')}
        options={choices.langs.map((lang) => ({ value: lang, label: languageName(lang, intl) }))}
        onChange={(lang) => set('lang', orNull(lang))}
      />
    </div>
  );
}

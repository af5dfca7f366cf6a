import { useId } from 'react';
import type { ArticleFormat, ArticleSort, ReadState } from '../../electron/shared/models';
import { languageName } from './article-format';
import type { LibraryFilter } from './library-query';

const SORT_LABELS: Readonly<Record<ArticleSort, string>> = {
  added: 'Recently added',
  published: 'Recently published',
  title: 'Title',
  site: 'Site',
  progress: 'Reading progress',
};

const STATE_LABELS: Readonly<Record<ReadState, string>> = {
  unread: 'Unread',
  reading: 'In progress',
  finished: 'Finished',
};

const FORMAT_LABELS: Readonly<Record<ArticleFormat, string>> = {
  html: 'Web page',
  md: 'Markdown',
  txt: 'Plain text',
  epub: 'EPUB',
  pdf: 'PDF',
};

interface LibraryToolbarProps {
  filter: LibraryFilter;
  choices: { tags: string[]; langs: string[]; formats: ArticleFormat[] };
  onChange: (filter: LibraryFilter) => void;
}

/** Sort and filters of the library list; every control is a labelled native select. */
export function LibraryToolbar({ filter, choices, onChange }: LibraryToolbarProps) {
  const id = useId();
  const set = <K extends keyof LibraryFilter>(key: K, value: LibraryFilter[K]) => onChange({ ...filter, [key]: value });
  const orNull = (value: string): string | null => (value === '' ? null : value);
  return (
    <div className="library-toolbar" role="group" aria-label="Sort and filter">
      <span className="library-toolbar__field">
        <label htmlFor={`${id}-sort`}>Sort by</label>
        <select id={`${id}-sort`} value={filter.sort} onChange={(e) => set('sort', e.target.value as ArticleSort)}>
          {Object.entries(SORT_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </span>
      <span className="library-toolbar__field">
        <label htmlFor={`${id}-state`}>Show</label>
        <select
          id={`${id}-state`}
          value={filter.readState ?? ''}
          onChange={(e) => set('readState', orNull(e.target.value) as ReadState | null)}
        >
          <option value="">All articles</option>
          {Object.entries(STATE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </span>
      <span className="library-toolbar__field">
        <label htmlFor={`${id}-tag`}>Tag</label>
        <select id={`${id}-tag`} value={filter.tag ?? ''} onChange={(e) => set('tag', orNull(e.target.value))}>
          <option value="">Any tag</option>
          {choices.tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </span>
      <span className="library-toolbar__field">
        <label htmlFor={`${id}-format`}>Format</label>
        <select
          id={`${id}-format`}
          value={filter.format ?? ''}
          onChange={(e) => set('format', orNull(e.target.value) as ArticleFormat | null)}
        >
          <option value="">Any format</option>
          {choices.formats.map((format) => (
            <option key={format} value={format}>
              {FORMAT_LABELS[format]}
            </option>
          ))}
        </select>
      </span>
      <span className="library-toolbar__field">
        <label htmlFor={`${id}-lang`}>Language</label>
        <select id={`${id}-lang`} value={filter.lang ?? ''} onChange={(e) => set('lang', orNull(e.target.value))}>
          <option value="">Any language</option>
          {choices.langs.map((lang) => (
            <option key={lang} value={lang}>
              {languageName(lang)}
            </option>
          ))}
        </select>
      </span>
    </div>
  );
}

/**
 * Filtering and ordering of the library list, in the renderer: it already holds every article's
 * metadata, so changing a filter costs no round trip (docs/architecture.md, "Library list").
 * Same rules as the core's `listArticles(query)` (electron/core/library/article-query.ts), which the
 * renderer may not import.
 */
import type { ArticleFormat, ArticleMeta, ArticleSort, ReadState } from '../../electron/shared/models';

export interface LibraryFilter {
  tag: string | null;
  readState: ReadState | null;
  format: ArticleFormat | null;
  /** primary language subtag ("en", "fr") */
  lang: string | null;
  sort: ArticleSort;
}

export const NO_FILTER: LibraryFilter = { tag: null, readState: null, format: null, lang: null, sort: 'added' };

export const isFiltered = (filter: LibraryFilter): boolean =>
  filter.tag !== null || filter.readState !== null || filter.format !== null || filter.lang !== null;

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const tagKey = (tag: string): string => tag.toLocaleLowerCase();
export const primaryLanguage = (lang: string | null): string | null => (lang ? lang.toLowerCase().split('-')[0]! : null);

const newestFirst = (a: ArticleMeta, b: ArticleMeta): number =>
  b.addedAt.localeCompare(a.addedAt) || a.id.localeCompare(b.id);

const missingLast = <T,>(a: T | null, b: T | null, compare: (x: T, y: T) => number): number => {
  if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1;
  return compare(a, b);
};

const COMPARATORS: Readonly<Record<ArticleSort, (a: ArticleMeta, b: ArticleMeta) => number>> = {
  added: newestFirst,
  published: (a, b) => missingLast(a.publishedAt, b.publishedAt, (x, y) => Date.parse(y) - Date.parse(x)),
  title: (a, b) => collator.compare(a.title, b.title),
  site: (a, b) => missingLast(a.siteName, b.siteName, (x, y) => collator.compare(x, y)),
  progress: (a, b) => b.progress - a.progress,
};

/**
 * The library in the chosen order. Sorting 10,000 titles costs tens of milliseconds, so the view
 * sorts only when the order or the list changes, and filters the sorted list (a few ms).
 */
export function sortArticles(articles: readonly ArticleMeta[], sort: ArticleSort): ArticleMeta[] {
  const compare = COMPARATORS[sort];
  return [...articles].sort((a, b) => compare(a, b) || newestFirst(a, b));
}

/** The articles that pass every filter, in the order given. */
export function filterArticles(articles: readonly ArticleMeta[], filter: LibraryFilter): ArticleMeta[] {
  if (!isFiltered(filter)) return [...articles];
  const tag = filter.tag === null ? null : tagKey(filter.tag);
  return articles.filter(
    (a) =>
      (tag === null || a.tags.some((own) => tagKey(own) === tag)) &&
      (filter.readState === null || a.readState === filter.readState) &&
      (filter.format === null || a.format === filter.format) &&
      (filter.lang === null || primaryLanguage(a.lang) === filter.lang),
  );
}

export function applyLibraryFilter(articles: readonly ArticleMeta[], filter: LibraryFilter): ArticleMeta[] {
  return sortArticles(filterArticles(articles, filter), filter.sort);
}

/** The choices the filters offer: only what the library holds. */
export function filterChoices(articles: readonly ArticleMeta[]): { tags: string[]; langs: string[]; formats: ArticleFormat[] } {
  const tags = new Map<string, string>();
  const langs = new Set<string>();
  const formats = new Set<ArticleFormat>();
  for (const article of articles) {
    for (const tag of article.tags) if (!tags.has(tagKey(tag))) tags.set(tagKey(tag), tag);
    const lang = primaryLanguage(article.lang);
    if (lang) langs.add(lang);
    formats.add(article.format);
  }
  return {
    tags: [...tags.values()].sort(collator.compare),
    langs: [...langs].sort(),
    formats: [...formats].sort(),
  };
}

/**
 * The library list's filters, in the renderer: it already holds every article's metadata, so
 * changing a filter costs no round trip (docs/architecture.md, "Library list"). The rules are the
 * core's own (electron/shared/article-query.ts); this file only maps the toolbar's choices
 * (null: no filter) onto an `ArticleQuery` and lists the choices the library offers.
 */
import {
  compareText,
  filterArticles as filterByQuery,
  isFilteringQuery,
  primaryLanguage,
  tagKey,
} from '../../electron/shared/article-query';
import type { ArticleFormat, ArticleMeta, ArticleQuery, ArticleSort, ReadState } from '../../electron/shared/models';

export { sortArticles } from '../../electron/shared/article-query';

export interface LibraryFilter {
  tag: string | null;
  readState: ReadState | null;
  format: ArticleFormat | null;
  /** primary language subtag ("en", "fr") */
  lang: string | null;
  sort: ArticleSort;
}

export const NO_FILTER: LibraryFilter = { tag: null, readState: null, format: null, lang: null, sort: 'added' };

/** The same choices as the contract's query (what `quire list --tag … --lang …` asks). */
function toQuery(filter: LibraryFilter): ArticleQuery {
  return {
    ...(filter.tag !== null ? { tag: filter.tag } : {}),
    ...(filter.readState !== null ? { readState: filter.readState } : {}),
    ...(filter.format !== null ? { format: filter.format } : {}),
    ...(filter.lang !== null ? { lang: filter.lang } : {}),
    sort: filter.sort,
  };
}

export const isFiltered = (filter: LibraryFilter): boolean => isFilteringQuery(toQuery(filter));

/** The articles that pass every filter, in the order given. */
export function filterArticles(articles: readonly ArticleMeta[], filter: LibraryFilter): ArticleMeta[] {
  return isFiltered(filter) ? filterByQuery(articles, toQuery(filter)) : [...articles];
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
    tags: [...tags.values()].sort(compareText),
    langs: [...langs].sort(),
    formats: [...formats].sort(),
  };
}

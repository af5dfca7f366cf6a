/**
 * What the search panel's filter bar holds, and how it becomes the core's `SearchOptions`: the
 * filters run in the core (before the best hits are chosen), so a filter can bring up hits that the
 * unfiltered top 50 would have left out.
 */
import type { ArticleFormat, SearchOptions, SearchSort } from '../../electron/shared/models';

export interface SearchFilter {
  tag: string | null;
  format: ArticleFormat | null;
  /** primary language subtag ("en", "fr") */
  lang: string | null;
  /** YYYY-MM-DD, or '' (a native date input's empty value) */
  from: string;
  to: string;
  sort: SearchSort;
}

export const NO_SEARCH_FILTER: SearchFilter = { tag: null, format: null, lang: null, from: '', to: '', sort: 'relevance' };

/** A day the core accepts; a half-typed date input reports '' anyway, this guards anything else. */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether any filter narrows the results (the sort order is not a filter). */
export const isSearchFiltered = (filter: SearchFilter): boolean =>
  filter.tag !== null || filter.format !== null || filter.lang !== null || DAY.test(filter.from) || DAY.test(filter.to);

/** Every filter off; the order stays as chosen (it hides nothing, so "Clear filters" keeps it). */
export const clearSearchFilters = (filter: SearchFilter): SearchFilter => ({ ...NO_SEARCH_FILTER, sort: filter.sort });

/**
 * The options for `api.search`. Only what is set is sent, so an unfiltered search asks exactly
 * what it asked before filters existed (and the core skips its filter pass).
 */
export function toSearchOptions(filter: SearchFilter, limit: number): SearchOptions {
  const options: SearchOptions = { limit };
  if (filter.tag !== null) options.tags = [filter.tag];
  if (filter.format !== null) options.formats = [filter.format];
  if (filter.lang !== null) options.languages = [filter.lang];
  if (DAY.test(filter.from)) options.from = filter.from;
  if (DAY.test(filter.to)) options.to = filter.to;
  if (filter.sort !== 'relevance') options.sort = filter.sort;
  return options;
}

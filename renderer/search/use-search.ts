/**
 * Search as you type: a short debounce, Enter to search at once, and a request sequence so an
 * answer that arrives after a newer query or filter was sent is dropped instead of overwriting it.
 * The filters live here, beside the query, so they outlast the panel: open a result, come back,
 * and the same filtered results are there.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchHit, SearchSort, SearchTotals } from '../../electron/shared/models';
import type { QuireErrorInfo } from '../../electron/shared/result';
import { useApi } from '../api/api-context';
import { groupHits } from './group-hits';
import { isSearchFiltered, NO_SEARCH_FILTER, toSearchOptions, type SearchFilter } from './search-filter';

export const SEARCH_DEBOUNCE_MS = 150;
export const SEARCH_LIMIT = 50;

export interface SearchState {
  /** the query these results answer */
  query: string;
  hits: SearchHit[] | null;
  /** what the whole query found (the latest page's count: a later page reads more texts) */
  totals: SearchTotals | null;
  /** what the core said was wrong (a query it cannot read), to be said in the interface language */
  error: QuireErrorInfo | null;
  loading: boolean;
  /** whether the filters these results answer narrowed them, and their order */
  filtered: boolean;
  sort: SearchSort;
  /** how many hits were asked for in all (a page more each time more are loaded) */
  limit: number;
  /** the last page came back full: there may be more to load */
  more: boolean;
}

const IDLE: SearchState = { query: '', hits: null, totals: null, error: null, loading: false, filtered: false, sort: 'relevance', limit: SEARCH_LIMIT, more: false };

/** Grouped by article, so the list (and the arrow keys) go through one article's hits together. */
const inGroups = (hits: readonly SearchHit[]): SearchHit[] => groupHits(hits).flatMap((group) => group.hits);

export function useSearch() {
  const api = useApi();
  const [query, setQuery] = useState('');
  const [filter, setFilterState] = useState<SearchFilter>(NO_SEARCH_FILTER);
  const [state, setState] = useState<SearchState>(IDLE);
  const sequence = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  // The debounced run reads the filter of the moment it fires, not of the keystroke.
  const filterNow = useRef(filter);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const run = useCallback(
    (text: string) => {
      window.clearTimeout(timer.current);
      const request = ++sequence.current;
      const trimmed = text.trim();
      if (!trimmed) {
        setState(IDLE);
        return;
      }
      const asked = filterNow.current;
      const answered = { query: trimmed, filtered: isSearchFiltered(asked), sort: asked.sort, limit: SEARCH_LIMIT };
      setState((current) => ({ ...current, loading: true }));
      void api.search(trimmed, toSearchOptions(asked, SEARCH_LIMIT)).then((result) => {
        if (request !== sequence.current) return;
        setState(
          result.ok
            ? {
                ...answered,
                hits: inGroups(result.value.hits),
                totals: result.value.totals,
                error: null,
                loading: false,
                more: result.value.hits.length >= SEARCH_LIMIT,
              }
            : { ...answered, hits: null, totals: null, error: result.error, loading: false, more: false },
        );
      });
    },
    [api],
  );

  const change = useCallback(
    (text: string) => {
      setQuery(text);
      window.clearTimeout(timer.current);
      if (!text.trim()) {
        run('');
        return;
      }
      timer.current = window.setTimeout(() => run(text), SEARCH_DEBOUNCE_MS);
    },
    [run],
  );

  const submit = useCallback(() => run(query), [run, query]);

  /**
   * The next page of the same query and filters, added under what is shown. Goes through the same
   * request sequence: typing meanwhile drops it, and a second click while one loads is ignored.
   */
  const loadMore = useCallback(() => {
    const shown = state;
    if (!shown.more || shown.loading || shown.hits === null) return;
    const request = ++sequence.current;
    const offset = shown.limit;
    setState((current) => ({ ...current, loading: true }));
    void api.search(shown.query, { ...toSearchOptions(filterNow.current, SEARCH_LIMIT), offset }).then((result) => {
      if (request !== sequence.current) return;
      setState((current) =>
        result.ok
          ? {
              ...current,
              hits: inGroups([...(current.hits ?? []), ...result.value.hits]),
              totals: result.value.totals,
              limit: offset + SEARCH_LIMIT,
              more: result.value.hits.length >= SEARCH_LIMIT,
              loading: false,
            }
          : { ...current, error: result.error, loading: false },
      );
    });
  }, [api, state]);

  const clear = useCallback(() => {
    setQuery('');
    run('');
  }, [run]);

  /**
   * A new filter searches again: at once for a choice from a list, after the debounce for a date
   * being typed (Chromium reports every keystroke of the year as a whole date: 0002, 0020, 2020).
   */
  const setFilter = useCallback(
    (next: SearchFilter, { typing = false }: { typing?: boolean } = {}) => {
      filterNow.current = next;
      setFilterState(next);
      if (!query.trim()) return;
      window.clearTimeout(timer.current);
      if (typing) timer.current = window.setTimeout(() => run(query), SEARCH_DEBOUNCE_MS);
      else run(query);
    },
    [run, query],
  );

  return { query, filter, state, change, submit, clear, setFilter, loadMore };
}

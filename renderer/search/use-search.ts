/**
 * Search as you type: a short debounce, Enter to search at once, and a request sequence so an
 * answer that arrives after a newer query was sent is dropped instead of overwriting it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../electron/shared/models';
import { useApi } from '../api/api-context';
import { groupHits } from './group-hits';

export const SEARCH_DEBOUNCE_MS = 150;
const SEARCH_LIMIT = 50;

export interface SearchState {
  /** the query these results answer */
  query: string;
  hits: SearchHit[] | null;
  error: string | null;
  loading: boolean;
}

const IDLE: SearchState = { query: '', hits: null, error: null, loading: false };

export function useSearch() {
  const api = useApi();
  const [query, setQuery] = useState('');
  const [state, setState] = useState<SearchState>(IDLE);
  const sequence = useRef(0);
  const timer = useRef<number | undefined>(undefined);

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
      setState((current) => ({ ...current, loading: true }));
      void api.search(trimmed, { limit: SEARCH_LIMIT }).then((result) => {
        if (request !== sequence.current) return;
        setState(
          result.ok
            ? // Grouped by article, so the list (and the arrow keys) go through one article's hits together.
              { query: trimmed, hits: groupHits(result.value).flatMap((group) => group.hits), error: null, loading: false }
            : { query: trimmed, hits: null, error: result.error.message, loading: false },
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

  const clear = useCallback(() => {
    setQuery('');
    run('');
  }, [run]);

  return { query, state, change, submit, clear };
}

/**
 * The find bar's state: what is typed, the matches of what was last searched for, and the
 * current one. Matching runs over the folded text string (never the DOM), at most once per
 * pause in typing, so a long manual stays responsive.
 */
import { useCallback, useEffect, useState, type RefObject } from 'react';
import { findInText, firstMatchFrom, stepMatch } from './find-matches';
import { measureReadingProgress } from '../reading-position';
import { foldedArticleText } from './text-folding';
import type { TextSpan } from '../text-offsets';

/** Typing pauses longer than this run the search. */
export const FIND_DEBOUNCE_MS = 100;

export interface FoundMatches {
  /** the query these matches are for */
  query: string;
  matches: TextSpan[];
  /** the current match, -1 when there is none */
  index: number;
  /** counts every move, so going "next" onto the same single match still scrolls back to it */
  moves: number;
}

const NOTHING: FoundMatches = { query: '', matches: [], index: -1, moves: 0 };

interface FindStateOptions {
  text: string;
  initialQuery: string;
  container: RefObject<HTMLElement | null>;
  scroller: RefObject<HTMLElement | null>;
}

export function useFindState({ text, initialQuery, container, scroller }: FindStateOptions) {
  const [query, setQuery] = useState(initialQuery);
  const [found, setFound] = useState<FoundMatches>(NOTHING);

  const search = useCallback(
    (wanted: string) => {
      const matches = findInText(foldedArticleText(text), wanted);
      // Refining the query keeps the place: start at the match shown now, else at the top of the page.
      const shown = found.matches[found.index];
      let from = shown?.start ?? 0;
      if (!shown && scroller.current && container.current) {
        from = measureReadingProgress(scroller.current, container.current).position;
      }
      setFound({ query: wanted, matches, index: firstMatchFrom(matches, from), moves: found.moves + 1 });
    },
    [text, found, container, scroller],
  );

  useEffect(() => {
    if (query === found.query) return;
    // What the bar opened with is searched at once; typing waits for a pause.
    const immediate = query.trim() === '' || (query === initialQuery && found.query === '');
    const timer = setTimeout(() => search(query), immediate ? 0 : FIND_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, found.query, initialQuery, search]);

  /** Next or previous match; a query still waiting for its pause is searched first instead. */
  const step = useCallback(
    (direction: 1 | -1) => {
      if (query !== found.query) {
        search(query);
        return;
      }
      setFound((f) => ({ ...f, index: stepMatch(f.index, f.matches.length, direction), moves: f.moves + 1 }));
    },
    [query, found.query, search],
  );

  return { query, setQuery, found, step };
}

/**
 * The matches the reader steps through, one set at a time: the terms of the search the article was
 * opened from (the search-result bar), or Find in the article (Ctrl+F), which takes that bar's
 * place. N / Shift+N step through whichever is shown, H / Shift+H through headings.
 */
import { useCallback, useMemo, useState, type RefObject } from 'react';
import { useFindInArticle } from './find/use-find-in-article';
import type { FoundMatches } from './find/use-find-state';
import type { ReaderTarget } from './reader-target';
import { findTermMatches, initialMatchIndex } from './term-matches';
import { useReaderKeys } from './use-reader-keys';

interface ArticleMatchesOptions {
  text: string;
  target: ReaderTarget | null;
  main: RefObject<HTMLElement | null>;
  container: RefObject<HTMLElement | null>;
  scroller: RefObject<HTMLElement | null>;
}

export function useArticleMatches({ text, target, main, container, scroller }: ArticleMatchesOptions) {
  // Opened on a bookmark (from the Bookmarks or Notes view): go to it, with no search bar.
  const jumpTo = target && target.terms.length === 0 && target.annotationId ? target.annotationId : null;
  const [search, setSearch] = useState(jumpTo ? null : target);
  const matches = useMemo(() => {
    if (!search) return [];
    const found = findTermMatches(text, search.terms);
    return found.length > 0 ? found : search.passage ? [search.passage] : [];
  }, [search, text]);
  const [currentMatch, setCurrentMatch] = useState(() => initialMatchIndex(matches, target?.passage ?? null));
  const nextMatch = useCallback(() => setCurrentMatch((i) => (i + 1) % matches.length), [matches.length]);
  const previousMatch = useCallback(
    () => setCurrentMatch((i) => (i - 1 + matches.length) % matches.length),
    [matches.length],
  );
  const closeSearch = useCallback(() => setSearch(null), []);

  const { find, bar: findBar, close: closeFindBar } = useFindInArticle({
    text,
    main,
    container,
    scroller,
    fallbackQuery: () => (search?.terms.length === 1 ? search.terms[0]! : ''),
    onOpen: closeSearch,
  });
  // What the find bar found, for a view that paints matches itself (a PDF's pages).
  const [found, setFound] = useState<FoundMatches | null>(null);
  const closeFind = useCallback(
    (query: string) => {
      setFound(null);
      closeFindBar(query);
    },
    [closeFindBar],
  );
  /** The matches shown now: the find bar's while it is open, else the search's. */
  const shown = find && found ? { matches: found.matches, current: found.index } : { matches, current: currentMatch };
  const nextFound = useCallback(() => findBar.current?.step(1), [findBar]);
  const previousFound = useCallback(() => findBar.current?.step(-1), [findBar]);
  const hasMatches = search !== null && matches.length > 0;
  useReaderKeys({
    region: main,
    scroller,
    container,
    onNextMatch: hasMatches ? nextMatch : find ? nextFound : null,
    onPreviousMatch: hasMatches ? previousMatch : find ? previousFound : null,
  });

  return { jumpTo, search, matches, currentMatch, nextMatch, previousMatch, closeSearch, find, findBar, closeFind, setFound, shown };
}

export type ArticleMatches = ReturnType<typeof useArticleMatches>;

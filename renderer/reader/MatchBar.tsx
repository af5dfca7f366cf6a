import type { RefObject } from 'react';
import { FindBar } from './find/FindBar';
import { SearchMatchBar } from './SearchMatchBar';
import type { ArticleMatches } from './use-article-matches';

interface MatchBarProps {
  matches: ArticleMatches;
  text: string;
  container: RefObject<HTMLElement | null>;
  scroller: RefObject<HTMLElement | null>;
}

/** The find bar while finding, else the bar of the search the article was opened from, else nothing. */
export function MatchBar({ matches, text, container, scroller }: MatchBarProps) {
  const { find, findBar, closeFind, setFound, search } = matches;
  if (find) {
    return (
      <FindBar
        key={find.key}
        ref={findBar}
        text={text}
        initialQuery={find.query}
        container={container}
        scroller={scroller}
        onClose={closeFind}
        onFound={setFound}
      />
    );
  }
  if (!search) return null;
  return (
    <SearchMatchBar
      terms={search.terms}
      current={Math.max(0, matches.currentMatch)}
      total={matches.matches.length}
      onPrevious={matches.previousMatch}
      onNext={matches.nextMatch}
      onClose={() => {
        matches.closeSearch();
        // The bar and its buttons go away: keep focus in the reader.
        scroller.current?.focus({ preventScroll: true });
      }}
    />
  );
}

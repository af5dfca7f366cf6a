import type { SearchHit, SearchResults } from '../../electron/shared/models';
import { hitPlaces } from '../../electron/shared/search-totals';

/** A fake search answer: these hits, counted as all the query found. */
export function searchResultsOf(hits: SearchHit[]): SearchResults {
  const count = (kind: SearchHit['kind']): number => hits.filter((hit) => hit.kind === kind).length;
  return {
    hits,
    totals: {
      articles: new Set(hits.map((hit) => hit.articleId)).size,
      passages: hits.reduce((sum, hit) => sum + hitPlaces(hit), 0),
      bookmarks: count('bookmark'),
      notes: count('note'),
      articlesExact: true,
      passagesExact: true,
    },
  };
}

/**
 * The count line of a search, as the results panel and `quire search` both print it:
 * "62 articles · 214 passages (4 bookmarks, 1 note)", "at least" before a figure that is a lower
 * bound (models.ts, SearchTotals).
 */
import type { SearchHit, SearchTotals } from './models';

/** A query that looks for nothing found nothing (the core answers it without opening the index). */
export const NO_TOTALS: SearchTotals = { articles: 0, passages: 0, bookmarks: 0, notes: 0, articlesExact: true, passagesExact: true };

const count = (value: number, one: string, many: string, formatNumber: (value: number) => string): string =>
  `${formatNumber(value)} ${value === 1 ? one : many}`;

/**
 * How many places a hit stands for: each place its article's text matches (one when only the
 * title or details did), or one bookmark or note.
 */
export function hitPlaces(hit: Pick<SearchHit, 'kind' | 'passageCount'>): number {
  return hit.kind === 'article' ? Math.max(1, hit.passageCount ?? 0) : 1;
}

export function searchTotalsLabel(totals: SearchTotals, formatNumber: (value: number) => string = String): string {
  const atLeast = (exact: boolean): string => (exact ? '' : 'at least ');
  const marked: string[] = [];
  if (totals.bookmarks > 0) marked.push(count(totals.bookmarks, 'bookmark', 'bookmarks', formatNumber));
  if (totals.notes > 0) marked.push(count(totals.notes, 'note', 'notes', formatNumber));
  const articles = `${atLeast(totals.articlesExact)}${count(totals.articles, 'article', 'articles', formatNumber)}`;
  const passages = `${atLeast(totals.articlesExact && totals.passagesExact)}${count(totals.passages, 'passage', 'passages', formatNumber)}`;
  return `${articles} · ${passages}${marked.length > 0 ? ` (${marked.join(', ')})` : ''}`;
}

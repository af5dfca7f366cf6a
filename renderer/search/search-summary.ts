/** The one-line summary above the results: what was found, counted the way the list shows it. */
import type { SearchHit, SearchHitKind, SearchSort, SearchTotals } from '../../electron/shared/models';
import { searchTotalsLabel } from '../../electron/shared/search-totals';

const numberFormat = new Intl.NumberFormat();

export const plural = (count: number, one: string, many: string): string =>
  `${numberFormat.format(count)} ${count === 1 ? one : many}`;

/** "2 passages, 1 bookmark": a group's counts, kinds with no hit left out. */
export function kindCountsLabel(counts: Record<SearchHitKind, number>): string {
  const parts: string[] = [];
  if (counts.article > 0) parts.push(plural(counts.article, 'passage', 'passages'));
  if (counts.bookmark > 0) parts.push(plural(counts.bookmark, 'bookmark', 'bookmarks'));
  if (counts.note > 0) parts.push(plural(counts.note, 'note', 'notes'));
  return parts.join(', ');
}

/**
 * "62 articles · 214 passages (4 bookmarks, 2 notes)": what the whole query found, counted by the
 * core (every place an article's text matches is a passage, and every bookmark and note), "at
 * least" where it is a lower bound. While more results can be loaded, it says how many articles
 * are shown.
 */
export function resultsSummary(hits: readonly SearchHit[], totals: SearchTotals, more: boolean, sort: SearchSort): string {
  if (hits.length === 0) return '';
  const line = searchTotalsLabel(totals, (value) => numberFormat.format(value));
  if (!more) return line;
  const shown = new Set(hits.map((hit) => hit.articleId)).size;
  return `${line} · showing the ${sort === 'date' ? 'newest' : 'best'} ${plural(shown, 'article', 'articles')}`;
}

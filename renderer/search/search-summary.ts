/** The one-line summary above the results: what was found, counted the way the list shows it. */
import type { SearchHit, SearchHitKind, SearchSort } from '../../electron/shared/models';
import { placeCounts } from './result-entries';

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
 * "12 articles · 30 passages (4 bookmarks, 2 notes)". Every place an article's text matches is a
 * passage, and every bookmark and note (the passages a reader marked, counted among them and named
 * apart). When the core returned as many hits as asked, there may be more: the line says which
 * ones are shown.
 */
export function resultsSummary(hits: readonly SearchHit[], limit: number, sort: SearchSort): string {
  if (hits.length === 0) return '';
  const articles = new Set(hits.map((hit) => hit.articleId)).size;
  const { article, bookmark: bookmarks, note: notes } = placeCounts(hits);
  const marked: string[] = [];
  if (bookmarks > 0) marked.push(plural(bookmarks, 'bookmark', 'bookmarks'));
  if (notes > 0) marked.push(plural(notes, 'note', 'notes'));
  let line = `${plural(articles, 'article', 'articles')} · ${plural(article + bookmarks + notes, 'passage', 'passages')}`;
  if (marked.length > 0) line += ` (${marked.join(', ')})`;
  if (hits.length >= limit) line += ` · showing the ${sort === 'date' ? 'newest' : 'best'} ${numberFormat.format(limit)}`;
  return line;
}

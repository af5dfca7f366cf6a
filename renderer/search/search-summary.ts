/** The one-line summary above the results: what was found, counted the way the list shows it. */
import type { SearchHit, SearchHitKind, SearchSort, SearchTotals } from '../../electron/shared/models';
import type { IntlShape } from 'react-intl';
import type { MessageId } from '../../electron/shared/i18n/catalogs';

/** "2 passages, 1 bookmark": counts joined as the language joins a list of units. */
const joined = (parts: string[], intl: IntlShape): string => intl.formatList(parts, { type: 'unit' });

const counted = (id: MessageId, count: number, intl: IntlShape, exact = true): string =>
  intl.formatMessage({ id }, { count, exact: exact ? 'yes' : 'no' });

/** "2 passages, 1 bookmark": a group's counts, kinds with no hit left out. */
export function kindCountsLabel(counts: Record<SearchHitKind, number>, intl: IntlShape): string {
  const parts: string[] = [];
  if (counts.article > 0) parts.push(counted('search.passages', counts.article, intl));
  if (counts.bookmark > 0) parts.push(counted('search.bookmarks', counts.bookmark, intl));
  if (counts.note > 0) parts.push(counted('search.notes', counts.note, intl));
  return joined(parts, intl);
}

/**
 * "62 articles · 214 passages (4 bookmarks, 2 notes)": what the whole query found, counted by the
 * core (every place an article's text matches is a passage, and every bookmark and note), "at
 * least" where it is a lower bound. While more results can be loaded, it says how many articles
 * are shown.
 */
export function resultsSummary(hits: readonly SearchHit[], totals: SearchTotals, more: boolean, sort: SearchSort, intl: IntlShape): string {
  if (hits.length === 0) return '';
  const marked: string[] = [];
  if (totals.bookmarks > 0) marked.push(counted('search.bookmarks', totals.bookmarks, intl));
  if (totals.notes > 0) marked.push(counted('search.notes', totals.notes, intl));
  const articles = counted('search.articles', totals.articles, intl, totals.articlesExact);
  const passages = counted('search.passages', totals.passages, intl, totals.articlesExact && totals.passagesExact);
  const found = intl.formatMessage({ id: 'search.totals' }, { articles, passages });
  const line = marked.length > 0 ? intl.formatMessage({ id: 'search.totalsMarked' }, { found, marked: joined(marked, intl) }) : found;
  if (!more) return line;
  const shown = new Set(hits.map((hit) => hit.articleId)).size;
  return intl.formatMessage({ id: 'search.showing' }, { line, sort, count: shown });
}

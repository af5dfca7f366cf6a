/**
 * The articles read most recently, for search to break ties with: two results that match a query
 * equally well go in the order the reader last had them open. Sent with each query rather than
 * indexed, since reading moves with every scroll.
 */
import type { ArticleMeta } from '../../shared/models';

/** What the order needs of an article (a search before the library is read has only this). */
type Reading = Pick<ArticleMeta, 'id' | 'lastReadAt'>;

/** Enough for a tie-breaker: an article read longer ago than this many others counts as unread. */
const MAX_RECENT = 500;

/** Ids of the articles read most recently, most recent first (at most MAX_RECENT). */
export function recentlyRead(articles: Iterable<Reading>): string[] {
  const read: { id: string; at: string }[] = [];
  for (const article of articles) if (article.lastReadAt !== undefined) read.push({ id: article.id, at: article.lastReadAt });
  // ISO times of one clock compare as strings.
  read.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? -1 : 1));
  return read.slice(0, MAX_RECENT).map((entry) => entry.id);
}

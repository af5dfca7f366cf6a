import type { ArticleFormat, SearchHit, SearchHitKind } from '../../electron/shared/models';
import { hitPlaces } from '../../electron/shared/search-totals';

/** One article's hits: its text, bookmarks and notes that matched, best first. */
export interface HitGroup {
  articleId: string;
  title: string;
  /** the article's format and date (published, else added), as its hits carry them */
  format: ArticleFormat | null;
  date: string | null;
  hits: SearchHit[];
  /** how many places of each kind (an article's text counts each place it matches), for the group's heading */
  counts: Record<SearchHitKind, number>;
}

/**
 * Results grouped by article, the groups in the order of their best hit (the engine's ranking is
 * kept), each group's hits in their own order.
 */
export function groupHits(hits: readonly SearchHit[]): HitGroup[] {
  const groups = new Map<string, HitGroup>();
  for (const hit of hits) {
    let group = groups.get(hit.articleId);
    if (group === undefined) {
      group = {
        articleId: hit.articleId,
        title: hit.title,
        format: hit.format,
        date: hit.date,
        hits: [],
        counts: { article: 0, bookmark: 0, note: 0 },
      };
      groups.set(hit.articleId, group);
    }
    group.hits.push(hit);
    group.counts[hit.kind] += hitPlaces(hit);
  }
  return [...groups.values()];
}

/**
 * The search index against the files, read-only: the persisted manifest (through the segment
 * store's own `load`, which verifies every segment's checksum) is compared with the fingerprints
 * of what is on disk. Repairing is the library's usual reconciliation at open: it re-indexes
 * exactly the articles reported here.
 */
import { fingerprintOf } from '../../indexing/search-documents';
import { SegmentStore } from '../../search/segment-store';
import type { CheckedArticle, CheckProblem } from './check-types';

export async function checkIndex(indexDir: string, articles: readonly CheckedArticle[]): Promise<CheckProblem[]> {
  const where = 'search index';
  const ids = articles.map((a) => a.meta.id);
  const loaded = await new SegmentStore(indexDir).load().catch(() => null);
  if (loaded === null) {
    if (articles.length === 0) return [];
    return [{ where, message: `The search index is missing or unreadable; ${count(articles.length)} to index.`, repair: { kind: 'reindex', articleIds: ids } }];
  }
  const problems: CheckProblem[] = [];
  const lostArticles = new Set<string>();
  const { segment, articleId } = loaded.manifest.docs;
  segment.forEach((id, row) => {
    if (loaded.lost.has(id)) lostArticles.add(articleId[row]!);
  });
  if (loaded.lost.size > 0) {
    problems.push({
      where,
      message: `${loaded.lost.size === 1 ? '1 index segment is' : `${loaded.lost.size} index segments are`} missing or corrupt; ${count(lostArticles.size)} to index again.`,
      repair: { kind: 'reindex', articleIds: [...lostArticles] },
    });
  }
  const indexed = loaded.manifest.fingerprints;
  const stale = articles
    .filter((a) => !lostArticles.has(a.meta.id) && indexed.get(a.meta.id) !== fingerprintOf(a.meta, a.annotations).fingerprint)
    .map((a) => a.meta.id);
  if (stale.length > 0) {
    problems.push({ where, message: `${count(stale.length)} not up to date in the search index.`, repair: { kind: 'reindex', articleIds: stale } });
  }
  const present = new Set(ids);
  const orphans = [...indexed.keys()].filter((id) => !present.has(id));
  if (orphans.length > 0) {
    problems.push({ where, message: `The search index still holds ${count(orphans.length)} no longer in the library.`, repair: { kind: 'reindex', articleIds: [] } });
  }
  return problems;
}

const count = (n: number): string => (n === 1 ? '1 article' : `${n} articles`);

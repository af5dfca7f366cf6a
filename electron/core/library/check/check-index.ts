/**
 * The search index against the files, read-only: the persisted manifest (through the segment
 * store's own `load`, which verifies every segment's checksum) is compared with the fingerprints
 * of what is on disk. Repairing is the library's usual reconciliation at open: it re-indexes
 * exactly the articles reported here. Articles a command changed without the index, which the
 * index's in-step record lists for the next search to index (indexing/in-step-reindex.ts), are
 * behind the index by design, not a problem.
 */
import path from 'node:path';
import { readInStepRecord } from '../../indexing/in-step-record';
import { fingerprintOf } from '../../indexing/search-documents';
import { SegmentStore } from '../../search/segment-store';
import { INDEX_WHERE, problemAt, type CheckedArticle, type CheckProblem } from './check-types';
import { say } from '../../../shared/i18n/core-sentences';

export async function checkIndex(indexDir: string, articles: readonly CheckedArticle[]): Promise<CheckProblem[]> {
  const where = INDEX_WHERE;
  const ids = articles.map((a) => a.meta.id);
  const loaded = await new SegmentStore(indexDir).load().catch(() => null);
  if (loaded === null) {
    if (articles.length === 0) return [];
    return [problemAt(where, say('core.check.problem.indexMissing', { count: articles.length }), { kind: 'reindex', articleIds: ids })];
  }
  const problems: CheckProblem[] = [];
  const lostArticles = new Set<string>();
  const { segment, articleId } = loaded.manifest.docs;
  segment.forEach((id, row) => {
    if (loaded.lost.has(id)) lostArticles.add(articleId[row]!);
  });
  if (loaded.lost.size > 0) {
    const sentence = say('core.check.problem.indexSegmentsLost', { segments: loaded.lost.size, count: lostArticles.size });
    problems.push(problemAt(where, sentence, { kind: 'reindex', articleIds: [...lostArticles] }));
  }
  const indexed = loaded.manifest.fingerprints;
  // The record lives beside the index, in the library's cache folder; an unusable one lists nothing.
  const waiting = new Set((await readInStepRecord(path.dirname(indexDir), () => undefined))?.reindex);
  const stale = articles
    .filter((a) => !lostArticles.has(a.meta.id) && !waiting.has(a.meta.id) && indexed.get(a.meta.id) !== fingerprintOf(a.meta, a.annotations).fingerprint)
    .map((a) => a.meta.id);
  if (stale.length > 0) {
    problems.push(problemAt(where, say('core.check.problem.indexStale', { count: stale.length }), { kind: 'reindex', articleIds: stale }));
  }
  const present = new Set(ids);
  const orphans = [...indexed.keys()].filter((id) => !present.has(id) && !waiting.has(id));
  if (orphans.length > 0) {
    problems.push(problemAt(where, say('core.check.problem.indexOrphans', { count: orphans.length }), { kind: 'reindex', articleIds: [] }));
  }
  return problems;
}

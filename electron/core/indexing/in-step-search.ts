/**
 * A search that answers from the index without opening the library, when the in-step record
 * (in-step-record.ts) says the index holds every article as it is on disk: `quire search` on a
 * large library then stats its files instead of reading every article's metadata and sending the
 * index ten thousand fingerprints. Articles a command changed without the index (in-step-reindex.ts)
 * are indexed from their files first, and the record kept again with them. Anything that does not
 * match: null, and the caller opens the library (`openQuire`), which reconciles the index as before.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SearchOptions, SearchResults } from '../../shared/models';
import { AnnotationStore } from '../annotations/annotation-store';
import { readArticleMeta } from '../library/article-store';
import { articleFiles } from '../library/library-paths';
import { recentlyRead } from '../library/recently-read';
import type { Log } from '../log';
import type { ArticleFingerprint, SearchDocument, SearchIndex } from '../search/search-index';
import { checkInStepRecord, readInStepRecord, recordedReading } from './in-step-record';
import { keepReindexedRecord, recordedIndexFingerprints } from './in-step-reindex';
import { fingerprintOf, searchDocumentsOf } from './search-documents';

/** Articles read again at once. */
const READ_BATCH = 32;

/** An answer given without reading the library, and what is left to do once it is shown. */
export interface InStepAnswer {
  results: SearchResults;
  /**
   * Closes the index and, when articles were indexed again for this answer, keeps the record with
   * them (the index written first); never fails: what cannot be written is left to the next search.
   */
  finish(): Promise<void>;
}

/**
 * The answer to `query`, or null when the index is not known to be in step with the library
 * (or the query is empty: the library's own search answers that). `index` is the library's index,
 * already started, so that its worker reads it from disk while this thread checks the files; an
 * answer's `finish` closes it, so that the results can be shown before the index is written.
 */
export async function searchIfInStep(
  { libraryDir, cacheDir, index, log }: { libraryDir: string; cacheDir: string; index: SearchIndex; log: Log },
  query: string,
  options?: SearchOptions,
): Promise<InStepAnswer | null> {
  if (query.trim() === '') return null;
  try {
    const record = await readInStepRecord(cacheDir, log);
    if (record === null) return null;
    // With nothing to index first, the index is asked at once, with the reading times the record
    // holds (the tie-breaker between equal scores): its worker answers while this thread checks
    // the files, instead of after. The answer is taken only if the check holds and the reading
    // times are still those; else the index is asked again.
    const askedEarly = record.reindex.length === 0 ? ask(index, query, options, recentlyRead(recordedReading(record))) : null;
    const check = await checkInStepRecord(libraryDir, cacheDir, record);
    if (check === null) return null;
    const reading: { id: string; lastReadAt?: string }[] = check.reading;
    const articleDir = (id: string): string => path.join(libraryDir, 'articles', id);
    const annotations = new AnnotationStore(articleDir, log);
    for (let i = 0; i < check.recheck.length; i += READ_BATCH) {
      const batch = check.recheck.slice(i, i + READ_BATCH);
      const same = await Promise.all(
        batch.map(async ({ id, fingerprint }) => {
          const [meta, list] = await Promise.all([readArticleMeta(articleDir(id), id), annotations.list(id)]);
          reading.push(meta);
          return fingerprintOf(meta, list).fingerprint === fingerprint;
        }),
      );
      if (!same.every(Boolean)) return null;
    }
    if (check.reindex.length === 0 && check.removed.length === 0) {
      const context = recentlyRead(reading);
      const results = askedEarly !== null && sameList(askedEarly.recentlyRead, context) ? await askedEarly.results : await index.search(query, options, { recentlyRead: context });
      return { results, finish: () => index.close().catch((error: unknown) => log('The search index did not close cleanly', error)) };
    }
    const entries: { fingerprint: ArticleFingerprint; documents: SearchDocument[] }[] = [];
    const readAt = new Map<string, string>();
    for (let i = 0; i < check.reindex.length; i += READ_BATCH) {
      const read = await Promise.all(
        check.reindex.slice(i, i + READ_BATCH).map(async (id) => {
          const [meta, text, list] = await Promise.all([readArticleMeta(articleDir(id), id), readFile(articleFiles(articleDir(id)).text, 'utf8'), annotations.list(id)]);
          return { meta, entry: { fingerprint: fingerprintOf(meta, list), documents: searchDocumentsOf(meta, text, list) } };
        }),
      );
      for (const { meta, entry } of read) {
        reading.push(meta);
        entries.push(entry);
        if (meta.lastReadAt !== undefined) readAt.set(meta.id, meta.lastReadAt);
      }
    }
    // Asked all at once (the worker takes requests in turn), and while the worker indexes and
    // answers, this thread reads what the record says of every other article: the index on disk
    // it stamped, read before the index is written (only its close writes it), to show afterwards
    // that the index written holds that and no more. On 10,000 articles its manifest is ~2 MB.
    const changes = [...check.removed.map((id) => index.removeArticle(id)), ...(entries.length > 0 ? [index.replaceArticles(entries)] : [])];
    const answer = index.search(query, options, { recentlyRead: recentlyRead(reading) });
    // Not awaited when the search hands over below; the library's own opening meets a failure again.
    for (const request of [...changes, answer]) request.catch(() => undefined);
    const before = recordedIndexFingerprints(cacheDir, check.record);
    // Another process wrote the index since the check: the library is opened instead, with this
    // index, whose changes are those of the articles' files as read here.
    if (before === null) return null;
    await Promise.all(changes);
    const results = await answer;
    const finish = async (): Promise<void> => {
      try {
        await index.close();
        const reindexed = new Map(entries.map(({ fingerprint }) => [fingerprint.articleId, fingerprint.fingerprint]));
        await keepReindexedRecord({ cacheDir, check, before, reindexed, readAt, log });
      } catch (error) {
        // The answer holds; the record stays as it was, and the next search indexes them again.
        log('The search index could not be written after re-indexing changed articles', error);
      }
    };
    return { results, finish };
  } catch {
    // A file that cannot be read (being written?), a worker that failed: opening the library
    // meets it again, and says why when it matters.
    return null;
  }
}

/** A search asked before the check says it is wanted (the answer may never be awaited): its answer, and the reading times it was asked with. */
interface AskedSearch {
  results: Promise<SearchResults>;
  recentlyRead: readonly string[];
}

function ask(index: SearchIndex, query: string, options: SearchOptions | undefined, recentlyRead: readonly string[]): AskedSearch {
  const results = index.search(query, options, { recentlyRead });
  // Not awaited when the search hands over to the library, whose own search meets a failure again.
  results.catch(() => undefined);
  return { results, recentlyRead };
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((id, i) => id === b[i]);

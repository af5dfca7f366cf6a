/**
 * A search that answers from the index without opening the library, when the in-step record
 * (in-step-record.ts) says the index holds every article as it is on disk: `quire search` on a
 * large library then stats its files instead of reading every article's metadata and sending the
 * index ten thousand fingerprints. Anything that does not match: null, and the caller opens the
 * library (`openQuire`), which reconciles the index as before.
 */
import path from 'node:path';
import type { SearchOptions, SearchResults } from '../../shared/models';
import { AnnotationStore } from '../annotations/annotation-store';
import { readArticleMeta } from '../library/article-store';
import { recentlyRead } from '../library/recently-read';
import type { Log } from '../log';
import type { SearchIndex } from '../search/search-index';
import { checkInStepRecord } from './in-step-record';
import { fingerprintOf } from './search-documents';

/** Articles read again at once. */
const READ_BATCH = 32;

/**
 * The results of `query`, or null when the index is not known to be in step with the library
 * (or the query is empty: the library's own search answers that). `index` is the library's index,
 * already started, so that its worker reads it from disk while this thread checks the files.
 */
export async function searchIfInStep(
  { libraryDir, cacheDir, index, log }: { libraryDir: string; cacheDir: string; index: SearchIndex; log: Log },
  query: string,
  options?: SearchOptions,
): Promise<SearchResults | null> {
  if (query.trim() === '') return null;
  try {
    const check = await checkInStepRecord(libraryDir, cacheDir, log);
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
    return await index.search(query, options, { recentlyRead: recentlyRead(reading) });
  } catch {
    // A file that cannot be read (being written?), a worker that failed: opening the library
    // meets it again, and says why when it matters.
    return null;
  }
}

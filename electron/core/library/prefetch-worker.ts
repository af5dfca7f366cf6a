/**
 * The library prefetch's thread (bundled to out/worker/library-prefetch.js): takes the stamps of
 * every article.json under the folder it is given, then (when asked) of every annotations/
 * folder, posts them in two messages and ends (library-prefetch.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { takeArticleStamps, type ArticleStampsMessage, type PrefetchWorkerData } from './library-prefetch';

const port = parentPort;
if (port === null) throw new Error('the library prefetch must run as a worker thread');
const { articlesDir, annotationFolders } = (workerData ?? {}) as Partial<PrefetchWorkerData>;
if (typeof articlesDir !== 'string' || typeof annotationFolders !== 'boolean') throw new Error('the library prefetch needs { articlesDir, annotationFolders }');
const taken = takeArticleStamps(articlesDir);
if (taken === null) {
  port.postMessage(null);
} else {
  // Each message's numbers are handed over, not copied; the store's open needs only the first.
  const { names, stamps, takeFolderStamps } = taken;
  port.postMessage({ names, stamps } satisfies ArticleStampsMessage, [stamps.buffer]);
  // Only for a command that fingerprints the library: another 10,000 `stat`s slow the main thread's
  // own work meanwhile (system calls and page faults share the kernel), which `quire list` felt.
  if (annotationFolders) {
    const folders = takeFolderStamps();
    port.postMessage(folders, [folders.folderStamps.buffer]);
  }
}

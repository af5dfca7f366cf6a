/**
 * The library prefetch's thread (bundled to out/worker/library-prefetch.js): takes the stamps of
 * every article.json and annotations/ folder under the folder it is given, posts them in two
 * messages and ends (library-prefetch.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { takeArticleStamps, type ArticleStampsMessage } from './library-prefetch';

const port = parentPort;
if (port === null) throw new Error('the library prefetch must run as a worker thread');
const articlesDir: unknown = (workerData as { articlesDir?: unknown } | null)?.articlesDir;
if (typeof articlesDir !== 'string') throw new Error('the library prefetch needs { articlesDir }');
const taken = takeArticleStamps(articlesDir);
if (taken === null) {
  port.postMessage(null);
} else {
  // Each message's numbers are handed over, not copied; the store's open needs only the first.
  const { names, stamps, folderStamps } = taken;
  port.postMessage({ names, stamps } satisfies ArticleStampsMessage, [stamps.buffer]);
  const folders = folderStamps();
  port.postMessage(folders, [folders.folderStamps.buffer]);
}

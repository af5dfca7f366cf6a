/**
 * The library prefetch's thread (bundled to out/worker/library-prefetch.js): takes the stamps of
 * every article.json under the folder it is given, posts them once and ends (library-prefetch.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { takeArticleStamps } from './library-prefetch';

const port = parentPort;
if (port === null) throw new Error('the library prefetch must run as a worker thread');
const articlesDir: unknown = (workerData as { articlesDir?: unknown } | null)?.articlesDir;
if (typeof articlesDir !== 'string') throw new Error('the library prefetch needs { articlesDir }');
const taken = takeArticleStamps(articlesDir);
// The stamps' buffer is handed over, not copied.
port.postMessage(taken, taken ? [taken.stamps.buffer] : []);

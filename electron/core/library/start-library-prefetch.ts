/**
 * Starts reading ahead what opening a library reads first (library-prefetch.ts). It is a shortcut
 * only: whatever goes wrong with the stamps' thread (no bundled thread, a thread that fails or
 * answers something else), the stamps are null and the store takes every stamp itself; a failed
 * read of the cache is the same failure the store's own read would have met.
 */
import { open } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { bundledWorkerPath } from '../app-root';
import { ARTICLES_FOLDER, LIBRARY_META_CACHE } from './library-layout';
import { isArticleStampsMessage, isFolderStampsMessage, PrefetchedStamps, type FolderStampsMessage, type LibraryPrefetch, type PrefetchWorkerData } from './library-prefetch';

/**
 * Reads ahead for the library at `libraryDir`, whose cache folder is `cacheDir`; the annotation
 * folders' stamps too when `annotationFolders` (a command that fingerprints the library).
 */
export function startLibraryPrefetch(libraryDir: string, cacheDir: string, { annotationFolders }: { annotationFolders: boolean }): LibraryPrefetch {
  const metaCacheBytes = readWhole(path.join(cacheDir, LIBRARY_META_CACHE));
  // Awaited by the open, if one comes; a read nobody awaits must not be an unhandled rejection.
  metaCacheBytes.catch(() => undefined);
  return { stamps: startStampsThread({ articlesDir: path.join(libraryDir, ARTICLES_FOLDER), annotationFolders }), metaCacheBytes };
}

function startStampsThread(workerData: PrefetchWorkerData): Promise<PrefetchedStamps | null> {
  const file = bundledWorkerPath('library-prefetch.js', 'QUIRE_PREFETCH_WORKER');
  if (!existsSync(file)) return Promise.resolve(null);
  let worker: Worker;
  try {
    worker = new Worker(file, { workerData });
  } catch {
    return Promise.resolve(null);
  }
  // Referenced until it has answered: a command that awaits the answer while nothing else is
  // pending would otherwise end there, its work undone ("unsettled top-level await", exit 13).
  // Once it has answered, or failed, it must not keep a command from exiting.
  let answerStamps: (stamps: PrefetchedStamps | null) => void = () => {};
  let answerFolders: (folders: FolderStampsMessage | null) => void = () => {};
  const stamps = new Promise<PrefetchedStamps | null>((resolve) => (answerStamps = resolve));
  const folders = new Promise<FolderStampsMessage | null>((resolve) => (answerFolders = resolve));
  // Whatever has not come by then will not (a promise answered once keeps its first answer).
  const giveUp = (): void => {
    answerStamps(null);
    answerFolders(null);
    worker.unref();
  };
  let names: readonly string[] | null = null;
  worker.on('message', (message: unknown) => {
    if (names === null) {
      if (!isArticleStampsMessage(message)) {
        giveUp();
        return;
      }
      names = message.names;
      answerStamps(new PrefetchedStamps(message, folders));
    } else {
      answerFolders(isFolderStampsMessage(message, names) ? message : null);
      worker.unref();
    }
  });
  worker.once('error', giveUp);
  worker.once('exit', giveUp);
  return stamps;
}

/**
 * The file's bytes in as few reads as it takes (one, as a rule). `readFile` reads 512 KiB at a
 * time, each read started by this thread, which is busy loading modules meanwhile: the 5.5 MB
 * cache of 10,000 articles took ~160 ms to arrive that way, ~20 ms in one read. The cache is
 * replaced by renaming (never written in place), so the open file is one whole version.
 */
async function readWhole(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const bytes = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(bytes, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return bytes.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

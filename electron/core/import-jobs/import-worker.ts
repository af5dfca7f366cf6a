/**
 * The import worker (bundled as out/worker/import-worker.js, run by the pool in import-pool.ts):
 * reads a file and runs the importer, the CPU-heavy part of an import, off the host's thread.
 */
import '../keep-compiled-code';
import { getHeapStatistics } from 'node:v8';
import { readUserFile } from '../fs/read-user-file';
import { MAX_IMPORT_BYTES, tooLarge } from '../importers/import-formats';
import { extractForLibrary, failureOfError, toExtracted } from '../library/import-into-library';
import type { ReadingUnit } from '../../shared/models';
import type { ExtractProgress, ExtractResult, ExtractTask, WorkerTask } from './extract-protocol';
import { partBeingRead, throttleProgress } from './progress-throttle';

/**
 * A worker's heap larger than this after a file is collected before the next file. V8 lets garbage
 * fill a heap towards its ceiling before it collects, and keeps the pages it grew into once it
 * has: after one large page (a few hundred megabytes of DOM, garbage once the page is read) an idle
 * or busy worker kept them for the rest of the import. Ordinary pages leave under this: at 128 MB,
 * ordinary news pages passed it every twenty files or so, and each such collection, with the heap
 * grown again after it, cost the worker about a second of CPU (120 pages: 16.4 against 11.1 CPU-s
 * read in one thread).
 */
const COLLECT_ABOVE_BYTES = 256 * 1024 * 1024;

type CollectGarbage = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

/**
 * A full collection that also gives the freed pages back to the system (V8's `last-resort`
 * flavour; a plain one keeps them), when the import host exposed `gc()` (import-host.ts). Run
 * before the result goes back, so that the pool's own check of the heap (which replaces a worker
 * whose heap stays large) sees what the file left alive rather than its garbage.
 */
function releaseMemory(): void {
  const collect = (globalThis as { gc?: CollectGarbage }).gc;
  if (collect && getHeapStatistics().total_heap_size > COLLECT_ABOVE_BYTES) collect({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

export default async function extract({ progress: port, ...task }: WorkerTask): Promise<ExtractResult> {
  try {
    return await extractFile(task, port && progressSender(port));
  } finally {
    port?.close();
    releaseMemory();
  }
}

type OnProgress = (done: number, total: number, unit: ReadingUnit) => void;

/** The importer's progress, throttled, as messages on the task's port. */
function progressSender(port: NonNullable<WorkerTask['progress']>): OnProgress {
  const send = throttleProgress(({ unit, part, parts }) => {
    const message: ExtractProgress = { type: 'progress', unit, part, parts };
    port.postMessage(message);
  });
  return (done, total, unit) => {
    if (total > 0) send({ unit, part: partBeingRead(done, total), parts: total });
  };
}

async function extractFile(task: ExtractTask, onProgress: OnProgress | undefined): Promise<ExtractResult> {
  let unexpected: string | null = null;
  try {
    if (task.url !== undefined) {
      const { importFromUrl } = await import('../importers/fetch-url');
      const fetched = await importFromUrl(task.url);
      return { ok: true, article: toExtracted(fetched), original: { fileName: fetched.fileName, bytes: fetched.bytes } };
    }
    const maxBytes = task.maxBytes ?? MAX_IMPORT_BYTES;
    const fromDisk = task.bytes === undefined && task.filePath !== undefined;
    const bytes = task.bytes ?? (task.filePath !== undefined ? await readUserFile(task.filePath, { maxBytes, tooLarge: () => tooLarge(maxBytes) }) : new Uint8Array());
    const article = await extractForLibrary({
      fileName: task.fileName,
      bytes,
      maxBytes,
      ...(task.filePath !== undefined ? { filePath: task.filePath } : {}),
      ...(onProgress ? { onProgress } : {}),
    });
    return { ok: true, article, ...(fromDisk ? { original: { fileName: task.fileName, bytes } } : {}) };
  } catch (error) {
    const failure = failureOfError(error, task.fileName, (message, cause) => {
      unexpected = `${message}: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`;
    });
    return { ok: false, ...failure, unexpected };
  }
}

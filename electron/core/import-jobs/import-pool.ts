/**
 * The pool of import workers (Tinypool over out/worker/import-worker.js). Workers start on the
 * first import and stop after a while without work, so an idle Quire holds no importer in memory.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import type Tinypool from 'tinypool';
import { bundledWorkerPath } from '../app-root';
import { unpackedAsarPath } from '../unpacked-path';
import type { ExtractResult, ExtractTask } from './extract-protocol';

const WORKER_ENV = 'QUIRE_IMPORT_WORKER';
const IDLE_MS = 30_000;
/**
 * A worker whose heap has grown past this after a file is replaced by a fresh one, so that what
 * the HTML parser keeps between documents cannot add up over a folder of thousands of files.
 */
const RECYCLE_HEAP_BYTES = 384 * 1024 * 1024;
/**
 * The most heap one import worker may use. A file that needs more (a page of tens of megabytes of
 * markup) stops its worker, fails with a clear reason, and the pool starts a fresh worker; without
 * a limit it would take the machine's memory. The largest real page measured needs about 900 MB.
 */
export const WORKER_HEAP_MB = 1536;

export interface ImportPool {
  /** how many files are read at once */
  readonly threads: number;
  extract(task: ExtractTask, signal?: AbortSignal): Promise<ExtractResult>;
  close(): Promise<void>;
}

/**
 * Two threads at least (one file's parse never waits for another's), more on big machines, always
 * leaving a core to the UI.
 */
export const defaultImportThreads = (): number => Math.max(2, Math.min(4, availableParallelism() - 1));

/** The bundled worker (out/worker/import-worker.js), or QUIRE_IMPORT_WORKER when set. */
export const resolveImportWorkerPath = (): string => bundledWorkerPath('import-worker.js', WORKER_ENV);

/**
 * Tinypool's own module file. Tinypool starts each thread on `entry/worker.js` next to the module
 * it was loaded from, so loading it from `app.asar.unpacked` in a packaged app makes its threads
 * start from a file on disk, as our worker entries do, instead of from inside the archive.
 */
export const resolveTinypoolPath = (): string => unpackedAsarPath(createRequire(import.meta.url).resolve('tinypool'));

async function loadTinypool(): Promise<typeof Tinypool> {
  const loaded = (await import(pathToFileURL(resolveTinypoolPath()).href)) as { default: typeof Tinypool };
  return loaded.default;
}

export function createImportPool({
  threads = defaultImportThreads(),
  maxHeapMb = WORKER_HEAP_MB,
}: { threads?: number; maxHeapMb?: number } = {}): ImportPool {
  let pool: Promise<Tinypool> | null = null;
  const ensurePool = (): Promise<Tinypool> => {
    pool ??= loadTinypool().then(
      (Pool) =>
        new Pool({
          filename: pathToFileURL(resolveImportWorkerPath()).href,
          minThreads: 0,
          maxThreads: threads,
          idleTimeout: IDLE_MS,
          maxMemoryLimitBeforeRecycle: RECYCLE_HEAP_BYTES,
          resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
        }),
    );
    return pool;
  };
  return {
    threads,
    async extract(task, signal) {
      return (await (await ensurePool()).run(task, signal ? { signal } : {})) as ExtractResult;
    },
    async close() {
      const closing = pool;
      pool = null;
      // A pool whose module never loaded has no thread to stop.
      const started = await closing?.catch(() => null);
      await started?.destroy();
    },
  };
}

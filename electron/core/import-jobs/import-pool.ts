/**
 * The pool of import workers (Tinypool over out/worker/import-worker.js). Workers start on the
 * first import and stop after a while without work, so an idle Quire holds no importer in memory.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Tinypool from 'tinypool';
import { QuireError } from '../../shared/result';
import type { ExtractResult, ExtractTask } from './extract-protocol';

const WORKER_ENV = 'QUIRE_IMPORT_WORKER';
const BUNDLED_WORKER = path.join('out', 'worker', 'import-worker.js');
const IDLE_MS = 30_000;
/**
 * A worker whose heap has grown past this after a file is replaced by a fresh one, so that what
 * the HTML parser keeps between documents cannot add up over a folder of thousands of files.
 */
const RECYCLE_HEAP_BYTES = 384 * 1024 * 1024;

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

/** The bundled worker, found the way the search worker is (lunr-search-index.ts). */
export function resolveImportWorkerPath(): string {
  const override = process.env[WORKER_ENV];
  if (override !== undefined && override !== '') return path.resolve(override);
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return path.join(dir, BUNDLED_WORKER);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new QuireError('internal', `The import worker cannot be located (set ${WORKER_ENV}).`);
}

export function createImportPool({ threads = defaultImportThreads() }: { threads?: number } = {}): ImportPool {
  let pool: Tinypool | null = null;
  const ensurePool = (): Tinypool => {
    pool ??= new Tinypool({
      filename: pathToFileURL(resolveImportWorkerPath()).href,
      minThreads: 0,
      maxThreads: threads,
      idleTimeout: IDLE_MS,
      maxMemoryLimitBeforeRecycle: RECYCLE_HEAP_BYTES,
    });
    return pool;
  };
  return {
    threads,
    async extract(task, signal) {
      return (await ensurePool().run(task, signal ? { signal } : {})) as ExtractResult;
    },
    async close() {
      const closing = pool;
      pool = null;
      await closing?.destroy();
    },
  };
}

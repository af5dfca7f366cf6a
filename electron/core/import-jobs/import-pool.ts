/**
 * The import pool as Quire sees it: files go to the import host, a separate process that runs the
 * import workers (import-host.ts), and results come back. The host starts on the first import and
 * stops after a while without work, so an idle Quire holds no importer in memory.
 *
 * A file that exhausts a worker's heap normally just fails (Node stops the worker). When V8 cannot
 * stop it in time it aborts the whole process: the host, never Quire. The files the host was
 * reading then run again one at a time on a fresh host, so the one that stops the host alone is
 * the one that fails, and the others are read.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { bundledWorkerPath } from '../app-root';
import { TOO_COMPLEX_TO_READ } from '../library/import-into-library';
import { sentenceError } from '../../shared/i18n/english-sentence';
import { unpackedAsarPath } from '../unpacked-path';
import { takeLargeResult } from './large-result';
import { readExtractProgress, type ExtractResult, type ExtractTask } from './extract-protocol';
import type { FileReading } from '../../shared/models';
import type { ImportHostProcess, ImportHostReply, SpawnImportHost } from './import-host-protocol';
import { forkNodeImportHost } from './node-import-host';

const HOST_IDLE_MS = 30_000;

/**
 * The most heap one import worker may use. A file that needs more (a page of tens of megabytes of
 * markup) stops its worker, fails with a clear reason, and the host starts a fresh worker; without
 * a limit it would take the machine's memory. The largest real pages measured (4 MB of markup, a
 * whole manual on one page) need about 250 MB now that no piece of an article is read whole in
 * jsdom (reader-pieces.ts); V8 also lets a heap fill with garbage towards its ceiling before it
 * collects, so a ceiling far above what pages need is memory the import holds for nothing.
 */
export const WORKER_HEAP_MB = 512;

/**
 * Files one worker reads before the import host replaces it with a fresh one (counted over all its
 * workers: 250 × threads). Chosen when pages were read in jsdom, whose workers' resident memory crept
 * up over thousands of pages though their live heap did not (380 → 575 MB for two workers over the
 * 4,849 Debian pages). Read in linkedom, one worker over 1,000 Debian pages holds steady from the
 * 200th on, so the replacement no longer holds memory down; it costs about a second of CPU per
 * fresh worker (0.3–0.45 s loading the readers' modules, then its code running unoptimized at
 * first). Replacing after 1,000 files was measured against 250 with no difference beyond the
 * spread of runs (docs/benchmarks.md, "Import"), so 250 stays: a guard should something creep again.
 */
export const FILES_PER_WORKER_LIFE = 250;

export interface ImportPool {
  /** how many files are read at once */
  readonly threads: number;
  /** `onProgress` hears how far a long file is read (a book's chapters, a PDF's pages), a few times a second at most */
  extract(task: ExtractTask, signal?: AbortSignal, onProgress?: (progress: FileReading) => void): Promise<ExtractResult>;
  /**
   * Starts the import host now, with a worker that reads a small page at once, so that their start
   * (a second and more) overlaps what comes before the first file (opening the library, the user
   * choosing files). Unused, the host stops after its idle time like any other; a host already
   * running starts that time again.
   */
  warm(): void;
  /** the import host's process id while it runs (the import bench adds its memory) */
  hostPid(): number | null;
  close(): Promise<void>;
}

/**
 * Two threads at least (one file's parse never waits for another's), more on big machines, always
 * leaving a core to the UI.
 */
export const defaultImportThreads = (): number => Math.max(2, Math.min(4, availableParallelism() - 1));

/** Where the import host and what it runs live: the bundled files, or the QUIRE_IMPORT_* overrides tests use. */
export interface ImportPaths {
  host: string;
  worker: string;
  tinypool: string;
}

export const resolveImportPaths = (): ImportPaths => ({
  host: bundledWorkerPath('import-host.js', 'QUIRE_IMPORT_HOST'),
  worker: bundledWorkerPath('import-worker.js', 'QUIRE_IMPORT_WORKER'),
  // Tinypool starts each thread on `entry/worker.js` next to the module it was loaded from, so
  // loading it from `app.asar.unpacked` in a packaged app makes its threads start from a file on
  // disk, as our worker entries do, instead of from inside the archive.
  tinypool: unpackedAsarPath(createRequire(import.meta.url).resolve('tinypool')),
});

interface Pending {
  id: number;
  task: ExtractTask;
  resolve(result: ExtractResult): void;
  reject(error: unknown): void;
  onProgress?: ((progress: FileReading) => void) | undefined;
  /** it was being read when a host stopped: it runs again, alone */
  suspect: boolean;
  /** sent to the current host, and whether anything else was being read beside it */
  sent: { alone: boolean } | null;
}

interface RunningHost {
  process: ImportHostProcess;
  ready: boolean;
  stopped: Promise<void>;
}

const abortError = (): Error => new DOMException('The import was cancelled.', 'AbortError');

export function createImportPool({
  threads = defaultImportThreads(),
  maxHeapMb = WORKER_HEAP_MB,
  filesPerWorkerLife = FILES_PER_WORKER_LIFE,
  spawnHost = forkNodeImportHost,
  paths,
  log = (message: string) => console.error(`[quire] ${message}`),
}: {
  threads?: number;
  maxHeapMb?: number;
  /** files a worker reads before it is replaced by a fresh one */
  filesPerWorkerLife?: number;
  /** how the host process starts: Node's child_process by default, Electron's utilityProcess in the app */
  spawnHost?: SpawnImportHost;
  paths?: ImportPaths;
  log?: (message: string) => void;
} = {}): ImportPool {
  let host: RunningHost | null = null;
  let nextId = 1;
  let idleTimer: NodeJS.Timeout | null = null;
  /** in the order they were asked for; suspects go first */
  const waiting: Pending[] = [];
  const inFlight = new Map<number, Pending>();
  /** `warm` was asked for: the host is told once it is ready */
  let warmWhenReady = false;

  const startHost = (): RunningHost => {
    const where = paths ?? resolveImportPaths();
    const started = spawnHost(where.host, { threads, maxHeapMb, filesPerWorkerLife, workerPath: where.worker, tinypoolPath: where.tinypool });
    let markStopped = (): void => {};
    const running: RunningHost = {
      process: started,
      ready: false,
      stopped: new Promise((resolve) => (markStopped = resolve)),
    };
    started.onMessage((reply) => onReply(running, reply));
    started.onExit((how) => {
      markStopped();
      onHostExit(running, how);
    });
    return running;
  };

  const onReply = (from: RunningHost, reply: ImportHostReply): void => {
    if (host !== from) return;
    if (reply.type === 'ready') {
      from.ready = true;
      if (warmWhenReady) from.process.send({ type: 'warm' });
      warmWhenReady = false;
      dispatch();
      return;
    }
    const pending = inFlight.get(reply.id);
    if (!pending) return; // cancelled meanwhile
    if (reply.type === 'progress') {
      const progress = readExtractProgress(reply.progress);
      if (progress) pending.onProgress?.({ unit: progress.unit, part: progress.part, parts: progress.parts });
      return;
    }
    inFlight.delete(reply.id);
    if (reply.type === 'done') pending.resolve(reply.result);
    else if (reply.type === 'done-in-file') takeLargeResult(reply).then(pending.resolve, pending.reject);
    else pending.reject(Object.assign(new Error(reply.message), reply.code ? { code: reply.code } : {}));
    dispatch();
  };

  const onHostExit = (from: RunningHost, how: string): void => {
    if (host !== from) return;
    host = null;
    const lost = [...inFlight.values()];
    inFlight.clear();
    if (!from.ready) {
      // It never started: running the files again would fail the same way.
      log(`The import host stopped before it was ready (${how}).`);
      for (const pending of waiting.splice(0)) pending.reject(new Error(`The import host could not start (${how}).`));
    } else {
      if (lost.length > 0) log(`The import host stopped while reading ${lost.map((p) => p.task.fileName).join(', ')} (${how}).`);
      const again: Pending[] = [];
      for (const pending of lost) {
        if (pending.sent?.alone) pending.reject(sentenceError('import-failed', TOO_COMPLEX_TO_READ));
        else {
          pending.suspect = true;
          pending.sent = null;
          again.push(pending);
        }
      }
      waiting.unshift(...again);
    }
    dispatch();
  };

  const dispatch = (): void => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    const suspectsLeft = (): boolean => waiting.some((p) => p.suspect) || [...inFlight.values()].some((p) => p.suspect);
    while (waiting.length > 0) {
      // After a host stopped, the files it was reading run one at a time until each is done.
      const limit = suspectsLeft() ? 1 : threads;
      if (inFlight.size >= limit) break;
      host ??= startHost();
      // Nothing is sent before the host listens: a message that arrives earlier could be lost.
      if (!host.ready) return;
      const pending = waiting.shift()!;
      pending.sent = { alone: inFlight.size === 0 && limit === 1 };
      inFlight.set(pending.id, pending);
      host.process.send({ type: 'extract', id: pending.id, task: pending.task });
    }
    if (host && inFlight.size === 0 && waiting.length === 0) {
      const idle = host;
      idleTimer = setTimeout(() => {
        if (host === idle) stopHost();
      }, HOST_IDLE_MS);
      idleTimer.unref();
    }
  };

  const stopHost = (): Promise<void> => {
    const stopping = host;
    host = null;
    if (!stopping) return Promise.resolve();
    stopping.process.kill();
    return stopping.stopped;
  };

  return {
    threads,
    extract(task, signal, onProgress) {
      if (signal?.aborted) return Promise.reject(abortError());
      return new Promise<ExtractResult>((resolve, reject) => {
        const onAbort = (): void => {
          const queued = waiting.indexOf(pending);
          if (queued >= 0) waiting.splice(queued, 1);
          if (inFlight.delete(pending.id)) host?.process.send({ type: 'cancel', id: pending.id });
          reject(abortError());
          dispatch();
        };
        // One job's signal serves thousands of files: each lets go of it once settled.
        const settle = <T>(finish: (value: T) => void) => (value: T): void => {
          signal?.removeEventListener('abort', onAbort);
          finish(value);
        };
        const pending: Pending = { id: nextId++, task, resolve: settle(resolve), reject: settle(reject), onProgress, suspect: false, sent: null };
        signal?.addEventListener('abort', onAbort, { once: true });
        waiting.push(pending);
        dispatch();
      });
    },
    warm() {
      if (host !== null) {
        // Running: its idle countdown starts again, as after a file (the files are coming).
        dispatch();
        return;
      }
      warmWhenReady = true;
      host = startHost();
      // Its idle timer starts once it is ready (dispatch), as after a last file.
    },
    hostPid: () => host?.process.pid ?? null,
    async close() {
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
      const stopped = stopHost();
      for (const pending of [...waiting, ...inFlight.values()]) pending.reject(abortError());
      waiting.length = 0;
      inFlight.clear();
      await stopped;
    },
  };
}

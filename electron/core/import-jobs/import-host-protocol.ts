/**
 * What travels between Quire and its import host, the separate process that runs the import
 * workers (import-host.ts), and how Quire starts that process. A separate process because a file
 * that exhausts a worker's heap can abort the whole process around the worker (V8 cannot always
 * stop a worker in time, and then aborts): that must be the import host, never the app.
 */
import type { ExtractProgress, ExtractResult, ExtractTask } from './extract-protocol';
import type { LargeResultReply } from './large-result';

/**
 * How the import host runs its workers; passed to it when it starts. The paths are found by Quire,
 * not by the host: in a packaged app the host runs from `app.asar.unpacked`, from where Quire's
 * own folder (inside the archive) cannot be found by walking up.
 */
export interface ImportHostOptions {
  threads: number;
  maxHeapMb: number;
  /** how many files the workers read before the host replaces them with fresh ones */
  filesPerWorkerLife: number;
  /** out/worker/import-worker.js */
  workerPath: string;
  /** Tinypool's module file */
  tinypoolPath: string;
}

export type ImportHostRequest =
  | { type: 'extract'; id: number; task: ExtractTask }
  | { type: 'cancel'; id: number }
  /**
   * start a worker and read a small page on it now, before the first file arrives (an import
   * that has the library to open first); files sent after it wait for it, then use that worker
   */
  | { type: 'warm' };

export type ImportHostReply =
  /** sent once, when the host is ready to take work (a host that exits before it failed to start) */
  | { type: 'ready' }
  /**
   * how far the file is read (a long book's chapters, a PDF's pages), as its worker said it
   * (checked by `readExtractProgress` on arrival at each end), a few times a second at most
   */
  | { type: 'progress'; id: number; progress: ExtractProgress }
  | { type: 'done'; id: number; result: ExtractResult }
  /**
   * a large result, written by the host to files (large-result.ts): Quire reads them on its thread
   * pool and removes them, instead of receiving megabytes in one message
   */
  | LargeResultReply
  /** the worker itself failed (its heap limit, a crash): `code` is Node's error code when there is one */
  | { type: 'failed'; id: number; code: string | null; message: string };

/** One running import host, whatever started it (Node's child_process, Electron's utilityProcess). */
export interface ImportHostProcess {
  /** its process id, once the system gave it one */
  readonly pid: number | null;
  send(request: ImportHostRequest): void;
  onMessage(listener: (reply: ImportHostReply) => void): void;
  /** `how` says how it ended, for the log: an exit code or a signal */
  onExit(listener: (how: string) => void): void;
  kill(): void;
}

/** Starts the host script at `hostPath` with `options` as its only argument (JSON). */
export type SpawnImportHost = (hostPath: string, options: ImportHostOptions) => ImportHostProcess;

/**
 * The host's environment: Quire's, with glibc's allocator held to two arenas. Otherwise each
 * worker thread gets arenas of its own and memory freed in one cannot serve another (measured: about
 * 15–20 MB less resident per import worker). Other C libraries ignore the variable.
 */
export const importHostEnv = (env: Readonly<Record<string, string | undefined>> = process.env): Record<string, string> => ({
  ...Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined)),
  MALLOC_ARENA_MAX: '2',
});

/**
 * Each semi-space of a worker's young generation (V8 keeps three). Left alone, V8 doubles it up to
 * 64 MB on a machine with plenty of memory: up to 192 MB per worker of mostly dead young objects.
 * A page's DOM outlives its young collections anyway (it moves to the old generation), so a small
 * young generation costs no time; measured with two workers on 30 ordinary pages, the import host
 * held about 60 MB less.
 */
export const WORKER_SEMI_SPACE_MB = 4;

/**
 * V8's flags for the host and its workers where Quire starts it with Node (the command line,
 * `quire serve`):
 * - no TurboFan, V8's top tier. A worker lives for at most 250 files and most imports are a few
 *   dozen, so its code rarely runs long enough to repay TurboFan's compiles, which on a machine
 *   whose cores the two workers already fill take CPU from the reading itself; Maglev, the tier
 *   below, still optimizes what is hot. Measured on 120 real news pages (`quire import`,
 *   alternating, 6 runs each): 10.8 → 9.9 s, 19.4 → 17.4 CPU-s, the host's peak 328 → 317 MB; over
 *   thousands of Debian pages the host's peak is about 50 MB higher, the speed within the spread
 *   of runs (docs/benchmarks.md, "Import").
 * - no parallel scavenges. Each worker's young generation is a few megabytes (import-host.ts), and
 *   the helper threads V8 starts for each of its frequent scavenges compete with the other worker
 *   for the same cores: V8's helper threads took 3.3 CPU-s beside the workers' 8.0 on 300 Debian
 *   pages, 2.3 without parallel scavenges, for 0.2 more in the workers themselves. `quire import`
 *   alternating, three runs each: 300 Debian pages 9.1 → 8.5 s, 16.5 → 15.6 CPU-s; 120 news pages
 *   7.1 → 6.8 s.
 * - no concurrent recompilation: Maglev compiles a hot function on the worker's own thread, not
 *   on one of V8's helper threads. A helper thread's compile allocates its working memory from
 *   glibc arenas the workers do not use, where it stays once freed: one worker reading 50 Debian
 *   pages kept 130–145 MB resident after it ended instead of 210–290. `quire import`, alternating:
 *   120 news pages 6.9 → 6.4 s, 11.5 → 10.4 CPU-s, the host's peak 229–264 → 221–231 MB; the 223
 *   held-out pages 30.0 → 28.5 s; all 4,849 Debian pages, three pairs of runs, the host's peak
 *   430–443 → 386–418 MB, CPU no higher (docs/benchmarks.md, "Import").
 * - the workers' semi-space size as the host's own. The flag also sets every worker's (it overrides
 *   a thread's `resourceLimits`), so theirs stays as it is. The host's own thread has no limit of
 *   its own, and it only passes files and results on; every file's bytes and every result survive a
 *   scavenge or two on their way, so V8 doubled its young generation up to 64 MB per semi-space:
 *   134 MB after 1,500 Debian pages, where its live heap was 10–50 MB. `quire import` of those
 *   pages: the host's peak 411 → 268 MB.
 * The desktop app's host (Electron's utility process) keeps V8's defaults: how Electron passes V8
 * flags to a utility process cannot be checked here.
 */
export const IMPORT_HOST_V8_FLAGS: readonly string[] = [
  '--no-turbofan',
  '--no-parallel-scavenge',
  '--no-concurrent-recompilation',
  `--max-semi-space-size=${WORKER_SEMI_SPACE_MB}`,
];

export const encodeHostOptions = (options: ImportHostOptions): string => JSON.stringify(options);

/** The host's own argument back; anything else is a programming error, not user input. */
export function decodeHostOptions(argument: string | undefined): ImportHostOptions {
  const parsed = JSON.parse(argument ?? 'null') as Partial<ImportHostOptions> | null;
  if (
    !parsed ||
    typeof parsed.threads !== 'number' ||
    typeof parsed.maxHeapMb !== 'number' ||
    typeof parsed.filesPerWorkerLife !== 'number' ||
    typeof parsed.workerPath !== 'string' ||
    typeof parsed.tinypoolPath !== 'string'
  ) {
    throw new Error('The import host was started without its options.');
  }
  return {
    threads: parsed.threads,
    maxHeapMb: parsed.maxHeapMb,
    filesPerWorkerLife: parsed.filesPerWorkerLife,
    workerPath: parsed.workerPath,
    tinypoolPath: parsed.tinypoolPath,
  };
}

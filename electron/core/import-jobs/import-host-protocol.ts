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

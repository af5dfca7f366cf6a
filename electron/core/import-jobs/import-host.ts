/**
 * The import host (bundled as out/worker/import-host.js): the process Quire starts to read files
 * (import-pool.ts). It runs the import workers (Tinypool over out/worker/import-worker.js), each
 * with a heap limit, and answers one message per file (after a few saying how far a long one is
 * read). Started by Node's child_process.fork (the
 * command line, `quire serve`) or by Electron's utilityProcess.fork (the desktop app); the two
 * differ only in how messages travel, which `parentChannel` hides.
 */
import '../keep-compiled-code';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { MessageChannel } from 'node:worker_threads';
import type Tinypool from 'tinypool';
import { readExtractProgress, type ExtractProgress, type ExtractResult, type ExtractTask, type WorkerTask } from './extract-protocol';
import { setImportHostV8Flags, WORKER_YOUNG_GENERATION_MB } from './host-v8-flags';
import { decodeHostOptions, type ImportHostReply, type ImportHostRequest } from './import-host-protocol';
import { LargeResultFolder } from './large-result';
import { WorkerRotation } from './worker-rotation';
import { runProcessInBackground } from '../background-priority';

const IDLE_MS = 30_000;
/**
 * What a worker reads to warm up: a page, so that loading the reader of pages (linkedom, parse5,
 * Readability, DOMPurify; jsdom only once a page that is not plain needs it) is done before the
 * first file comes.
 */
const WARM_UP_PAGE = new TextEncoder().encode(
  '<!doctype html><html lang="en"><head><title>Warm-up</title></head><body><article><h1>Warm-up</h1><p>A page read while the import starts, so that the first file finds its reader loaded.</p></article></body></html>',
);
/**
 * A worker whose heap has grown past this after a file is replaced by a fresh one, so that what
 * the HTML parser keeps between documents cannot add up over a folder of thousands of files.
 */
const RECYCLE_HEAP_BYTES = 384 * 1024 * 1024;
interface ParentChannel {
  onMessage(listener: (request: ImportHostRequest) => void): void;
  send(reply: ImportHostReply): void;
  /** the parent went away (Node's IPC channel closed): nothing is left to answer */
  onParentGone(listener: () => void): void;
}

/** Electron's utility process has `process.parentPort`; a Node child has `process.send`. */
interface ElectronParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

function parentChannel(): ParentChannel {
  const parentPort = (process as { parentPort?: ElectronParentPort }).parentPort;
  if (parentPort) {
    return {
      onMessage: (listener) => parentPort.on('message', (event) => listener(event.data as ImportHostRequest)),
      send: (reply) => parentPort.postMessage(reply),
      // Electron ends its utility processes with the app.
      onParentGone: () => {},
    };
  }
  const send = process.send?.bind(process);
  if (!send) throw new Error('The import host runs as a child process of Quire, with a channel to it.');
  return {
    onMessage: (listener) => process.on('message', (message) => listener(message as ImportHostRequest)),
    send: (reply) => void send(reply),
    onParentGone: (listener) => process.on('disconnect', listener),
  };
}

async function startHost(): Promise<void> {
  const options = decodeHostOptions(process.argv[2]);
  setImportHostV8Flags();
  // V8's flags are the process's: set before any worker starts, every worker gets `gc()`, with which
  // it hands a large page's memory back to the system once the page is done (import-worker.ts).
  setFlagsFromString('--expose-gc');
  runProcessInBackground();
  const channel = parentChannel();
  const { default: Pool } = (await import(pathToFileURL(options.tinypoolPath).href)) as { default: typeof Tinypool };
  /** What every worker runs, and its heap's limits. */
  const workers = {
    filename: pathToFileURL(options.workerPath).href,
    minThreads: 0,
    resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  };
  const pool = new Pool({ ...workers, maxThreads: options.threads, idleTimeout: IDLE_MS, maxMemoryLimitBeforeRecycle: RECYCLE_HEAP_BYTES });
  /**
   * Large files (`task.large`, one at a time: run-import.ts) are read on a worker of their own, a
   * fresh one for each file that ends with it: its heap holds nothing from earlier files, and all
   * the memory the page took goes back to the system with the thread. The ordinary workers go on
   * with the files after it meanwhile.
   */
  const largePool = new Pool({ ...workers, maxThreads: 1, isolateWorkers: true });
  const rotation = new WorkerRotation(pool, options.filesPerWorkerLife * options.threads);
  /** The warm-up page being read (`warm`); files wait for it, so that they take its worker. */
  let warming: Promise<void> = Promise.resolve();
  /**
   * Reads one file on a worker, with a port of its own for the worker's progress messages (already
   * throttled there: this loop only checks and passes them on).
   */
  const extract = async (task: ExtractTask, signal: AbortSignal, onProgress: (progress: ExtractProgress) => void): Promise<ExtractResult> => {
    const large = task.large === true;
    if (large) rotation.beforeLarge();
    else await warming;
    const { port1, port2 } = new MessageChannel();
    port1.on('message', (message: unknown) => {
      const progress = readExtractProgress(message);
      if (progress) onProgress(progress);
    });
    try {
      const withPort: WorkerTask = { ...task, progress: port2 };
      return (await (large ? largePool : pool).run(withPort, { signal, transferList: [port2] })) as ExtractResult;
    } finally {
      port1.close();
      if (!large) rotation.afterFile();
    }
  };
  const running = new Map<number, AbortController>();
  const largeResults = new LargeResultFolder();
  process.on('exit', () => largeResults.remove());
  // Quire stops an idle host with SIGTERM, which ends a process without its 'exit' handlers: the
  // temporary folder would stay behind (empty, Quire removes each result it reads).
  process.on('SIGTERM', () => process.exit(0));
  channel.onMessage((request) => {
    if (request.type === 'cancel') {
      running.get(request.id)?.abort();
      return;
    }
    if (request.type === 'warm') {
      // Not a file: the rotation does not count it, and its result is of no interest.
      warming = pool.run({ fileName: 'warm-up.html', bytes: WARM_UP_PAGE }).then(
        () => undefined,
        () => undefined,
      );
      return;
    }
    const controller = new AbortController();
    running.set(request.id, controller);
    const onProgress = (progress: ExtractProgress): void => channel.send({ type: 'progress', id: request.id, progress });
    extract(request.task, controller.signal, onProgress)
      .then((result) => largeResults.reply(request.id, result))
      .then(
        (reply) => channel.send(reply),
        (error: unknown) => {
          const code = (error as { code?: unknown } | null)?.code;
          channel.send({
            type: 'failed',
            id: request.id,
            code: typeof code === 'string' ? code : null,
            message: error instanceof Error ? error.message : String(error),
          });
        },
      )
      .finally(() => running.delete(request.id));
  });
  channel.onParentGone(() => {
    void Promise.all([pool.destroy(), largePool.destroy()]).finally(() => process.exit(0));
  });
  channel.send({ type: 'ready' });
}

startHost().catch((error: unknown) => {
  console.error('[quire] The import host could not start:', error);
  process.exit(1);
});

/**
 * Watches `articles/` and `trash/` for changes made by anyone (another Quire, a sync tool, a hand
 * edit) and reports them per article, a short while after they settle, so that a burst of file
 * events (an import, an atomic write's temp file and rename) becomes one report.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { bundledWorkerPath } from '../app-root';
import type { Log } from '../log';
import type { FolderWatch } from './folder-watch';
import { isValidId, type LibraryPaths } from './library-paths';
import { isConflictCopy } from './sync/conflict-names';
import { isWatchReport, type WatchRequest, type WatchWorkerData } from './watch-protocol';

/** Collects events for this long after the first one: long enough for a folder rename's events, short enough to show a change within a second. */
const SETTLE_MS = 200;

/** What changed in one article's folders since the last report. */
export interface TouchedArticle {
  /** annotation files and trashed copies that changed (what memory holds no copy of) */
  otherFiles: Set<string>;
  /** a synchronizer's conflict copy appeared (sync/conflict-names.ts): to be merged */
  conflictCopies: boolean;
}

export type TouchedArticles = ReadonlyMap<string, TouchedArticle>;

export interface LibraryWatcher {
  /** Resolves when the watcher sees changes (the initial scan of the folders is done). */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

export function watchLibrary(
  paths: LibraryPaths,
  onChange: (touched: TouchedArticles) => Promise<void>,
  log: Log,
): LibraryWatcher {
  let touched = new Map<string, TouchedArticle>();
  let timer: NodeJS.Timeout | null = null;
  let reporting: Promise<void> = Promise.resolve();

  const report = (): void => {
    timer = null;
    const batch = touched;
    touched = new Map();
    // One report at a time, in order: a later one sees what the earlier one took in.
    reporting = reporting.then(() => onChange(batch)).catch((error: unknown) => log('Changes to the library folder could not be taken in', error));
  };

  const noteEvent = (file: string): void => {
    const [area, id, ...rest] = path.relative(paths.root, file).split(path.sep);
    if ((area !== 'articles' && area !== 'trash') || id === undefined || !isValidId(id)) return;
    let article = touched.get(id);
    if (!article) {
      article = { otherFiles: new Set(), conflictCopies: false };
      touched.set(id, article);
    }
    // article.json is compared with memory; content files never change without it (a new text
    // changes its hash); annotations and the trash have no copy in memory to compare with.
    const isAnnotation = rest.length === 2 && rest[0] === 'annotations' && rest[1]!.endsWith('.json');
    if (area === 'trash' || isAnnotation) article.otherFiles.add(file);
    if (isConflictCopy(path.basename(file))) article.conflictCopies = true;
    timer ??= setTimeout(report, SETTLE_MS);
  };

  const watch = startWatch(paths, noteEvent, log);
  return {
    ready: watch.ready,
    async close() {
      await watch.close();
      if (timer) clearTimeout(timer);
      await reporting;
    },
  };
}

/** The file watching itself, in its own thread (watch-worker.ts), or here when that thread's bundle is missing. */
function startWatch(paths: LibraryPaths, onFile: (file: string) => void, log: Log): FolderWatch {
  const folders = [paths.articlesDir, paths.trashDir];
  const onError = (error: unknown): void => log('Watching the library folder for changes failed', error);
  const file = bundledWorkerPath('library-watcher.js', 'QUIRE_WATCH_WORKER');
  if (!existsSync(file)) return watchHere(paths.root, folders, onFile, onError);
  const workerData: WatchWorkerData = { root: paths.root, folders };
  const worker = new Worker(file, { workerData });
  // An idle watcher must not keep a command from exiting; the app and `serve` are kept alive by their windows and servers.
  worker.unref();
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let markClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => (markClosed = resolve));
  worker.on('message', (message: unknown) => {
    if (!isWatchReport(message)) return;
    if (message.type === 'file') onFile(message.file);
    else if (message.type === 'ready') markReady();
    else if (message.type === 'closed') markClosed();
    else onError(new Error(message.message));
  });
  worker.on('error', onError);
  worker.on('exit', () => {
    // Stopped (closed, or failed): nothing will be seen any more, and nobody waits for it.
    markReady();
    markClosed();
  });
  let closing: Promise<void> | null = null;
  return {
    ready,
    close() {
      closing ??= (async () => {
        worker.postMessage({ type: 'close' } satisfies WatchRequest);
        await closed;
        await worker.terminate();
      })();
      return closing;
    },
  };
}

/**
 * The watch in this thread (tests run from the sources, without the worker's bundle). chokidar is
 * loaded only here: the bundled app and command line never load it on their own thread.
 */
function watchHere(root: string, folders: readonly string[], onFile: (file: string) => void, onError: (error: unknown) => void): FolderWatch {
  const watching = import('./folder-watch').then(({ watchFolders }) => watchFolders(root, folders, onFile, onError));
  return {
    ready: watching.then((watch) => watch.ready),
    close: () => watching.then((watch) => watch.close()),
  };
}

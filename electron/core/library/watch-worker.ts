/**
 * The library watcher's thread (bundled to out/worker/library-watcher.js): chokidar on the folders
 * it is given, each file event posted as its path; "close" stops it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runThreadInBackground } from '../background-priority';
import { watchFolders } from './folder-watch';
import type { WatchReport, WatchRequest, WatchWorkerData } from './watch-protocol';

function isWorkerData(value: unknown): value is WatchWorkerData {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { root?: unknown }).root === 'string' &&
    Array.isArray((value as { folders?: unknown }).folders) &&
    (value as { folders: unknown[] }).folders.every((folder) => typeof folder === 'string')
  );
}

const port = parentPort;
if (port === null) throw new Error('the library watcher must run as a worker thread');
if (!isWorkerData(workerData)) throw new Error('the library watcher needs { root, folders }');
const post = (report: WatchReport): void => port.postMessage(report);
// The first scan lists and watches every article folder (seconds for 10,000 articles): it must not
// take a core from the thread answering the app's first screen.
runThreadInBackground();
const watch = watchFolders(
  workerData.root,
  workerData.folders,
  (file) => post({ type: 'file', file }),
  (error) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
);
void watch.ready.then(() => post({ type: 'ready' }));
port.on('message', (message: WatchRequest) => {
  if (message.type !== 'close') return;
  void watch.close().finally(() => post({ type: 'closed' }));
});

/** Messages between the library watcher (library-watcher.ts) and its thread (watch-worker.ts). */

export interface WatchWorkerData {
  root: string;
  folders: string[];
}

/** to the thread */
export type WatchRequest = { type: 'close' };

/** from the thread */
export type WatchReport = { type: 'ready' } | { type: 'file'; file: string } | { type: 'error'; message: string } | { type: 'closed' };

export function isWatchReport(value: unknown): value is WatchReport {
  if (typeof value !== 'object' || value === null) return false;
  const { type } = value as { type?: unknown };
  if (type === 'ready' || type === 'closed') return true;
  if (type === 'file') return typeof (value as { file?: unknown }).file === 'string';
  if (type === 'error') return typeof (value as { message?: unknown }).message === 'string';
  return false;
}

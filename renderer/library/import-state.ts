/**
 * The state of importing, for every way in (uploads the page runs, web addresses, background jobs
 * of paths): one reducer, so the progress bar, Cancel and the summary follow the same rules
 * whoever imports. The runners (upload-files.ts, path-import-job.ts) only report what happened.
 */
import type { ImportProgressEvent } from '../../electron/shared/models';
import { progressFromJob, type ImportProgress, type ImportReport } from './import-report';

export interface ImportStatus {
  /** null when no import runs */
  progress: ImportProgress | null;
  /** the summary of the last import, until dismissed or another starts */
  report: ImportReport | null;
}

export type ImportAction =
  /** An import began: `total` files (or paths, or one address), `current` the first. */
  | { type: 'started'; total: number; current: string; at: number }
  /** An upload began sending this file. */
  | { type: 'file-started'; name: string }
  /** An upload finished its `done`th file, `after` ms from the start. */
  | { type: 'file-done'; done: number; after: number }
  /** The core's progress of a background job. */
  | { type: 'job-progress'; event: ImportProgressEvent; at: number }
  | { type: 'cancel-requested' }
  /** The import ended; its summary (none when it could not report one). */
  | { type: 'finished'; report: ImportReport | null }
  /** A summary without an import (a drop that held no document). */
  | { type: 'reported'; report: ImportReport }
  | { type: 'report-dismissed' };

export const NO_IMPORT: ImportStatus = { progress: null, report: null };

const whileRunning = (state: ImportStatus, change: (progress: ImportProgress) => ImportProgress): ImportStatus =>
  state.progress ? { ...state, progress: change(state.progress) } : state;

export function importReducer(state: ImportStatus, action: ImportAction): ImportStatus {
  switch (action.type) {
    case 'started':
      return {
        report: null,
        progress: { done: 0, total: action.total, current: action.current, startedAt: action.at, lastDoneAfter: 0, cancelling: false },
      };
    case 'file-started':
      return whileRunning(state, (progress) => ({ ...progress, current: action.name }));
    case 'file-done':
      return whileRunning(state, (progress) => ({ ...progress, done: action.done, lastDoneAfter: action.after }));
    case 'job-progress':
      return whileRunning(state, (progress) => progressFromJob(action.event, progress.cancelling, action.at));
    case 'cancel-requested':
      return whileRunning(state, (progress) => ({ ...progress, cancelling: true }));
    case 'finished':
      return { progress: null, report: action.report };
    case 'reported':
      return { ...state, report: action.report };
    case 'report-dismissed':
      return { ...state, report: null };
  }
}

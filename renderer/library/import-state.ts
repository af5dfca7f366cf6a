/**
 * The state of importing, for every way in (uploads the page runs, web addresses, background jobs
 * of paths): one reducer, so the progress bar, Cancel and the summary follow the same rules
 * whoever imports. The runners (upload-files.ts, path-import-job.ts) only report what happened.
 */
import type { FileReading, ImportProgressEvent } from '../../electron/shared/models';
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
  /** The core says how far it has read an uploaded file (a long book's chapters, a PDF's pages). */
  | { type: 'file-reading'; name: string; reading: FileReading }
  /** An upload finished its `done`th file, `name`, `after` ms from the start. */
  | { type: 'file-done'; name: string; done: number; after: number }
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
        progress: { done: 0, total: action.total, current: action.current, reading: null, startedAt: action.at, lastDoneAfter: 0, cancelling: false },
      };
    case 'file-started':
      return whileRunning(state, (progress) => ({ ...progress, current: action.name, reading: null }));
    case 'file-reading':
      // Several files upload at once: the one that says how far it has come is the one shown.
      return whileRunning(state, (progress) => ({ ...progress, current: action.name, reading: action.reading }));
    case 'file-done':
      return whileRunning(state, (progress) => ({
        ...progress,
        done: action.done,
        lastDoneAfter: action.after,
        reading: progress.current === action.name ? null : progress.reading,
      }));
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

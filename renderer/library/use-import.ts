/**
 * Importing, for the whole app: what the picker, a drop or a paste hands over is uploaded by the
 * page (upload-files.ts); in Electron, paths (the native dialog, "Open with Quire") go to the core
 * as a background job instead (path-import-job.ts). Either way the state lives in one reducer
 * (import-state.ts), shown by the same progress bar and summary; one import runs at a time, paths
 * asked for meanwhile wait their turn (a second "Open with" during a long import is not lost),
 * and the library's lists are refreshed once each import ends.
 */
import { useText } from '../i18n/use-text';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useReducer, useRef } from 'react';
import { DOCUMENT_EXTENSIONS } from '../../electron/shared/document-formats';
import { useApi, useReaderEvents } from '../api/api-context';
import { refreshQueries } from '../api/query-client';
import { LIBRARY_CONTENT } from '../api/query-keys';
import { useDesktop } from '../app/desktop-context';
import type { PickedFile } from './dropped-files';
import { splitFolderFiles } from './folder-documents';
import { firstOpened, reportFromOutcomes, type ImportProgress, type ImportReport } from './import-report';
import { importReducer, NO_IMPORT } from './import-state';
import { PathImportJob } from './path-import-job';
import { FileUpload, importAddress } from './upload-files';

export type { ImportReport } from './import-report';

/** The file types the importer understands (the picker's `accept`). */
export const IMPORT_ACCEPT = DOCUMENT_EXTENSIONS.map((extension) => `.${extension}`).join(',');

export interface PathImportOptions {
  /** called with the article made from the first path (or already holding its text) */
  onFirstArticle?: (articleId: string) => void;
}

export interface ImportState {
  progress: ImportProgress | null;
  report: ImportReport | null;
  importFiles: (files: readonly (File | PickedFile)[]) => Promise<void>;
  /** downloads a web page (a pasted address) */
  importUrl: (url: string) => Promise<void>;
  /** files or folders on this machine, as a background job of the core (Electron only) */
  importPaths: (paths: readonly string[], options?: PathImportOptions) => void;
  cancel: () => void;
  clearReport: () => void;
  /**
   * Files may be coming (dragged over the window, a file picker opening): the core starts its
   * import host now rather than when they arrive (about a second and a half sooner). A failure is
   * of no concern: the import starts the host itself.
   */
  prepare: () => void;
}

/** Where a file from a picked folder is inside it ("" for a file picked alone, or where unknown). */
export const relativePath = (file: File): string => (file as { webkitRelativePath?: string }).webkitRelativePath ?? '';

/** A file from a picked folder is named by its path inside that folder. */
const asPicked = (file: File | PickedFile): PickedFile =>
  'file' in file ? file : { file, name: relativePath(file) || file.name };

interface RunningImport {
  cancel(): void;
}

interface WaitingPaths {
  paths: string[];
  options: PathImportOptions;
}

export function useImport(): ImportState {
  const api = useApi();
  const events = useReaderEvents();
  const desktop = useDesktop();
  const client = useQueryClient();
  const [status, dispatch] = useReducer(importReducer, NO_IMPORT);
  // Refs, not state: whether an import runs must be known at once, before React renders again.
  const running = useRef<RunningImport | null>(null);
  const waiting = useRef<WaitingPaths[]>([]);
  // The interface's words for the reasons the page itself gives, read when an import runs.
  const text = useText();
  const words = useRef(text);
  useEffect(() => {
    words.current = text;
  }, [text]);

  const actions = useMemo(() => {
    /** Runs one import to its end: the summary shows, the lists are asked for again. */
    const runAlone = async (importer: RunningImport, run: () => Promise<ImportReport>): Promise<ImportReport | null> => {
      running.current = importer;
      let report: ImportReport | null = null;
      try {
        report = await run();
      } finally {
        running.current = null;
        dispatch({ type: 'finished', report });
        refreshQueries(client, LIBRARY_CONTENT);
      }
      return report;
    };

    /** Starts the paths that wait, one job after another, once no other import runs. */
    const runWaitingPaths = async (): Promise<void> => {
      let next: WaitingPaths | undefined;
      while (desktop && !running.current && (next = waiting.current.shift())) {
        const job = new PathImportJob(api, desktop, dispatch);
        const { paths, options } = next;
        const report = await runAlone(job, () => job.run(paths));
        const articleId = report && options.onFirstArticle ? firstOpened(report, paths[0]) : null;
        if (articleId) options.onFirstArticle?.(articleId);
      }
    };

    const importFiles = async (given: readonly (File | PickedFile)[]): Promise<void> => {
      if (given.length === 0 || running.current) return;
      const { documents, skipped } = splitFolderFiles(given.map(asPicked), words.current);
      if (documents.length === 0) {
        dispatch({ type: 'reported', report: reportFromOutcomes(skipped, 0) });
        return;
      }
      const upload = new FileUpload(api, dispatch, words.current, events);
      await runAlone(upload, () => upload.run(documents, skipped));
      await runWaitingPaths();
    };

    const importUrl = async (url: string): Promise<void> => {
      if (running.current) return;
      // A download cannot be stopped half-way; Cancel only says so until it ends.
      await runAlone({ cancel: () => {} }, () => importAddress(api, dispatch, url));
      await runWaitingPaths();
    };

    const importPaths = (paths: readonly string[], options: PathImportOptions = {}): void => {
      if (!desktop || paths.length === 0) return;
      waiting.current.push({ paths: [...paths], options });
      void runWaitingPaths();
    };

    const cancel = (): void => {
      if (!running.current) return;
      running.current.cancel();
      dispatch({ type: 'cancel-requested' });
    };

    const clearReport = (): void => dispatch({ type: 'report-dismissed' });
    const prepare = (): void => void api.prepareImport();
    return { importFiles, importUrl, importPaths, cancel, clearReport, prepare };
  }, [api, events, desktop, client]);

  return { ...status, ...actions };
}

/** Time left at the pace so far, or null before two files have set a pace. */
export function estimateRemainingMs(progress: Pick<ImportProgress, 'done' | 'total' | 'lastDoneAfter'>): number | null {
  if (progress.done < 2) return null;
  return Math.round((progress.lastDoneAfter / progress.done) * (progress.total - progress.done));
}

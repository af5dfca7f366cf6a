/**
 * Imports what the picker, a drop or a paste hands over: each file's bytes go to the core with
 * `importDocument`, a few at a time (the core reads them in its workers; more at once would only
 * hold more files in memory here). Progress counts files, names the current one and estimates the
 * time left; Cancel stops starting new files (those already sent finish), and the summary lists
 * every failure with its reason. In Electron, paths (the native dialog, "Open with Quire") go to
 * the core as a background job instead (use-path-import.ts), shown by the same bar and summary.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportOutcome } from '../../electron/shared/models';
import { useApi } from '../api/api-context';
import type { PickedFile } from './dropped-files';
import { DOCUMENT_EXTENSIONS } from '../../electron/shared/document-formats';
import { splitFolderFiles } from './folder-documents';
import { reportFromOutcomes, type ImportProgress, type ImportReport } from './import-report';
import { readFileBase64 } from './read-file-base64';
import { usePathImport, type PathImportOptions } from './use-path-import';

export type { ImportReport } from './import-report';

/** The file types the importer understands (the picker's `accept`). */
export const IMPORT_ACCEPT = DOCUMENT_EXTENSIONS.map((extension) => `.${extension}`).join(',');

/** Beyond this the renderer would have to hold the file twice in memory as base64. */
const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/** Files in flight at once: enough to keep the core's workers busy, few enough to bound memory. */
export const UPLOAD_CONCURRENCY = 3;

export interface ImportState {
  progress: ImportProgress | null;
  report: ImportReport | null;
  /** bumps after every import so lists reload */
  revision: number;
  importFiles: (files: readonly (File | PickedFile)[]) => Promise<void>;
  /** downloads a web page (a pasted address) */
  importUrl: (url: string) => Promise<void>;
  /** files or folders on this machine, as a background job of the core (Electron only) */
  importPaths: (paths: readonly string[], options?: PathImportOptions) => void;
  cancel: () => void;
  clearReport: () => void;
}

/** Where a file from a picked folder is inside it ("" for a file picked alone, or where unknown). */
export const relativePath = (file: File): string => (file as { webkitRelativePath?: string }).webkitRelativePath ?? '';

/** A file from a picked folder is named by its path inside that folder. */
const asPicked = (file: File | PickedFile): PickedFile =>
  'file' in file ? file : { file, name: relativePath(file) || file.name };

export function useImport(): ImportState {
  const api = useApi();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [revision, setRevision] = useState(0);
  const busy = useRef(false);
  const cancelled = useRef(false);
  const pathImport = usePathImport({ busyRef: busy, setProgress, setReport, setRevision });
  const { resume } = pathImport;
  // Paths asked for during an upload start once it is over.
  useEffect(() => {
    if (progress === null) resume();
  }, [progress, resume]);

  const importOne = useCallback(
    async ({ file, name }: PickedFile): Promise<ImportOutcome> => {
      if (file.size > MAX_IMPORT_BYTES) {
        return { status: 'failed', source: name, reason: 'The file is larger than 200 MB.' };
      }
      let dataBase64: string;
      try {
        dataBase64 = await readFileBase64(file);
      } catch {
        return { status: 'failed', source: name, reason: 'The file could not be read (folders cannot be imported this way).' };
      }
      const result = await api.importDocument({ fileName: file.name, dataBase64 });
      if (!result.ok) return { status: 'failed', source: name, reason: result.error.message };
      // The core knows the file by its own name only; the summary shows where it was in the drop.
      return { ...result.value, source: name };
    },
    [api],
  );

  const importFiles = useCallback(
    async (given: readonly (File | PickedFile)[]) => {
      if (given.length === 0 || busy.current) return;
      const { documents: files, skipped } = splitFolderFiles(given.map(asPicked));
      if (files.length === 0) {
        setReport(reportFromOutcomes(skipped, 0));
        return;
      }
      busy.current = true;
      cancelled.current = false;
      setReport(null);
      const startedAt = Date.now();
      const outcomes: ImportOutcome[] = new Array<ImportOutcome>(files.length);
      let next = 0;
      let done = 0;
      setProgress({ done: 0, total: files.length, current: files[0]!.name, startedAt, lastDoneAfter: 0, cancelling: false });
      const worker = async (): Promise<void> => {
        while (next < files.length && !cancelled.current) {
          const index = next++;
          const file = files[index]!;
          setProgress((p) => (p ? { ...p, current: file.name } : p));
          outcomes[index] = await importOne(file);
          done += 1;
          const after = Date.now() - startedAt;
          setProgress((p) => (p ? { ...p, done, lastDoneAfter: after } : p));
        }
      };
      try {
        await Promise.all(Array.from({ length: Math.min(UPLOAD_CONCURRENCY, files.length) }, worker));
      } finally {
        busy.current = false;
        const finished = outcomes.filter(Boolean);
        setProgress(null);
        setReport(reportFromOutcomes([...finished, ...skipped], files.length - finished.length));
        setRevision((value) => value + 1);
      }
    },
    [importOne],
  );

  const importUrl = useCallback(
    async (url: string) => {
      if (busy.current) return;
      busy.current = true;
      setReport(null);
      setProgress({ done: 0, total: 1, current: url, startedAt: Date.now(), lastDoneAfter: 0, cancelling: false });
      let outcome: ImportOutcome;
      try {
        const result = await api.importUrl(url);
        outcome = result.ok ? result.value : { status: 'failed', source: url, reason: result.error.message };
      } finally {
        busy.current = false;
        setProgress(null);
      }
      setReport(reportFromOutcomes([outcome], 0));
      setRevision((value) => value + 1);
    },
    [api],
  );

  const { cancelJob } = pathImport;
  const cancel = useCallback(() => {
    if (!busy.current) return;
    cancelled.current = true;
    setProgress((p) => (p ? { ...p, cancelling: true } : p));
    cancelJob();
  }, [cancelJob]);

  const clearReport = useCallback(() => setReport(null), []);
  return { progress, report, revision, importFiles, importUrl, importPaths: pathImport.importPaths, cancel, clearReport };
}

/** Time left at the pace so far, or null before two files have set a pace. */
export function estimateRemainingMs(progress: Pick<ImportProgress, 'done' | 'total' | 'lastDoneAfter'>): number | null {
  if (progress.done < 2) return null;
  return Math.round((progress.lastDoneAfter / progress.done) * (progress.total - progress.done));
}

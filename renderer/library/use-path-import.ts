/**
 * Imports files and folders by path as a background job of the core (`startImport`), following
 * its `import-progress` and `import-finished` events: the Electron native dialog and "Open with
 * Quire". The page never reads these files; the core's workers do. Paths asked for while another
 * import runs wait their turn (a second "Open with" during a long import is not lost).
 */
import { useCallback, useRef, type Dispatch, type MutableRefObject, type SetStateAction } from 'react';
import type { ImportFinishedEvent, ImportProgressEvent } from '../../electron/shared/models';
import { useApi } from '../api/api-context';
import { useDesktop } from '../app/desktop-context';
import {
  firstOpened,
  progressFromJob,
  reportFromJob,
  reportFromOutcomes,
  type ImportProgress,
  type ImportReport,
} from './import-report';

export interface PathImportOptions {
  /** called with the article made from the first path (or already holding its text) */
  onFirstArticle?: (articleId: string) => void;
}

/** The import state this hook shares with the uploads of use-import.ts. */
export interface SharedImportState {
  busyRef: MutableRefObject<boolean>;
  setProgress: Dispatch<SetStateAction<ImportProgress | null>>;
  setReport: Dispatch<SetStateAction<ImportReport | null>>;
  setRevision: Dispatch<SetStateAction<number>>;
}

interface RunningJob {
  jobId: string | null;
  cancelling: boolean;
}

interface QueuedImport {
  paths: string[];
  options: PathImportOptions;
}

export function usePathImport({ busyRef, setProgress, setReport, setRevision }: SharedImportState) {
  const api = useApi();
  const desktop = useDesktop();
  const running = useRef<RunningJob | null>(null);
  const queue = useRef<QueuedImport[]>([]);

  /** Runs one job to its end; resolves to its summary (a failure when it could not start). */
  const runJob = useCallback(
    async (paths: string[]): Promise<ImportReport> => {
      if (!desktop) throw new Error('Path imports need the desktop app.');
      const job: RunningJob = { jobId: null, cancelling: false };
      running.current = job;
      setProgress({ done: 0, total: paths.length, current: paths[0] ?? '', startedAt: Date.now(), lastDoneAfter: 0, cancelling: false });

      // Events may come before startImport answers: keep them until the job's id is known.
      const early: ImportProgressEvent[] = [];
      const earlyFinished: ImportFinishedEvent[] = [];
      let finish: (event: ImportFinishedEvent) => void = () => {};
      const finished = new Promise<ImportFinishedEvent>((resolve) => (finish = resolve));
      const onProgress = (event: ImportProgressEvent): void => {
        if (job.jobId === null) early.push(event);
        else if (event.jobId === job.jobId) setProgress(progressFromJob(event, job.cancelling));
      };
      const onFinished = (event: ImportFinishedEvent): void => {
        if (job.jobId === null) earlyFinished.push(event);
        else if (event.jobId === job.jobId) finish(event);
      };
      const stops = [desktop.on('import-progress', onProgress), desktop.on('import-finished', onFinished)];
      try {
        const started = await api.startImport(paths);
        if (!started.ok) return reportFromOutcomes([{ status: 'failed', source: paths.join(', '), reason: started.error.message }], 0);
        job.jobId = started.value.jobId;
        if (job.cancelling) void api.cancelImport(job.jobId);
        for (const event of early) onProgress(event);
        for (const event of earlyFinished) onFinished(event);
        return reportFromJob(await finished);
      } finally {
        for (const stop of stops) stop();
        running.current = null;
      }
    },
    [api, desktop, setProgress],
  );

  const runQueue = useCallback(async (): Promise<void> => {
    let next: QueuedImport | undefined;
    while (!busyRef.current && (next = queue.current.shift())) {
      busyRef.current = true;
      setReport(null);
      let report: ImportReport;
      try {
        report = await runJob(next.paths);
      } finally {
        busyRef.current = false;
        setProgress(null);
        setRevision((value) => value + 1);
      }
      setReport(report);
      const articleId = next.options.onFirstArticle ? firstOpened(report, next.paths[0]) : null;
      if (articleId) next.options.onFirstArticle?.(articleId);
    }
  }, [busyRef, runJob, setProgress, setReport, setRevision]);

  const importPaths = useCallback(
    (paths: readonly string[], options: PathImportOptions = {}) => {
      if (!desktop || paths.length === 0) return;
      queue.current.push({ paths: [...paths], options });
      void runQueue();
    },
    [desktop, runQueue],
  );

  /** Cancel: the core stops after the file it is writing (what is written stays). */
  const cancelJob = useCallback(() => {
    const job = running.current;
    if (!job) return;
    job.cancelling = true;
    if (job.jobId !== null) void api.cancelImport(job.jobId);
  }, [api]);

  /** Starts what waits, once no other import runs. */
  const resume = useCallback(() => void runQueue(), [runQueue]);

  return { importPaths, cancelJob, resume };
}

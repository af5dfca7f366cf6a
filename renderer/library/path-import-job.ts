/**
 * One import of files and folders by path, as a background job of the core (`startImport`),
 * followed through its `import-progress` and `import-finished` events: the Electron native dialog
 * and "Open with Quire". The page never reads these files; the core's workers do.
 */
import type { Dispatch } from 'react';
import type { ReaderEventSource, ReaderApi } from '../../electron/shared/contract';
import type { ImportFinishedEvent, ImportProgressEvent } from '../../electron/shared/models';
import { reportFromJob, reportFromOutcomes, type ImportReport } from './import-report';
import type { ImportAction } from './import-state';

/** A job being run: Cancel may come before the core has named it. */
export class PathImportJob {
  private jobId: string | null = null;
  private cancelling = false;

  constructor(
    private readonly api: ReaderApi,
    private readonly events: ReaderEventSource,
    private readonly report: Dispatch<ImportAction>,
  ) {}

  /** Runs the job to its end; resolves to its summary (a failure when it could not start). */
  async run(paths: readonly string[]): Promise<ImportReport> {
    this.report({ type: 'started', total: paths.length, current: paths[0] ?? '', at: Date.now() });
    // Events may come before startImport answers: keep them until the job's id is known.
    const early: ImportProgressEvent[] = [];
    const earlyFinished: ImportFinishedEvent[] = [];
    let finish: (event: ImportFinishedEvent) => void = () => {};
    const finished = new Promise<ImportFinishedEvent>((resolve) => (finish = resolve));
    const onProgress = (event: ImportProgressEvent): void => {
      if (this.jobId === null) early.push(event);
      else if (event.jobId === this.jobId) this.report({ type: 'job-progress', event, at: Date.now() });
    };
    const onFinished = (event: ImportFinishedEvent): void => {
      if (this.jobId === null) earlyFinished.push(event);
      else if (event.jobId === this.jobId) finish(event);
    };
    const stops = [this.events.on('import-progress', onProgress), this.events.on('import-finished', onFinished)];
    try {
      const started = await this.api.startImport([...paths]);
      if (!started.ok) return reportFromOutcomes([{ status: 'failed', source: paths.join(', '), reason: started.error.message, sentence: started.error.sentence }], 0);
      this.jobId = started.value.jobId;
      if (this.cancelling) void this.api.cancelImport(this.jobId);
      for (const event of early) onProgress(event);
      for (const event of earlyFinished) onFinished(event);
      return reportFromJob(await finished);
    } finally {
      for (const stop of stops) stop();
    }
  }

  /** The core stops after the file it is writing (what is written stays). */
  cancel(): void {
    this.cancelling = true;
    if (this.jobId !== null) void this.api.cancelImport(this.jobId);
  }
}

/**
 * Bulk imports as jobs: `start` returns at once with a job id; the job runs in the background
 * (workers read, the host writes) and reports through the event hub: `import-progress` a few times
 * a second and `import-finished` once, with the summary. `cancel` stops a job after the article
 * being written; what is already imported stays.
 */
import type { ImportFinishedEvent, ImportOutcome, FileReading } from '../../shared/models';
import type { EventHub } from '../events';
import { countImportFiles, skippedReason, walkImportFiles } from '../library/collect-import-files';
import type { FailureReason } from '../../shared/i18n/core-sentences';
import type { ExtractedArticle } from '../library/import-into-library';
import { newId } from '../library/ids';
import type { Log } from '../log';
import type { ImportPool } from './import-pool';
import { ImportTally, remainingMs } from './import-summary';
import { runImport } from './run-import';

/** Progress events at most this often: enough for a smooth bar, few enough to cost nothing. */
const PROGRESS_INTERVAL_MS = 100;
/**
 * Files being read per worker thread. Results are written in the walk's order, so a slow file at
 * the head (a manual page of a megabyte or two takes a second or more) holds up the writes;
 * meanwhile the other threads keep reading the files after it, up to this many each (with 2, they
 * sat idle behind it). A file's result is its text and HTML, small next to what reading it takes.
 * Large files are set aside (run-import.ts) and do not count.
 */
const IN_FLIGHT_PER_THREAD = 8;
/**
 * Files above this are read on a fresh worker of their own, one at a time, beside the ordinary
 * ones (run-import.ts): reading a web page takes about 60 times its markup in heap (the largest
 * page of the Debian manuals, 4 MB, about 250 MB), an ordinary one a few megabytes. Three of the
 * 4,849 Debian manual pages are this large. Not lower: each costs a worker start (a second of
 * CPU), and news pages of 1–2 MB are mostly inline scripts and styles, a small DOM. With this at
 * 1 MiB and the workers' collection threshold at 128 MB (import-worker.ts), 120 real news pages
 * (five copies of 24, one of 1.1 MB) took 16.5–17.8 s to import; with both raised, 10.6–10.7 s
 * (docs/benchmarks.md; large files were then read alone, with nothing beside them).
 */
const LARGE_FILE_BYTES = 2 * 1024 * 1024;

export interface ImportJobsParts {
  events: EventHub;
  pool: ImportPool;
  write(file: { path: string; bytes: Uint8Array | null }, article: ExtractedArticle): Promise<ImportOutcome>;
  reasonFor(error: unknown, source: string): FailureReason;
  maxBytes: number;
  tooLargeReason(): FailureReason;
  log: Log;
  now?: () => number;
}

export interface StartedJob {
  jobId: string;
  finished: Promise<ImportFinishedEvent>;
}

export class ImportJobs {
  private readonly running = new Map<string, { controller: AbortController; finished: Promise<ImportFinishedEvent> }>();

  constructor(private readonly parts: ImportJobsParts) {}

  /** Starts importing; `onOutcome` sees every file's outcome (importPaths collects them). */
  start(paths: readonly string[], onOutcome?: (outcome: ImportOutcome) => void): StartedJob {
    const jobId = newId();
    const controller = new AbortController();
    const finished = this.run(jobId, paths, controller.signal, onOutcome).finally(() => this.running.delete(jobId));
    this.running.set(jobId, { controller, finished });
    return { jobId, finished };
  }

  /**
   * How far one file handed over as bytes (an upload, not a job) is read, as `import-progress`
   * events under the id the page chose for it: one file, none done yet, at the jobs' pace.
   */
  reportReading(progressId: string, source: string): (progress: FileReading) => void {
    const now = this.parts.now ?? Date.now;
    const startedAt = now();
    let lastSent = -Infinity;
    return (reading) => {
      const at = now();
      if (at - lastSent < PROGRESS_INTERVAL_MS) return;
      lastSent = at;
      this.parts.events.emit('import-progress', {
        jobId: progressId,
        done: 0,
        total: 1,
        current: source,
        reading,
        elapsedMs: at - startedAt,
        remainingMs: null,
        counts: { imported: 0, duplicates: 0, failed: 0, skipped: 0 },
      });
    };
  }

  cancel(jobId: string): void {
    this.running.get(jobId)?.controller.abort();
  }

  /** Cancels every job and waits for each to finish. */
  async close(): Promise<void> {
    const jobs = [...this.running.values()];
    for (const job of jobs) job.controller.abort();
    await Promise.allSettled(jobs.map((job) => job.finished));
  }

  private async run(
    jobId: string,
    paths: readonly string[],
    signal: AbortSignal,
    onOutcome?: (outcome: ImportOutcome) => void,
  ): Promise<ImportFinishedEvent> {
    const { events, pool, log } = this.parts;
    const now = this.parts.now ?? Date.now;
    const startedAt = now();
    const tally = new ImportTally();
    let found = 0;
    let counted: number | null = null;
    let current: string | null = null;
    /** how far each file being read has come, for those that say (long books, PDFs) */
    const reading = new Map<string, FileReading>();
    let lastSent = -Infinity;
    const total = (): number => Math.max(found, counted ?? 0, tally.done);

    const sendProgress = (force: boolean): void => {
      const at = now();
      if (!force && at - lastSent < PROGRESS_INTERVAL_MS) return;
      lastSent = at;
      const elapsedMs = at - startedAt;
      events.emit('import-progress', {
        jobId,
        done: tally.done,
        total: total(),
        current,
        reading: (current !== null && reading.get(current)) || null,
        elapsedMs,
        remainingMs: counted === null ? null : remainingMs(tally.done, total(), elapsedMs),
        counts: { ...tally.counts },
      });
    };

    // Counting runs beside the import, from folder listings only, so the bar knows its end early.
    void countImportFiles(paths).then(
      (count) => {
        counted = count;
      },
      (error: unknown) => log('Counting the files to import failed', error),
    );

    sendProgress(true);
    try {
      await runImport({
        files: walkImportFiles(paths),
        extract: (task, taskSignal, onProgress) => pool.extract(task, taskSignal, onProgress),
        write: this.parts.write,
        reasonFor: this.parts.reasonFor,
        maxBytes: this.parts.maxBytes,
        tooLargeReason: this.parts.tooLargeReason,
        maxInFlight: pool.threads * IN_FLIGHT_PER_THREAD,
        largeBytes: LARGE_FILE_BYTES,
        signal,
        onCurrent: (source) => {
          current = source;
          // A file read beside the one before it may already be well into its chapters.
          if (source !== null && reading.has(source)) sendProgress(false);
        },
        onReading: (source, progress) => {
          reading.set(source, progress);
          // Only the file the import waits for is shown; the others' reports wait until it is.
          if (source === current) sendProgress(false);
        },
        onFound: () => {
          found += 1;
        },
        onOutcome: (outcome) => {
          reading.delete(outcome.source);
          tally.add(outcome);
          onOutcome?.(outcome);
          sendProgress(false);
        },
        onSkipped: (source) => {
          const outcome: ImportOutcome = { status: 'skipped', source, reason: skippedReason(source) };
          tally.add(outcome);
          onOutcome?.(outcome);
        },
        onUnexpected: (source, details) => log(`Import of ${source} failed unexpectedly: ${details}`),
      });
    } catch (error) {
      // The walk itself failed (not one file): report it as the job's last failure.
      const outcome: ImportOutcome = { status: 'failed', source: paths.join(', '), ...this.parts.reasonFor(error, paths.join(', ')) };
      tally.add(outcome);
      onOutcome?.(outcome);
    }
    current = null;
    sendProgress(true);
    const summary = tally.summary(jobId, {
      cancelled: signal.aborted,
      total: signal.aborted ? total() : tally.done,
      elapsedMs: now() - startedAt,
    });
    events.emit('import-finished', summary);
    return summary;
  }
}

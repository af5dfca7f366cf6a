/**
 * What the import progress bar and summary show, built from either kind of import: uploads the
 * page runs itself (browser mode, drops, pastes: one outcome per file) and background jobs of
 * paths (Electron's native dialog and "Open with Quire": the core's job events). One shape, so
 * both look and behave the same.
 */
import type { FileReading, ImportCounts, ImportFinishedEvent, ImportOutcome, ImportProgressEvent } from '../../electron/shared/models';
import { noteOf, reasonOnly } from '../../electron/shared/i18n/core-sentences';

/** The progress bar's state: the same for uploads and background jobs. */
export interface ImportProgress {
  done: number;
  total: number;
  /** the file most recently started */
  current: string;
  /** how far `current` has been read, while it is a long document that says so (a book's chapters, a PDF's pages) */
  reading: FileReading | null;
  /** `Date.now()` when the import started */
  startedAt: number;
  /** ms since the start when `done` last changed (for the estimate) */
  lastDoneAfter: number;
  cancelling: boolean;
}

export type ImportedEntry = ImportFinishedEvent['imported'][number];
export type FailedEntry = ImportFinishedEvent['failed'][number];
export type SkippedEntry = ImportFinishedEvent['skipped'][number];

export interface ImportReport {
  counts: ImportCounts;
  /** imported articles (a job lists the first 100 of them; `counts` has them all) */
  imported: ImportedEntry[];
  duplicates: ImportedEntry[];
  failed: FailedEntry[];
  /** files that are not documents, by extension */
  skipped: SkippedEntry[];
  cancelled: boolean;
  /** files never reached because the import was cancelled */
  notStarted: number;
}

const extensionOf = (source: string): string => /\.[^./\\]+$/.exec(source)?.[0].toLowerCase() ?? '';

export function reportFromOutcomes(outcomes: readonly ImportOutcome[], notStarted: number): ImportReport {
  const report: ImportReport = {
    counts: { imported: 0, duplicates: 0, failed: 0, skipped: 0 },
    imported: [],
    duplicates: [],
    failed: [],
    skipped: [],
    cancelled: notStarted > 0,
    notStarted,
  };
  const skipped = new Map<string, number>();
  for (const outcome of outcomes) {
    if (outcome.status === 'failed') report.failed.push({ source: outcome.source, ...reasonOnly(outcome) });
    else if (outcome.status === 'skipped') skipped.set(extensionOf(outcome.source), (skipped.get(extensionOf(outcome.source)) ?? 0) + 1);
    else {
      const entry = { source: outcome.source, articleId: outcome.article.id, title: outcome.article.title };
      if (outcome.status === 'imported') report.imported.push({ ...entry, ...noteOf(outcome) });
      else report.duplicates.push(entry);
    }
  }
  report.skipped = [...skipped]
    .map(([extension, count]) => ({ extension, count }))
    .sort((a, b) => b.count - a.count || a.extension.localeCompare(b.extension));
  report.counts = {
    imported: report.imported.length,
    duplicates: report.duplicates.length,
    failed: report.failed.length,
    skipped: outcomes.length - report.imported.length - report.duplicates.length - report.failed.length,
  };
  return report;
}

export function reportFromJob(finished: ImportFinishedEvent): ImportReport {
  const { counts } = finished;
  const reached = counts.imported + counts.duplicates + counts.failed;
  return {
    counts,
    imported: finished.imported,
    duplicates: finished.duplicates,
    failed: finished.failed,
    skipped: finished.skipped,
    cancelled: finished.cancelled,
    notStarted: finished.cancelled ? Math.max(0, finished.total - reached) : 0,
  };
}

/** The bar's state from a job's progress event (the job's own clock, so the estimate matches). */
export function progressFromJob(event: ImportProgressEvent, cancelling: boolean, now = Date.now()): ImportProgress {
  return {
    done: event.done,
    total: event.total,
    current: event.current ?? '',
    reading: event.current === null ? null : event.reading,
    startedAt: now - event.elapsedMs,
    lastDoneAfter: event.elapsedMs,
    cancelling,
  };
}

/**
 * The article to open after "Open with Quire": the one made from the first file asked for
 * (imported now or already in the library), else the first that was.
 */
export function firstOpened(report: ImportReport, firstPath: string | undefined): string | null {
  const entries = [...report.imported, ...report.duplicates];
  const match = entries.find((entry) => entry.source === firstPath) ?? report.imported[0] ?? report.duplicates[0];
  return match?.articleId ?? null;
}

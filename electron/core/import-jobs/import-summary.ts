/** Tallies a job's outcomes into the `import-finished` summary, keeping only what it must list. */
import type { ImportCounts, ImportFinishedEvent, ImportOutcome } from '../../shared/models';

/** Imported titles shown after a job: enough to see what came in, bounded for huge folders. */
export const LISTED_IMPORTS = 100;

export class ImportTally {
  readonly counts: ImportCounts = { imported: 0, duplicates: 0, failed: 0 };
  private readonly imported: ImportFinishedEvent['imported'] = [];
  private readonly duplicates: ImportFinishedEvent['duplicates'] = [];
  private readonly failed: ImportFinishedEvent['failed'] = [];

  get done(): number {
    return this.counts.imported + this.counts.duplicates + this.counts.failed;
  }

  add(outcome: ImportOutcome): void {
    switch (outcome.status) {
      case 'imported':
        this.counts.imported += 1;
        if (this.imported.length < LISTED_IMPORTS) {
          this.imported.push({ source: outcome.source, articleId: outcome.article.id, title: outcome.article.title });
        }
        break;
      case 'duplicate':
        this.counts.duplicates += 1;
        this.duplicates.push({ source: outcome.source, articleId: outcome.article.id, title: outcome.article.title });
        break;
      case 'failed':
        this.counts.failed += 1;
        this.failed.push({ source: outcome.source, reason: outcome.reason });
        break;
    }
  }

  summary(jobId: string, { cancelled, total, elapsedMs }: { cancelled: boolean; total: number; elapsedMs: number }): ImportFinishedEvent {
    return {
      jobId,
      cancelled,
      total,
      elapsedMs,
      counts: { ...this.counts },
      imported: [...this.imported],
      duplicates: [...this.duplicates],
      failed: [...this.failed],
    };
  }
}

/** Time left at the pace so far; null until a few files have set a pace. */
export function remainingMs(done: number, total: number, elapsedMs: number): number | null {
  if (done < 2 || total <= done) return done > 0 && total <= done ? 0 : null;
  return Math.round((elapsedMs / done) * (total - done));
}

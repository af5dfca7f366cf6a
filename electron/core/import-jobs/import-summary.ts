/** Tallies a job's outcomes into the `import-finished` summary, keeping only what it must list. */
import { extensionOf } from '../importers/import-formats';
import { noteOf, reasonOnly } from '../../shared/i18n/core-sentences';
import type { ImportCounts, ImportFinishedEvent, ImportOutcome } from '../../shared/models';

/** Imported titles shown after a job: enough to see what came in, bounded for huge folders. */
export const LISTED_IMPORTS = 100;

export class ImportTally {
  readonly counts: ImportCounts = { imported: 0, duplicates: 0, failed: 0, skipped: 0 };
  /** skipped files by extension: a folder of saved pages can hold thousands of images */
  private readonly skippedByExtension = new Map<string, number>();
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
          this.imported.push({
            source: outcome.source,
            articleId: outcome.article.id,
            title: outcome.article.title,
            ...noteOf(outcome),
          });
        }
        break;
      case 'duplicate':
        this.counts.duplicates += 1;
        this.duplicates.push({ source: outcome.source, articleId: outcome.article.id, title: outcome.article.title });
        break;
      case 'failed':
        this.counts.failed += 1;
        this.failed.push({ source: outcome.source, ...reasonOnly(outcome) });
        break;
      case 'skipped': {
        this.counts.skipped += 1;
        const ext = extensionOf(outcome.source);
        const extension = ext === '' ? '(no extension)' : `.${ext}`;
        this.skippedByExtension.set(extension, (this.skippedByExtension.get(extension) ?? 0) + 1);
        break;
      }
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
      skipped: [...this.skippedByExtension]
        .map(([extension, count]) => ({ extension, count }))
        .sort((a, b) => b.count - a.count || a.extension.localeCompare(b.extension)),
    };
  }
}

/** Time left at the pace so far; null until a few files have set a pace. */
export function remainingMs(done: number, total: number, elapsedMs: number): number | null {
  if (done < 2 || total <= done) return done > 0 && total <= done ? 0 : null;
  return Math.round((elapsedMs / done) * (total - done));
}

import type { AnnotationImportSummary } from '../../electron/shared/models';

const count = (n: number, word: string) => `${n} ${word}`;

/** One sentence for the status region, e.g. "Imported: 3 added, 1 updated, 0 unchanged, 1 skipped." */
export function importSummaryText(summary: AnnotationImportSummary): string {
  const parts = [
    count(summary.added, 'added'),
    count(summary.updated, 'updated'),
    count(summary.unchanged, 'unchanged'),
    count(summary.skipped.length, 'skipped'),
  ];
  return `Bookmarks and notes imported: ${parts.join(', ')}.`;
}

/** Same limit as the contract's validator, said before the file is sent. */
export const MAX_IMPORT_FILE_BYTES = 50 * 1024 * 1024;

import type { Text } from '../i18n/use-text';
import type { AnnotationImportSummary } from '../../electron/shared/models';

/** One sentence for the status region, e.g. "Bookmarks and notes imported: 3 added, 1 updated, 0 unchanged, 1 skipped." */
export function importSummaryText(summary: AnnotationImportSummary, text: Text): string {
  return text('transfer.summary', {
    added: summary.added,
    updated: summary.updated,
    unchanged: summary.unchanged,
    skipped: summary.skipped.length,
  });
}

/** Same limit as the contract's validator, said before the file is sent. */
export const MAX_IMPORT_FILE_BYTES = 50 * 1024 * 1024;

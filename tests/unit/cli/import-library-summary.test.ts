import { describe, expect, it } from 'vitest';
import { emptyImportReport, type ArchiveImportReport } from '../../../electron/core/backup/import-archive';
import { importLibrarySummary } from '../../../electron/cli/import-library-summary';

const report = (counts: Partial<ArchiveImportReport>): ArchiveImportReport => ({ ...emptyImportReport(), ...counts });

describe('the last line of quire import-library', () => {
  it('says what was added, and nothing more when nothing differs', () => {
    expect(importLibrarySummary(report({ articlesAdded: 2, annotationsAdded: 1 }), { dryRun: false })).toBe('Added 2 articles and 1 bookmark or note.');
  });

  it('counts what differs and was kept, and names the flag that takes the archive’s versions', () => {
    expect(importLibrarySummary(report({ annotationsKept: 3 }), { dryRun: false })).toBe(
      "Added 0 articles and 0 bookmarks and notes. 3 bookmarks and notes differ from the archive and were kept as they are here; run again with --prefer-archive to take the archive's versions.",
    );
    expect(importLibrarySummary(report({ annotationsKept: 1 }), { dryRun: true })).toBe(
      "Would add 0 articles and 0 bookmarks and notes. 1 bookmark or note differs from the archive and would be kept as it is here; run again with --prefer-archive to take the archive's versions. Nothing was changed (dry run).",
    );
    expect(importLibrarySummary(report({ annotationsKept: 1, articlesKept: 2 }), { dryRun: false })).toContain(
      '1 bookmark or note and the details of 2 articles differ from the archive and were kept as they are here;',
    );
  });

  it('says what the archive replaced with --prefer-archive', () => {
    expect(importLibrarySummary(report({ annotationsReplaced: 2, articlesReplaced: 1 }), { dryRun: false })).toBe(
      "Added 0 articles and 0 bookmarks and notes. Replaced 2 bookmarks and notes and the details of 1 article with the archive's versions (--prefer-archive).",
    );
  });
});

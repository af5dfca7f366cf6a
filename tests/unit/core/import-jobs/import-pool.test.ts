import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createImportPool } from '../../../../electron/core/import-jobs/import-pool';
import { failureReason } from '../../../../electron/core/library/import-into-library';

describe('the import worker pool', () => {
  it('fails a file that needs more memory than a worker may use with a clear reason, then reads the next file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quire-pool-'));
    // A table of 60,000 cells: jsdom needs far more than 64 MB for it.
    const huge = path.join(dir, 'huge.html');
    writeFileSync(huge, `<html><body><table>${'<tr><td>cell</td><td>value</td><td>more</td></tr>'.repeat(20_000)}</table></body></html>`);
    const small = path.join(dir, 'small.html');
    writeFileSync(small, '<html><head><title>Small</title></head><body><p>A short page that fits.</p></body></html>');
    const pool = createImportPool({ threads: 1, maxHeapMb: 64 });
    const logged: string[] = [];
    try {
      const error = await pool.extract({ fileName: huge, filePath: huge }).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).not.toBeNull();
      expect(failureReason(error, huge, (message) => logged.push(message))).toBe(
        'This file is too large or too complex to read: it needs more memory than Quire lets one file use.',
      );
      expect(logged).toEqual([]);
      const next = await pool.extract({ fileName: small, filePath: small });
      expect(next.ok && next.article.document.title).toBe('Small');
    } finally {
      await pool.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

/** Bugs the importer fuzzing found, each kept as a test of its own. */
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../electron/core/importers/import-file';

describe('found by fuzzing', () => {
  it('reads a page of 2,000 nested <div> (Readability needed minutes: its time grows with the cube of the depth)', async () => {
    const html = `<html><head><title>Deep</title></head><body>${'<div>'.repeat(2000)}deep text${'</div>'.repeat(2000)}</body></html>`;
    const { document } = await importFile({ fileName: 'deep.html', bytes: Buffer.from(html) });
    expect(document.title).toBe('Deep');
    expect(document.text).toBe('deep text');
    // No timing assertion (performance is the benchmark's job): before the fix this import took
    // about five minutes, far past the test's own limit, which is what catches a regression.
  }, 60_000);
});

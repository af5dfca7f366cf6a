/** The one state of importing, whoever imports: what the progress bar and the summary are told. */
import { describe, expect, it } from 'vitest';
import { reportFromOutcomes } from '../../../../renderer/library/import-report';
import { importReducer, NO_IMPORT, type ImportAction, type ImportStatus } from '../../../../renderer/library/import-state';

const counts = { imported: 0, duplicates: 0, failed: 0, skipped: 0 };
const run = (actions: ImportAction[], from: ImportStatus = NO_IMPORT): ImportStatus => actions.reduce(importReducer, from);
const summary = reportFromOutcomes([{ status: 'failed', source: 'a.txt', reason: 'This is not a text file.' }], 0);

describe('import state', () => {
  it('counts uploaded files, names the current one, and ends with the summary', () => {
    const state = run([
      { type: 'started', total: 3, current: 'a.txt', at: 1_000 },
      { type: 'file-started', name: 'b.txt' },
      { type: 'file-done', name: 'a.txt', done: 1, after: 400 },
    ]);
    expect(state.progress).toMatchObject({ done: 1, total: 3, current: 'b.txt', startedAt: 1_000, lastDoneAfter: 400 });
    expect(run([{ type: 'finished', report: summary }], state)).toEqual({ progress: null, report: summary });
  });

  it('a new import hides the last summary; dismissing it leaves a running import alone', () => {
    const started = run([{ type: 'started', total: 1, current: 'x', at: 0 }], { progress: null, report: summary });
    expect(started.report).toBeNull();
    const shown = run([{ type: 'reported', report: summary }], started);
    expect(run([{ type: 'report-dismissed' }], shown)).toEqual({ progress: started.progress, report: null });
  });

  it('keeps saying "cancelling" while a background job still reports progress', () => {
    const state = run([
      { type: 'started', total: 10, current: '/docs', at: 0 },
      { type: 'cancel-requested' },
      { type: 'job-progress', event: { jobId: 'j1', done: 4, total: 10, current: '/docs/e.md', reading: null, elapsedMs: 2_000, remainingMs: null, counts }, at: 5_000 },
    ]);
    expect(state.progress).toEqual({ done: 4, total: 10, current: '/docs/e.md', reading: null, startedAt: 3_000, lastDoneAfter: 2_000, cancelling: true });
  });

  it('ignores progress that arrives when no import runs', () => {
    const after = run([
      { type: 'file-done', name: 'a.txt', done: 1, after: 10 },
      { type: 'cancel-requested' },
      { type: 'job-progress', event: { jobId: 'j1', done: 1, total: 1, current: null, reading: null, elapsedMs: 5, remainingMs: null, counts }, at: 5 },
    ], { progress: null, report: summary });
    expect(after).toEqual({ progress: null, report: summary });
  });

  it("shows how far the file being read has come, until that file is done", () => {
    const chapter = (part: number) => ({ unit: 'chapter' as const, part, parts: 720 });
    const reading = run([
      { type: 'started', total: 2, current: 'a.epub', at: 0 },
      { type: 'file-started', name: 'b.txt' },
      { type: 'file-reading', name: 'a.epub', reading: chapter(41) },
    ]);
    expect(reading.progress).toMatchObject({ current: 'a.epub', reading: chapter(41) });
    // Another file finishing leaves the book's chapter; the book finishing ends it.
    expect(run([{ type: 'file-done', name: 'b.txt', done: 1, after: 5 }], reading).progress).toMatchObject({ done: 1, reading: chapter(41) });
    expect(run([{ type: 'file-done', name: 'a.epub', done: 1, after: 5 }], reading).progress).toMatchObject({ done: 1, reading: null });
    // A background job's event carries it for the file it waits for.
    const job = run([
      { type: 'job-progress', event: { jobId: 'j1', done: 0, total: 1, current: '/docs/a.pdf', reading: { unit: 'page', part: 12, parts: 300 }, elapsedMs: 9, remainingMs: null, counts }, at: 10 },
    ], reading);
    expect(job.progress).toMatchObject({ current: '/docs/a.pdf', reading: { unit: 'page', part: 12, parts: 300 } });
  });
});

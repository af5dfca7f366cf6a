/**
 * How far a long file is read, in a job's `import-progress` events: the chapter or page of the
 * file the import waits for, never another's, and nothing once that file is done.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExtractResult } from '../../../../electron/core/import-jobs/extract-protocol';
import { ImportJobs } from '../../../../electron/core/import-jobs/import-jobs';
import type { ImportPool } from '../../../../electron/core/import-jobs/import-pool';
import { EventHub } from '../../../../electron/core/events';
import { createDirectApi } from '../../../../electron/shared/dispatch';
import type { FileReading, ImportProgressEvent } from '../../../../electron/shared/models';
import { EPUB_DIR } from '../../../support/corpus-paths';
import { openTestLibrary } from '../support/import-library';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('quire-job-reading-');

interface Reading {
  report(progress: FileReading): void;
  finish(): void;
}

/** A pool whose files are read when the test says, reporting what the test says meanwhile. */
function controlledPool() {
  const files = new Map<string, Reading>();
  let arrived: () => void = () => {};
  const bothArrived = new Promise<void>((resolve) => (arrived = resolve));
  const pool: ImportPool = {
    threads: 2,
    extract(task, _signal, onProgress) {
      return new Promise<ExtractResult>((resolve) => {
        files.set(path.basename(task.fileName), {
          report: (progress) => onProgress?.(progress),
          finish: () => resolve({ ok: false, reason: 'Not written in this test.', unexpected: null }),
        });
        if (files.size === 2) arrived();
      });
    },
    warm: () => undefined,
    hostPid: () => null,
    close: async () => {},
  };
  return { pool, files, bothArrived };
}

/** Resolves once `condition` holds (checked every few milliseconds). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

const chapter = (part: number): FileReading => ({ unit: 'chapter', part, parts: 3 });
const page = (part: number): FileReading => ({ unit: 'page', part, parts: 5 });

describe("a job's progress within a long file", () => {
  it('shows the chapter or page of the file it waits for, and moves on with the files', async () => {
    const folder = tempDir();
    writeFileSync(path.join(folder, 'a-book.epub'), 'a book');
    writeFileSync(path.join(folder, 'b-paper.pdf'), 'a paper');
    const { pool, files, bothArrived } = controlledPool();
    const events = new EventHub(() => {});
    const seen: ImportProgressEvent[] = [];
    events.on('import-progress', (event) => seen.push(event));
    let clock = 0;
    let tooLargeSaid = 0;
    const jobs = new ImportJobs({
      events,
      pool,
      write: () => Promise.reject(new Error('nothing is written in this test')),
      reasonFor: () => ({ reason: 'unreadable' }),
      maxBytes: 1024,
      tooLargeReason: () => {
        tooLargeSaid += 1;
        return { reason: 'too large' };
      },
      log: () => {},
      // Each reading of the clock a second later: no event is held back by the pace of events.
      now: () => (clock += 1_000),
    });
    const job = jobs.start([folder]);
    await bothArrived;
    const book = files.get('a-book.epub')!;
    const paper = files.get('b-paper.pdf')!;

    const waitingFor = (name: string): boolean => seen.at(-1)?.current === path.join(folder, name);

    book.report(chapter(1));
    await until(() => waitingFor('a-book.epub'));
    paper.report(page(2)); // read beside the book: not shown while the import waits for the book
    book.report(chapter(2));
    book.finish();
    // The book's outcome is counted, then the paper is what the import waits for: its page shows.
    await until(() => waitingFor('b-paper.pdf'));
    paper.report(page(3));
    paper.finish();
    await job.finished;

    const shown = seen.filter((event) => event.reading !== null).map((event) => [path.basename(event.current ?? ''), event.reading]);
    expect(shown).toEqual([
      ['a-book.epub', chapter(1)],
      ['a-book.epub', chapter(2)],
      ['b-paper.pdf', page(2)],
      ['b-paper.pdf', page(3)],
    ]);
    // A file's progress goes with it: the events after each outcome say nothing of it.
    const afterBook = seen.find((event) => event.done === 1)!;
    expect(afterBook.reading).toBeNull();
    expect(seen.at(-1)).toMatchObject({ done: 2, current: null, reading: null });
    // Neither file is over the limit, so the sentence saying one is was never made: its number,
    // the first ICU number format of a process, takes 20 ms or more of the thread.
    expect(tooLargeSaid).toBe(0);
  });

  it("reports an uploaded book's chapters under the id the page chose, and refuses an id that is not one", async () => {
    const { core } = await openTestLibrary(tempDir());
    try {
      const seen: ImportProgressEvent[] = [];
      core.events.on('import-progress', (event) => seen.push(event));
      const api = createDirectApi(core);
      const dataBase64 = readFileSync(path.join(EPUB_DIR, 'moby-dick.epub')).toString('base64');

      const refused = await api.importDocument({ fileName: 'moby-dick.epub', dataBase64, progressId: 'Not an id!' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
      expect(refused.ok ? '' : refused.error.message).toMatch(/progressId.*is not a valid id/);

      const outcome = await api.importDocument({ fileName: 'moby-dick.epub', dataBase64, progressId: 'upload-7' });
      expect(outcome).toMatchObject({ ok: true, value: { status: 'imported' } });
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((event) => event.jobId === 'upload-7' && event.current === 'moby-dick.epub' && event.done === 0 && event.total === 1)).toBe(true);
      const chapters = seen.map((event) => event.reading!.part);
      expect(chapters).toEqual([...new Set(chapters)].sort((a, b) => a - b));
      expect(seen.every((event) => event.reading!.unit === 'chapter' && event.reading!.parts > 100)).toBe(true);

      // Without an id, the same book (a duplicate now) is read without a word.
      seen.length = 0;
      expect(await api.importDocument({ fileName: 'moby-dick.epub', dataBase64 })).toMatchObject({ ok: true, value: { status: 'duplicate' } });
      expect(seen).toEqual([]);
    } finally {
      await core.close();
    }
  }, 120_000);
});

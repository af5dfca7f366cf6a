/**
 * How far a long file is read, in a job's `import-progress` events: the chapter or page of the
 * file the import waits for, never another's, and nothing once that file is done.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExtractResult } from '../../../../electron/core/import-jobs/extract-protocol';
import { ImportJobs } from '../../../../electron/core/import-jobs/import-jobs';
import type { ImportPool } from '../../../../electron/core/import-jobs/import-pool';
import { EventHub } from '../../../../electron/core/events';
import type { FileReading, ImportProgressEvent } from '../../../../electron/shared/models';
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
    const jobs = new ImportJobs({
      events,
      pool,
      write: () => Promise.reject(new Error('nothing is written in this test')),
      reasonFor: () => ({ reason: 'unreadable' }),
      maxBytes: 1024,
      tooLargeReason: { reason: 'too large' },
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
  });
});

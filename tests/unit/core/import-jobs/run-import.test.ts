import { describe, expect, it } from 'vitest';
import type { ExtractResult, ExtractTask } from '../../../../electron/core/import-jobs/extract-protocol';
import { runImport } from '../../../../electron/core/import-jobs/run-import';
import type { ImportCandidate } from '../../../../electron/core/library/collect-import-files';
import type { ImportOutcome } from '../../../../electron/shared/models';

const MB = 1024 * 1024;

/** How long the fake extractor takes per file: a large file takes as long as several ordinary ones. */
const readingMs = (size: number): number => (size > MB ? 40 : 5);

/** Runs an import over files of the given sizes with an extractor that takes a while per file, recording what was read at once. */
async function importSizes(
  sizes: number[],
  { signal = new AbortController().signal, walkFailsAfter = Infinity, rejected = [] }: { signal?: AbortSignal; walkFailsAfter?: number; rejected?: number[] } = {},
) {
  const reading = new Set<string>();
  let mostAtOnce = 0;
  let mostLargeAtOnce = 0;
  /** how many files were read at once while a large one was */
  let mostBesideLarge = 0;
  const written: string[] = [];
  /** the files the host was told are large (read on a worker of their own) */
  const large: string[] = [];
  const sizeOf = new Map(sizes.map((size, i) => [`/f${i}.html`, size]));
  async function* walk(): AsyncGenerator<ImportCandidate> {
    for (const [i, size] of sizes.entries()) {
      if (i === walkFailsAfter) throw new Error('The folder went away.');
      yield { path: `/f${i}.html`, size };
    }
  }
  let finished = false;
  const writtenAfterTheEnd: string[] = [];
  const reasons = new Map<string, string>();
  let tooLargeSaid = 0;
  const run = runImport({
    files: walk(),
    async extract(task: ExtractTask, taskSignal: AbortSignal): Promise<ExtractResult> {
      reading.add(task.fileName);
      if (task.large) large.push(task.fileName);
      mostAtOnce = Math.max(mostAtOnce, reading.size);
      mostLargeAtOnce = Math.max(mostLargeAtOnce, [...reading].filter((f) => sizeOf.get(f)! > MB).length);
      if ([...reading].some((f) => sizeOf.get(f)! > MB)) mostBesideLarge = Math.max(mostBesideLarge, reading.size);
      await new Promise((resolve) => setTimeout(resolve, readingMs(sizeOf.get(task.fileName)!)));
      reading.delete(task.fileName);
      if (taskSignal.aborted) throw new DOMException('The import was cancelled.', 'AbortError');
      // A worker that stopped, as the pool reports it.
      if (rejected.some((i) => task.fileName === `/f${i}.html`)) throw new Error('The worker stopped.');
      return { ok: false, reason: 'read', unexpected: null };
    },
    async write(file): Promise<ImportOutcome> {
      return { status: 'failed', source: file.path, reason: 'not written' };
    },
    reasonFor: () => ({ reason: 'unreadable' }),
    maxBytes: 200 * MB,
    tooLargeReason: () => {
      tooLargeSaid += 1;
      return { reason: 'too large' };
    },
    maxInFlight: 4,
    largeBytes: MB,
    signal,
    onCurrent: () => undefined,
    onReading: () => undefined,
    onFound: () => undefined,
    onOutcome: (outcome) => {
      (finished ? writtenAfterTheEnd : written).push(outcome.source);
      if (outcome.status === 'failed') reasons.set(outcome.source, outcome.reason);
    },
    onSkipped: () => undefined,
    onUnexpected: () => undefined,
  });
  const failure = await run.then(
    () => null,
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
  finished = true;
  // Anything still on its way would arrive within a large file's reading.
  await new Promise((resolve) => setTimeout(resolve, 3 * readingMs(2 * MB)));
  return { mostAtOnce, mostLargeAtOnce, mostBesideLarge, written, large, failure, writtenAfterTheEnd, reasons, tooLargeSaid };
}

const ordinary = (written: string[], sizes: number[]): string[] => written.filter((file) => sizes[Number(file.slice(2, -5))]! <= MB);

describe('the bulk import pipeline', () => {
  it('reads a large file on a worker of its own beside the ordinary ones, one large file at a time, and writes the ordinary ones in the walk order', async () => {
    const sizes = [3 * MB, 2 * MB, 10_000, 20_000, 4 * MB, 30_000, 40_000, 50_000, 2 * MB, 5 * MB, 60_000, 70_000, 300 * MB];
    const { mostAtOnce, mostLargeAtOnce, mostBesideLarge, written, large, failure, writtenAfterTheEnd } = await importSizes(sizes);
    expect(failure).toBeNull();
    // Not the file above the import's limit: it fails without being read.
    expect(large).toEqual(['/f0.html', '/f1.html', '/f4.html', '/f8.html', '/f9.html']);
    expect(mostLargeAtOnce).toBe(1);
    expect(mostBesideLarge).toBeGreaterThan(1);
    expect(mostAtOnce).toBeLessThanOrEqual(5);
    // Every file once, all before the import ended; the ordinary ones in the walk's order.
    expect([...written].sort()).toEqual(sizes.map((_, i) => `/f${i}.html`).sort());
    expect(ordinary(written, sizes)).toEqual(ordinary(sizes.map((_, i) => `/f${i}.html`), sizes));
    expect(writtenAfterTheEnd).toEqual([]);
  });

  // The sentence's number is formatted with ICU, whose first number format in a process takes
  // 20 ms or more of the thread: an import made it at its start every time.
  it('makes the too-large sentence only for a file over the limit', async () => {
    expect((await importSizes([10_000, 3 * MB, 20_000])).tooLargeSaid).toBe(0);
    const { reasons, tooLargeSaid } = await importSizes([10_000, 300 * MB, 20_000]);
    expect(reasons.get('/f1.html')).toBe('too large');
    expect(tooLargeSaid).toBe(1);
  });

  it('reads up to its limit of small files at once', async () => {
    const { mostAtOnce, mostLargeAtOnce } = await importSizes(Array.from({ length: 12 }, () => 20_000));
    expect(mostAtOnce).toBe(4);
    expect(mostLargeAtOnce).toBe(0);
  });

  it('a file whose reading fails fails alone: every other file is still written once, large or not', async () => {
    const sizes = [10_000, 20_000, 3 * MB, 30_000, 40_000, 50_000, 60_000, 4 * MB, 70_000];
    const { written, reasons, failure } = await importSizes(sizes, { rejected: [1, 7] });
    expect(failure).toBeNull();
    expect([...written].sort()).toEqual(sizes.map((_, i) => `/f${i}.html`).sort());
    expect(reasons.get('/f1.html')).toBe('unreadable');
    expect(reasons.get('/f7.html')).toBe('unreadable');
    expect(reasons.get('/f0.html')).toBe('read');
  });

  it('when the walk fails while a large file is being read, ends only once that file is written', async () => {
    const { failure, written, writtenAfterTheEnd } = await importSizes([10_000, 3 * MB, 20_000, 30_000], { walkFailsAfter: 3 });
    expect(failure).toBe('The folder went away.');
    expect(written).toContain('/f1.html');
    expect(writtenAfterTheEnd).toEqual([]);
  });

  it('when cancelled while a large file is being read, writes nothing more and ends', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 10);
    const { failure, written, writtenAfterTheEnd } = await importSizes([3 * MB, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000], { signal: controller.signal });
    expect(failure).toBeNull();
    expect(written).not.toContain('/f0.html');
    expect(writtenAfterTheEnd).toEqual([]);
  });
});

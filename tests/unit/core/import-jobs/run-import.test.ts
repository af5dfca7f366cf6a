import { describe, expect, it } from 'vitest';
import type { ExtractResult, ExtractTask } from '../../../../electron/core/import-jobs/extract-protocol';
import { runImport } from '../../../../electron/core/import-jobs/run-import';
import type { ImportCandidate } from '../../../../electron/core/library/collect-import-files';
import type { ImportOutcome } from '../../../../electron/shared/models';

const MB = 1024 * 1024;

async function* candidates(list: ImportCandidate[]): AsyncGenerator<ImportCandidate> {
  yield* list;
}

/** Runs an import over files of the given sizes with an extractor that takes a while per file, recording what was read at once. */
async function importSizes(sizes: number[]) {
  const reading = new Set<string>();
  let mostAtOnce = 0;
  let mostLargeAtOnce = 0;
  /** how many files were read at once while a large one was */
  let mostBesideLarge = 0;
  const written: string[] = [];
  /** the files the host was told to read alone, on a fresh worker */
  const alone: string[] = [];
  const sizeOf = new Map(sizes.map((size, i) => [`/f${i}.html`, size]));
  await runImport({
    files: candidates(sizes.map((size, i) => ({ path: `/f${i}.html`, size }))),
    async extract(task: ExtractTask): Promise<ExtractResult> {
      reading.add(task.fileName);
      if (task.alone) alone.push(task.fileName);
      mostAtOnce = Math.max(mostAtOnce, reading.size);
      mostLargeAtOnce = Math.max(mostLargeAtOnce, [...reading].filter((f) => sizeOf.get(f)! > MB).length);
      if ([...reading].some((f) => sizeOf.get(f)! > MB)) mostBesideLarge = Math.max(mostBesideLarge, reading.size);
      await new Promise((resolve) => setTimeout(resolve, 5));
      reading.delete(task.fileName);
      return { ok: false, reason: 'read', unexpected: null };
    },
    async write(file): Promise<ImportOutcome> {
      return { status: 'failed', source: file.path, reason: 'not written' };
    },
    reasonFor: () => ({ reason: 'unreadable' }),
    maxBytes: 200 * MB,
    tooLargeReason: { reason: 'too large' },
    maxInFlight: 4,
    largeBytes: MB,
    signal: new AbortController().signal,
    onCurrent: () => undefined,
    onReading: () => undefined,
    onFound: () => undefined,
    onOutcome: (outcome) => written.push(outcome.source),
    onSkipped: () => undefined,
    onUnexpected: () => undefined,
  });
  return { mostAtOnce, mostLargeAtOnce, mostBesideLarge, written, alone };
}

describe('the bulk import pipeline', () => {
  it('reads several small files at once but a large one alone, and keeps the walk order', async () => {
    const sizes = [3 * MB, 2 * MB, 10_000, 20_000, 4 * MB, 30_000, 40_000, 50_000, 2 * MB, 5 * MB];
    const { mostAtOnce, mostLargeAtOnce, mostBesideLarge, written, alone } = await importSizes(sizes);
    expect(alone).toEqual(['/f0.html', '/f1.html', '/f4.html', '/f8.html', '/f9.html']);
    expect(mostLargeAtOnce).toBe(1);
    expect(mostBesideLarge).toBe(1);
    expect(mostAtOnce).toBeGreaterThan(1);
    expect(mostAtOnce).toBeLessThanOrEqual(4);
    expect(written).toEqual(sizes.map((_, i) => `/f${i}.html`));
  });

  it('reads up to its limit of small files at once', async () => {
    const { mostAtOnce, mostLargeAtOnce } = await importSizes(Array.from({ length: 12 }, () => 20_000));
    expect(mostAtOnce).toBe(4);
    expect(mostLargeAtOnce).toBe(0);
  });
});

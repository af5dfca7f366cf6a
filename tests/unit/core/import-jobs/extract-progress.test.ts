/**
 * A worker's progress on a long file, as it travels to Quire: the message is checked wherever it
 * arrives (a malformed one is dropped, not passed on), and a worker sends at most one every
 * 200 ms however fast the importer reports.
 */
import { describe, expect, it } from 'vitest';
import { readExtractProgress } from '../../../../electron/core/import-jobs/extract-protocol';
import { partBeingRead, throttleProgress } from '../../../../electron/core/import-jobs/progress-throttle';
import type { FileReading } from '../../../../electron/shared/models';

describe('progress messages', () => {
  it('takes a well-formed one, and only its fields', () => {
    expect(readExtractProgress({ type: 'progress', unit: 'chapter', part: 41, parts: 720 })).toEqual({ type: 'progress', unit: 'chapter', part: 41, parts: 720 });
    expect(readExtractProgress({ type: 'progress', unit: 'page', part: 300, parts: 300, extra: 'x'.repeat(1000) })).toEqual({ type: 'progress', unit: 'page', part: 300, parts: 300 });
  });

  it.each([
    ['not an object', 'progress'],
    ['null', null],
    ['another type', { type: 'done', unit: 'chapter', part: 1, parts: 2 }],
    ['an unknown unit', { type: 'progress', unit: 'verse', part: 1, parts: 2 }],
    ['a part past the end', { type: 'progress', unit: 'chapter', part: 3, parts: 2 }],
    ['part 0', { type: 'progress', unit: 'chapter', part: 0, parts: 2 }],
    ['a fraction', { type: 'progress', unit: 'page', part: 1.5, parts: 2 }],
    ['a number as text', { type: 'progress', unit: 'page', part: '1', parts: 2 }],
    ['not a number', { type: 'progress', unit: 'page', part: Number.NaN, parts: 2 }],
    ['an absurd count', { type: 'progress', unit: 'page', part: 1, parts: 1e12 }],
    ['a missing count', { type: 'progress', unit: 'chapter', part: 1 }],
  ])('refuses %s', (_what, message) => {
    expect(readExtractProgress(message)).toBeNull();
  });
});

describe('progress throttle', () => {
  const chapter = (part: number): FileReading => ({ unit: 'chapter', part, parts: 720 });

  it('sends the first report at once, then at most one per interval, dropping those between', () => {
    let now = 1_000;
    const sent: number[] = [];
    const report = throttleProgress((progress) => sent.push(progress.part), { intervalMs: 200, now: () => now });
    // 720 chapters reported over 1.5 s: a chapter every ~2 ms.
    for (let part = 1; part <= 720; part += 1) {
      report(chapter(part));
      now += 2;
    }
    expect(sent[0]).toBe(1);
    // 1,440 ms of reports: the first plus one per 200 ms after it.
    expect(sent).toHaveLength(8);
    expect(sent).toEqual([...sent].sort((a, b) => a - b));
    expect(sent.slice(1).every((part, i) => part - sent[i]! === 100)).toBe(true);
  });

  it('does not repeat the part it sent last', () => {
    let now = 0;
    const sent: FileReading[] = [];
    const report = throttleProgress((progress) => sent.push(progress), { intervalMs: 200, now: () => now });
    report(chapter(5));
    now += 1_000;
    report(chapter(5));
    report(chapter(6));
    expect(sent).toEqual([chapter(5), chapter(6)]);
  });

  it('names the part being read from what an importer counts as done', () => {
    expect(partBeingRead(0, 720)).toBe(1);
    expect(partBeingRead(40, 720)).toBe(41);
    expect(partBeingRead(720, 720)).toBe(720);
  });
});

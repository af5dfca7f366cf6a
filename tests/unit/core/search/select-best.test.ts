/** The best few of many matches, chosen without sorting them all, must be exactly the head of the full sort. */
import { describe, expect, it } from 'vitest';
import { Matches, type Candidate, type SegmentMatches } from '../../../../electron/core/search/run-query';
import { seededRandom } from '../../../../scripts/seeded-random.mjs';

/** Only scores and rows matter to choosing: the segment a match came from is not looked at. */
const NO_SOURCE = {} as SegmentMatches['source'];

const order = (a: Pick<Candidate, 'row' | 'score'>, b: Pick<Candidate, 'row' | 'score'>): number => b.score - a.score || a.row - b.row;

describe('Matches.best', () => {
  it('returns the first results of the full ranking, ties at the cut included, for any count', () => {
    const next = seededRandom(12);
    for (let round = 0; round < 500; round += 1) {
      // Few distinct scores: many ties, as among documents of equal length and counts.
      const distinct = 1 + Math.floor(next() * 20);
      const parts: SegmentMatches[] = [1, 2].map(() => {
        const size = Math.floor(next() * 150);
        const scores = Float64Array.from({ length: size }, () => Math.floor(next() * distinct) / 3);
        const rows = Int32Array.from({ length: size }, () => Math.floor(next() * 100_000));
        return { source: NO_SOURCE, docs: new Int32Array(size), rows, scores, manyInBody: new Uint8Array(size) };
      });
      const matches = new Matches(parts);
      const all = parts.flatMap((part) => [...part.rows].map((row, i) => ({ row, score: part.scores[i]! })));
      const count = Math.floor(next() * (all.length + 3));
      const best = matches.best(count, order).map(({ row, score }) => ({ row, score }));
      expect(best).toEqual([...all].sort(order).slice(0, count));
    }
  });

  it('keeps only what retain says yes to, in order, with its scores', () => {
    const rows = Int32Array.from([5, 6, 7, 8]);
    const matches = new Matches([{ source: NO_SOURCE, docs: Int32Array.from([0, 1, 2, 3]), rows, scores: Float64Array.from([1, 4, 2, 3]), manyInBody: Uint8Array.from([0, 1, 0, 1]) }]);
    matches.retain((row) => row !== 6);
    expect(matches.size).toBe(3);
    expect(matches.best(10, order).map(({ row, score }) => [row, score])).toEqual([[8, 3], [7, 2], [5, 1]]);
    // every column moves with its entry
    expect([...matches.manyInBody.subarray(0, matches.size)]).toEqual([0, 0, 1]);
  });
});

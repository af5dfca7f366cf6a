/** The best few of many ranked candidates, chosen without sorting them all, must be exactly the head of the full sort. */
import { describe, expect, it } from 'vitest';
import { selectBestByScore } from '../../../../electron/core/search/search-filters';
import { seededRandom } from '../../../../scripts/seeded-random.mjs';

interface Ranked {
  ref: string;
  score: number;
}

const order = (a: Ranked, b: Ranked): number => b.score - a.score || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0);

describe('selectBestByScore', () => {
  it('returns the first results of the full ranking, ties at the cut included, for any count', () => {
    const next = seededRandom(12);
    for (let round = 0; round < 500; round += 1) {
      // Few distinct scores: many ties, as among documents of equal length and counts.
      const distinct = 1 + Math.floor(next() * 20);
      const items = Array.from({ length: 1 + Math.floor(next() * 300) }, (_, i) => ({
        ref: `doc-${Math.floor(next() * 1000)}-${i}`,
        score: Math.floor(next() * distinct) / 3,
      }));
      const count = Math.floor(next() * (items.length + 3));
      expect(selectBestByScore(items, count, order)).toEqual([...items].sort(order).slice(0, count));
    }
  });
});

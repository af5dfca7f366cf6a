/**
 * A merge lays out the kept documents' postings exactly as building one segment from them would:
 * the same terms in the same order, the same runs, the same bytes on disk. Removed documents leave
 * nothing behind, not even a term or a field only they held.
 */
import { describe, expect, it } from 'vitest';
import { encodeSegment } from '../../../../electron/core/search/segment-codec';
import { FIELD_COUNT, SegmentBuilder, SHORT_DOCS_MAX, type SegmentData } from '../../../../electron/core/search/segment-data';
import { Segment } from '../../../../electron/core/search/segment';
import { seededRandom } from '../../../support/seeded-random';

interface TestDoc {
  key: string;
  lengths: number[];
  pairs: Uint32Array;
  /** [term, field, count] in the order they are added */
  postings: [string, number, number][];
}

const VOCABULARY = ['whale', 'wha', 'whaler', 'ahab', 'sea', 'Sea', 'ſea', 'été', 'ete', 'über', 'zebra', '日本', '0', 'a'];

function randomDocs(prefix: string, count: number, next: () => number, only: readonly string[] = []): TestDoc[] {
  return Array.from({ length: count }, (_, i) => {
    const postings: [string, number, number][] = [];
    for (let f = 0; f < FIELD_COUNT; f += 1) {
      const words = [...VOCABULARY, ...only].filter(() => next() < 0.4);
      for (const word of [...new Set(words)].sort()) postings.push([word, f, 1 + Math.floor(next() * 300)]);
    }
    return {
      key: `${prefix}${i}`,
      lengths: Array.from({ length: FIELD_COUNT }, () => Math.floor(next() * 500)),
      pairs: Uint32Array.from({ length: Math.floor(next() * 3) }, () => Math.floor(next() * 2 ** 32)),
      postings,
    };
  });
}

/** A builder fed `docs` term by term, as a segment is built: postings ordered by term, then document. */
function built(docs: readonly TestDoc[]): SegmentData {
  const builder = new SegmentBuilder();
  const numbered = docs.map((doc) => ({ doc, number: builder.addDocument(doc.key, doc.lengths, doc.pairs) }));
  const byTerm = new Map<string, [number, number, number][]>();
  for (const { doc, number } of numbered) {
    for (const [term, field, count] of doc.postings) {
      const list = byTerm.get(term) ?? [];
      list.push([field, number, count]);
      byTerm.set(term, list);
    }
  }
  for (const [term, list] of byTerm) for (const [field, number, count] of list) builder.addPosting(term, field, number, count);
  return builder.finish();
}

const loaded = (id: number, docs: readonly TestDoc[]): Segment => Segment.load(id, encodeSegment(built(docs)));

describe('merging segments', () => {
  it.each([1, 2, 3])('gives the bytes one segment of the kept documents would have (seed %i)', (seed) => {
    const next = seededRandom(seed);
    const parts = [randomDocs('a', 30, next, ['only-in-a']), randomDocs('b', 1, next), randomDocs('c', 45, next, ['gone'])];
    const sources = parts.map((docs, i) => loaded(i + 1, docs));
    const kept = parts.map((docs, s) =>
      docs.filter((doc, d) => {
        // Every document holding `gone` is removed, and some others.
        const remove = doc.postings.some(([term]) => term === 'gone') || next() < 0.2;
        if (remove) sources[s]!.remove(d);
        return !remove;
      }),
    );
    expect(kept.flat().length).toBeGreaterThan(20);

    const merged = Segment.merge(9, sources);

    expect(Buffer.from(merged.encode())).toEqual(Buffer.from(encodeSegment(built(kept.flat()))));
    expect(merged.keys).toEqual(kept.flat().map((doc) => doc.key));
    expect(merged.termId('gone')).toBe(-1);
    expect(merged.termId('only-in-a')).not.toBe(-1);
  });

  it('drops the field of a term whose only documents in that field were removed', () => {
    const title = 0;
    const body = FIELD_COUNT - 1;
    const doc = (key: string, postings: [string, number, number][]): TestDoc => ({
      key,
      lengths: new Array<number>(FIELD_COUNT).fill(5),
      pairs: new Uint32Array(0),
      postings,
    });
    const first = loaded(1, [doc('x', [['whale', title, 1], ['whale', body, 2]]), doc('y', [['whale', body, 3]])]);
    const second = loaded(2, [doc('z', [['ahab', body, 1]])]);
    first.remove(0);

    const merged = Segment.merge(3, [first, second]);

    const whale = merged.termId('whale');
    expect(merged.end(whale, title) - merged.start(whale, title)).toBe(0);
    expect(merged.liveDf('whale')).toBe(1);
    expect(merged.liveDf('ahab')).toBe(1);
    expect(Buffer.from(merged.encode())).toEqual(Buffer.from(encodeSegment(built([doc('y', [['whale', body, 3]]), doc('z', [['ahab', body, 1]])]))));
  });

  it('numbers documents in 32 bits once the merged segment holds more than 65,536', () => {
    const body = FIELD_COUNT - 1;
    const many = (prefix: string, count: number, term: string): TestDoc[] =>
      Array.from({ length: count }, (_, i) => ({
        key: `${prefix}${i}`,
        lengths: new Array<number>(FIELD_COUNT).fill(1),
        pairs: new Uint32Array(0),
        postings: i % 1000 === 0 ? [[term, body, 1]] : [],
      }));
    const first = loaded(1, many('a', 40_000, 'whale'));
    const second = loaded(2, many('b', 40_000, 'whale'));

    const merged = Segment.merge(3, [first, second]);

    expect(merged.keys.length).toBeGreaterThan(SHORT_DOCS_MAX);
    expect(merged.data.postingDocs).toBeInstanceOf(Uint32Array);
    const whale = merged.termId('whale');
    const docs = Array.from(merged.data.postingDocs.subarray(merged.start(whale, body), merged.end(whale, body)));
    expect(docs.at(-1)).toBe(40_000 + 39_000);
    expect(docs).toHaveLength(80);
  });
});

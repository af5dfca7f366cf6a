/**
 * A segment's file: what is written is what is read back, every (term, field) run in its place,
 * and a file whose parts disagree is refused rather than read astray.
 */
import { describe, expect, it } from 'vitest';
import { decodeSegment, encodeSegment } from '../../../../electron/core/search/segment-codec';
import { FIELD_COUNT, MAX_TF, SegmentBuilder } from '../../../../electron/core/search/segment-data';
import { Segment } from '../../../../electron/core/search/segment';

/** Three documents; `whale` is in titles and bodies, `ahab` only in one body, `sea` in a tag. */
function sample(): SegmentBuilder {
  const builder = new SegmentBuilder();
  const body = FIELD_COUNT - 1;
  for (let doc = 0; doc < 3; doc += 1) builder.addDocument(`d${doc}`, new Array<number>(FIELD_COUNT).fill(10), new Uint32Array(0));
  builder.addPosting('whale', 0, 0, 1);
  builder.addPosting('whale', body, 0, 4);
  builder.addPosting('whale', body, 2, 1000);
  builder.addPosting('ahab', body, 1, 2);
  builder.addPosting('sea', 3, 2, 1);
  return builder;
}

/** Every (term, field) run of a segment as [term, field, [doc, count]…]. */
function runs(segment: Segment): [string, number, number[][]][] {
  const out: [string, number, number[][]][] = [];
  for (const term of ['ahab', 'sea', 'whale']) {
    const id = segment.termId(term);
    for (let f = 0; f < FIELD_COUNT; f += 1) {
      const postings: number[][] = [];
      for (let p = segment.start(id, f); p < segment.end(id, f); p += 1) postings.push([segment.data.postingDocs[p]!, segment.data.postingTfs[p]!]);
      if (postings.length > 0) out.push([term, f, postings]);
    }
  }
  return out;
}

describe('segment files', () => {
  it('read back every run in its field, and nothing in the fields a term is not in', () => {
    const body = FIELD_COUNT - 1;
    const loaded = Segment.load(1, encodeSegment(sample().finish()));
    expect(runs(loaded)).toEqual([
      ['ahab', body, [[1, 2]]],
      ['sea', 3, [[2, 1]]],
      ['whale', 0, [[0, 1]]],
      // a count beyond where BM25 saturates is kept as the largest stored
      ['whale', body, [[0, 4], [2, MAX_TF]]],
    ]);
    expect(loaded.liveDf('whale')).toBe(3);
    expect(loaded.liveDf('ahab')).toBe(1);
    expect(loaded.liveDf('moby')).toBe(0);
  });

  it('refuse a file whose terms name other fields than their runs', () => {
    const data = sample().finish();
    data.termFields[0] = data.termFields[0]! | 1;
    expect(() => decodeSegment(encodeSegment(data))).toThrow('segment runs do not match their fields');
  });

  it('refuse a file cut short', () => {
    const bytes = encodeSegment(sample().finish());
    expect(() => decodeSegment(bytes.subarray(0, bytes.length - 8))).toThrow();
  });
});

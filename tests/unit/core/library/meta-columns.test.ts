/**
 * The metadata cache's columns (meta-columns.ts): every entry comes back with exactly the fields it
 * had, in its own order where the entries' orders agree, and with its fields and values where
 * they do not.
 */
import { describe, expect, it } from 'vitest';
import type { FileStamp } from '../../../../electron/core/fs/stat-stamp';
import { MetaColumns, toColumns } from '../../../../electron/core/library/meta-columns';
import type { ArticleMeta } from '../../../../electron/shared/models';

const stamp = (n: number): FileStamp => ({ size: n, mtimeMs: n + 0.5, ctimeMs: n + 0.25, ino: 1000 + n });
const entries = (metas: Record<string, unknown>[]) =>
  new Map(metas.map((meta, i) => [String(meta.id), { stamp: stamp(i), meta: meta as unknown as ArticleMeta }]));
const roundTrip = (metas: Record<string, unknown>[]) => {
  const read = MetaColumns.of(JSON.parse(JSON.stringify(toColumns(entries(metas)))))!;
  return metas.map((meta) => read.metaOf(String(meta.id)));
};

describe('the metadata columns', () => {
  it('give each entry back with its own fields in its own order, optional ones where they were', () => {
    // The first entry lacks the optional fields: an order of first appearance would put them last.
    const metas = [
      { id: 'two', title: 'Two', wordCount: 4 },
      { id: 'one', title: 'One', lastReadAt: '2024-01-02', wordCount: 3 },
      { id: 'three', title: 'Three', wordCount: 5, cover: 'assets/c.png' },
      { id: 'four', title: 'Four', lastReadAt: '2024-01-03', wordCount: 6, cover: 'assets/d.png' },
    ];
    expect(roundTrip(metas).map((meta) => JSON.stringify(meta))).toEqual(metas.map((meta) => JSON.stringify(meta)));
  });

  it('keep every field and value of entries whose orders disagree', () => {
    const metas = [
      { id: 'one', title: 'One', wordCount: 3 },
      { wordCount: 4, id: 'two', title: 'Two' },
    ];
    expect(roundTrip(metas)).toEqual(metas);
  });

  it('give each entry its stamp, and nothing for an id they do not hold', () => {
    const read = MetaColumns.of(toColumns(entries([{ id: 'one' }, { id: 'two' }])))!;
    expect(read.stampOf('two')).toEqual(stamp(1));
    expect(read.stampOf('three')).toBeNull();
    expect(read.metaOf('three')).toBeNull();
    expect(read.metaOf('__proto__')).toBeNull();
  });

  it('refuse columns not in the shape they are written in', () => {
    const good = toColumns(entries([{ id: 'one', title: 'One' }, { id: 'two', title: 'Two', cover: 'assets/x.png' }]));
    expect(MetaColumns.of(good)).not.toBeNull();
    for (const bad of [
      null,
      [],
      { ...good, ids: ['one', 2] },
      { ...good, stamps: [...good.stamps, 1] },
      { ...good, stamps: good.stamps.map(String) },
      { ...good, columns: [{ key: 'title', values: ['only one'] }] },
      { ...good, columns: [{ key: 'cover', values: ['a'], at: [2] }] },
      { ...good, columns: [{ key: 'cover', values: ['a'], at: [0.5] }] },
      { ...good, columns: [{ key: 'cover', values: ['a', 'b'], at: [0] }] },
      { ...good, columns: [{ key: 7, values: ['a', 'b'] }] },
    ]) {
      expect(MetaColumns.of(bad)).toBeNull();
    }
  });
});

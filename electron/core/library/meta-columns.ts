/**
 * The metadata cache's entries as columns (meta-cache.ts): the ids, then every stamp as one array
 * of numbers, then one array of values per field. Parsing 10,000 objects of twenty named fields
 * each took V8 five times as long as parsing the same values as arrays (the field names alone were
 * a quarter of the file); an entry's object is made only when its stamp says it can be used.
 *
 * A field some entries lack (an optional one: `lastReadAt`, `cover`) is stored with the positions
 * of the entries that have it, so an entry made again has exactly the fields it had, in the same
 * order: the columns are in an order every entry's own fields follow (article.json is read through
 * its schema, so they all follow the schema's).
 */
import type { ArticleMeta } from '../../shared/models';
import type { FileStamp } from '../fs/stat-stamp';

/** One field: every entry's value in order, or (`at`) only the entries that have it, by position. */
interface StoredColumn {
  key: string;
  values: unknown[];
  at?: number[];
}

/** What the cache file holds after its header (a type, not an interface: the file's frame takes any record). */
export type StoredColumns = {
  ids: string[];
  /** size, mtimeMs, ctimeMs, ino of each entry in turn */
  stamps: number[];
  columns: StoredColumn[];
};

const STAMP_FIELDS = 4;

/** The entries as columns, to be written. */
export function toColumns(entries: ReadonlyMap<string, { stamp: FileStamp; meta: ArticleMeta }>): StoredColumns {
  const ids: string[] = [];
  const stamps: number[] = [];
  const metas: Record<string, unknown>[] = [];
  for (const [id, { stamp, meta }] of entries) {
    ids.push(id);
    stamps.push(stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino);
    metas.push(meta as unknown as Record<string, unknown>);
  }
  const columns = fieldOrder(metas).map((key): StoredColumn => {
    const having = metas.flatMap((meta, position) => (Object.hasOwn(meta, key) ? [position] : []));
    if (having.length === metas.length) return { key, values: metas.map((meta) => meta[key]) };
    return { key, values: having.map((position) => metas[position]![key]), at: having };
  });
  return { ids, stamps, columns };
}

/**
 * Every field name, in an order each object's own fields follow where one can be found (the
 * objects' orders are all parts of the schema's); objects that disagree keep their fields and
 * values, only not their order.
 */
function fieldOrder(objects: readonly Record<string, unknown>[]): string[] {
  const firstSeen: string[] = [];
  const after = new Map<string, Set<string>>();
  const before = new Map<string, number>();
  for (const object of objects) {
    let previous: string | null = null;
    for (const key of Object.keys(object)) {
      if (!after.has(key)) {
        after.set(key, new Set());
        before.set(key, 0);
        firstSeen.push(key);
      }
      const follows: Set<string> | undefined = previous === null ? undefined : after.get(previous);
      if (follows && !follows.has(key)) {
        follows.add(key);
        before.set(key, before.get(key)! + 1);
      }
      previous = key;
    }
  }
  // Kahn's order, ties by first appearance.
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < firstSeen.length) {
    const next = firstSeen.find((key) => !placed.has(key) && before.get(key) === 0) ?? firstSeen.find((key) => !placed.has(key))!;
    placed.add(next);
    order.push(next);
    for (const key of after.get(next)!) before.set(key, before.get(key)! - 1);
  }
  return order;
}

/** The stored columns, read: an entry's stamp and metadata by id. */
export class MetaColumns {
  private constructor(
    private readonly positions: ReadonlyMap<string, number>,
    private readonly stamps: readonly number[],
    private readonly columns: readonly { key: string; values: readonly unknown[]; positionIn: Int32Array | null }[],
  ) {}

  /** The columns as stored, or null when they are not in the shape this Quire writes. */
  static of(stored: unknown): MetaColumns | null {
    if (typeof stored !== 'object' || stored === null) return null;
    const { ids, stamps, columns } = stored as Partial<StoredColumns>;
    if (!Array.isArray(ids) || !Array.isArray(stamps) || !Array.isArray(columns)) return null;
    if (stamps.length !== ids.length * STAMP_FIELDS || !stamps.every((n) => typeof n === 'number')) return null;
    const positions = new Map<string, number>();
    for (const [position, id] of ids.entries()) {
      if (typeof id !== 'string') return null;
      positions.set(id, position);
    }
    const read = [];
    for (const column of columns as unknown[]) {
      const { key, values, at } = (column ?? {}) as Partial<StoredColumn>;
      // `__proto__` would set the prototype of every object made from the columns, not a field.
      if (typeof key !== 'string' || key === '__proto__' || !Array.isArray(values)) return null;
      if (at === undefined) {
        if (values.length !== ids.length) return null;
        read.push({ key, values, positionIn: null });
        continue;
      }
      if (!Array.isArray(at) || at.length !== values.length) return null;
      const positionIn = new Int32Array(ids.length).fill(-1);
      for (const [index, position] of at.entries()) {
        if (!Number.isInteger(position) || position < 0 || position >= ids.length) return null;
        positionIn[position] = index;
      }
      read.push({ key, values, positionIn });
    }
    return new MetaColumns(positions, stamps, read);
  }

  get size(): number {
    return this.positions.size;
  }

  /** Whether there is an entry for `id`. */
  holds(id: string): boolean {
    return this.positions.has(id);
  }

  /** The entry's stamp, or null when there is no entry for `id`. */
  stampOf(id: string): FileStamp | null {
    const position = this.positions.get(id);
    if (position === undefined) return null;
    const at = position * STAMP_FIELDS;
    const s = this.stamps;
    return { size: s[at]!, mtimeMs: s[at + 1]!, ctimeMs: s[at + 2]!, ino: s[at + 3]! };
  }

  /** The entry's metadata as it was stored (checked against the schema when read from its file, not again). */
  metaOf(id: string): Record<string, unknown> | null {
    const position = this.positions.get(id);
    if (position === undefined) return null;
    const meta: Record<string, unknown> = {};
    for (const { key, values, positionIn } of this.columns) {
      if (positionIn === null) meta[key] = values[position];
      else if (positionIn[position]! >= 0) meta[key] = values[positionIn[position]!];
    }
    return meta;
  }
}

/** The filters and orders of SearchOptions, applied to ranked candidates before snippets are built. */
import type { SearchOptions, SearchSort } from '../../shared/models';
import type { DocColumns } from './manifest';

/** Days compare as strings: `date` is ISO, so its first ten characters are the day. */
const dayOf = (date: string | null): string | null => (date === null ? null : date.slice(0, 10));

export function hasFilters(options: SearchOptions): boolean {
  return (
    (options.tags?.length ?? 0) > 0 ||
    (options.formats?.length ?? 0) > 0 ||
    (options.languages?.length ?? 0) > 0 ||
    options.from !== undefined ||
    options.to !== undefined
  );
}

/** Whether the document in `row` of the table's columns passes the filters. */
export function matchesFilters(columns: DocColumns, row: number, options: SearchOptions): boolean {
  if (options.tags !== undefined && options.tags.length > 0) {
    const tags = new Set(columns.tags[row]!.map((tag) => tag.toLowerCase()));
    if (!options.tags.every((tag) => tags.has(tag.toLowerCase()))) return false;
  }
  if (options.formats !== undefined && options.formats.length > 0) {
    const format = columns.format[row]!;
    if (format === null || !(options.formats as string[]).includes(format)) return false;
  }
  if (options.languages !== undefined && options.languages.length > 0) {
    const language = columns.language[row]!;
    if (language === null || !options.languages.some((lang) => lang.toLowerCase() === language)) return false;
  }
  if (options.from !== undefined || options.to !== undefined) {
    const day = dayOf(columns.date[row]!);
    if (day === null) return false;
    if (options.from !== undefined && day < options.from) return false;
    if (options.to !== undefined && day > options.to) return false;
  }
  return true;
}

/** A ranked candidate: its document's row and score. */
interface Ranked {
  row: number;
  score: number;
}

/**
 * Best first, or newest first (undated last, then by score). Equal scores go to the article read
 * most recently (`readRank`: 0 for the last one read; unread articles after every read one), then
 * to the document's ref: a stable order that does not depend on how the index is split into
 * segments. The table's columns are read only when needed (ties, dates).
 */
export function hitOrder(
  sort: SearchSort,
  columns: Pick<DocColumns, 'ref' | 'articleId' | 'date'>,
  readRank: ReadonlyMap<string, number> = new Map(),
): (a: Ranked, b: Ranked) => number {
  const rankOf = (row: number): number => readRank.get(columns.articleId[row]!) ?? Infinity;
  const byRef = (a: Ranked, b: Ranked): number => {
    const ra = columns.ref[a.row]!;
    const rb = columns.ref[b.row]!;
    return ra < rb ? -1 : ra > rb ? 1 : 0;
  };
  const tie = (a: Ranked, b: Ranked): number => {
    if (readRank.size > 0) {
      const ra = rankOf(a.row);
      const rb = rankOf(b.row);
      if (ra !== rb) return ra < rb ? -1 : 1;
    }
    return byRef(a, b);
  };
  if (sort === 'date') {
    return (a, b) => {
      const da = columns.date[a.row] ?? '';
      const db = columns.date[b.row] ?? '';
      if (da !== db) return da < db ? 1 : -1;
      return b.score - a.score || tie(a, b);
    };
  }
  return (a, b) => b.score - a.score || tie(a, b);
}

/**
 * The first `count` of `items` in `order`, sorted: a bounded heap, O(n log count) instead of
 * sorting every candidate of a common word (thousands) to show 20.
 */
export function selectBest<T>(items: readonly T[], count: number, order: (a: T, b: T) => number): T[] {
  if (count >= items.length) return [...items].sort(order);
  // A heap whose root is the worst of the best found so far.
  const heap: T[] = [];
  const worse = (i: number, j: number): boolean => order(heap[i]!, heap[j]!) > 0;
  const swap = (i: number, j: number): void => {
    const t = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = t;
  };
  const down = (from: number): void => {
    let i = from;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < heap.length && worse(l, top)) top = l;
      if (r < heap.length && worse(r, top)) top = r;
      if (top === i) return;
      swap(i, top);
      i = top;
    }
  };
  for (const item of items) {
    if (heap.length < count) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0 && worse(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
    } else if (count > 0 && order(item, heap[0]!) < 0) {
      heap[0] = item;
      down(0);
    }
  }
  return heap.sort(order);
}

/** One heap for `largest`, reused: it is asked once or twice per query. */
let largestHeap = new Float64Array(256);

/**
 * The `rank`-th largest (1 = the largest) of values[0, length), found with a heap of the `rank`
 * largest so far, its smallest at the root: most values are below the root and cost one
 * comparison. (A quickselect over a copy compared and moved each value several times: with a
 * common word's scores over most of a 100,000-article library it was an eighth of the query.)
 */
export function largest(values: Float64Array, rank: number, length = values.length): number {
  if (rank < 1 || rank > length) throw new RangeError(`no ${rank}th largest of ${length} values`);
  if (largestHeap.length < rank) largestHeap = new Float64Array(Math.max(rank, largestHeap.length * 2));
  const heap = largestHeap;
  let size = 0;
  for (let i = 0; i < length; i += 1) {
    const value = values[i]!;
    if (size < rank) {
      // Up from the new leaf while its parent is larger.
      let at = size;
      size += 1;
      while (at > 0 && heap[(at - 1) >> 1]! > value) {
        heap[at] = heap[(at - 1) >> 1]!;
        at = (at - 1) >> 1;
      }
      heap[at] = value;
    } else if (value > heap[0]!) {
      // The root leaves; the value goes down from the root while a child is smaller.
      let at = 0;
      for (;;) {
        const left = 2 * at + 1;
        if (left >= size) break;
        const child = left + 1 < size && heap[left + 1]! < heap[left]! ? left + 1 : left;
        if (heap[child]! >= value) break;
        heap[at] = heap[child]!;
        at = child;
      }
      heap[at] = value;
    }
  }
  return heap[0]!;
}

/**
 * The compact form of one segment: a sorted term list and, per (term, field), a run of
 * (document, count) postings in flat typed arrays. This replaces a Lunr index per segment: Lunr's
 * `Index.load` rebuilt a TokenSet of the whole vocabulary and held every posting as an object, so
 * opening 10,000 articles took seconds and hundreds of MB (docs/research/lunr.md §A5, docs/benchmarks.md); typed
 * arrays load as views over the file's bytes. Built from analyzed documents or from other
 * segments' postings (merges), never from text.
 */
import type { AnalyzedDoc } from './analyzed-doc';
import { INDEX_FIELDS } from './search-fields';

export const FIELD_COUNT = INDEX_FIELDS.length;
/**
 * Counts above this are stored as this: BM25 has long saturated (k1 1.2: a word 255 times in a
 * field scores within half a percent of a word there a thousand times), and 8 bits instead of
 * 16 are a quarter of a posting's bytes (about 24 MB in a 100,000-article library).
 */
export const MAX_TF = 0xff;

export interface SegmentData {
  /** document number → document key */
  keys: string[];
  /** sorted by UTF-16 code units (JavaScript's `<`) */
  terms: TermList;
  /**
   * Which fields each term occurs in (bit f for field f). Only those fields have a run: most terms
   * occur in the body alone, and an offset per (term, field) for all six fields was three times
   * the size (22 MB of a 100,000-article index).
   */
  termFields: Uint8Array;
  /** term t's runs are runStart[termRuns[t]] … runStart[termRuns[t + 1]], one per field of termFields[t], in field order */
  termRuns: Uint32Array;
  /** run r's postings are [runStart[r], runStart[r + 1]) of postingDocs / postingTfs */
  runStart: Uint32Array;
  /** document numbers, ascending within each run: 16 bits when the segment has at most 65,536 documents */
  postingDocs: PostingDocs;
  /** the term's count in that field of that document, at most MAX_TF */
  postingTfs: Uint8Array;
  /**
   * field length (terms) of document d, field f, at f·keys+d: field by field, so a run's postings
   * (one field, documents ascending) read their lengths close together (document by document,
   * each posting's length was in another cache line, the slowest read of a query's scoring)
   */
  lengths: Uint32Array;
  /** document d's next-word filter (pair-filter.ts) is pairBits[pairStart[d], pairStart[d+1]) */
  pairStart: Uint32Array;
  pairBits: Uint32Array;
}

/**
 * The index in runStart of (term t, field f)'s run: the term's runs are in field order, so this
 * field's comes after one per lower field the term occurs in. When the term is not in the field,
 * runStart there is where such a run would begin, so [start, start) is its empty run.
 */
export function runIndex(data: SegmentData, t: number, f: number): number {
  return data.termRuns[t]! + bitsBelow(data.termFields[t]!, f);
}

/** How many of the bits below bit `f` are set. */
function bitsBelow(mask: number, f: number): number {
  return bitCount(mask & ((1 << f) - 1));
}

/** How many bits are set (a term's field mask: at most FIELD_COUNT). */
export function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count += 1;
  return count;
}

export type PostingDocs = Uint16Array | Uint32Array;

/**
 * Most segments hold at most 65,536 documents: their document numbers take 16 bits, a third of a
 * posting's bytes (about 45 MB in a 100,000-article library).
 */
export const SHORT_DOCS_MAX = 0x10000;

/** Postings of one term while a segment is being built: per field, [doc, tf, doc, tf, …]. */
type Pending = (number[] | undefined)[];

/** Collects postings in ascending document order, then lays them out as SegmentData. */
export class SegmentBuilder {
  private readonly keys: string[] = [];
  /** per field, the documents' lengths in document order */
  private readonly lengths: number[][] = Array.from({ length: FIELD_COUNT }, () => []);
  private readonly pairFilters: Uint32Array[] = [];
  private readonly postings = new Map<string, Pending>();
  private postingCount = 0;

  get documentCount(): number {
    return this.keys.length;
  }

  /** Adds a document and returns its number; its postings must be added before the next one's. */
  addDocument(key: string, lengths: ArrayLike<number>, pairFilter: Uint32Array): number {
    const doc = this.keys.length;
    this.keys.push(key);
    this.pairFilters.push(pairFilter);
    for (let f = 0; f < FIELD_COUNT; f += 1) this.lengths[f]!.push(lengths[f] ?? 0);
    return doc;
  }

  addPosting(term: string, field: number, doc: number, tf: number): void {
    let pending = this.postings.get(term);
    if (pending === undefined) this.postings.set(term, (pending = new Array<number[] | undefined>(FIELD_COUNT)));
    let list = pending[field];
    if (list === undefined) pending[field] = list = [];
    list.push(doc, Math.min(tf, MAX_TF));
    this.postingCount += 1;
  }

  addAnalyzed(key: string, doc: AnalyzedDoc): void {
    const number = this.addDocument(
      key,
      INDEX_FIELDS.map((field) => doc[field].length),
      doc.body.pairFilter ?? new Uint32Array(0),
    );
    INDEX_FIELDS.forEach((field, f) => {
      const { terms, counts } = doc[field];
      for (let i = 0; i < terms.length; i += 1) this.addPosting(terms[i]!, f, number, counts[i]!);
    });
  }

  /**
   * Lays the segment out: the postings added one by one, or `merged` (segment-merge.ts), laid out
   * already from other segments' postings for the documents added here.
   */
  finish(merged?: SegmentPostings): SegmentData {
    if (merged !== undefined && this.postingCount > 0) throw new Error('A merged segment takes its postings from its sources alone.');
    const pairStart = new Uint32Array(this.keys.length + 1);
    this.pairFilters.forEach((filter, doc) => {
      pairStart[doc + 1] = pairStart[doc]! + filter.length;
    });
    const pairBits = new Uint32Array(pairStart[this.keys.length]!);
    this.pairFilters.forEach((filter, doc) => pairBits.set(filter, pairStart[doc]));
    return {
      keys: this.keys,
      ...(merged ?? this.layOutPostings()),
      lengths: Uint32Array.from(this.lengths.flat()),
      pairStart,
      pairBits,
    };
  }

  private layOutPostings(): SegmentPostings {
    const terms = [...this.postings.keys()].sort();
    const termFields = new Uint8Array(terms.length);
    const termRuns = new Uint32Array(terms.length + 1);
    const runs: number[] = [];
    const postingDocs = newPostingDocs(this.keys.length, this.postingCount);
    const postingTfs = new Uint8Array(this.postingCount);
    let at = 0;
    terms.forEach((term, t) => {
      const pending = this.postings.get(term)!;
      termRuns[t] = runs.length;
      for (let f = 0; f < FIELD_COUNT; f += 1) {
        const list = pending[f];
        if (list === undefined) continue;
        termFields[t] = termFields[t]! | (1 << f);
        runs.push(at);
        for (let i = 0; i < list.length; i += 2) {
          postingDocs[at] = list[i]!;
          postingTfs[at] = list[i + 1]!;
          at += 1;
        }
      }
    });
    termRuns[terms.length] = runs.length;
    runs.push(at);
    return { terms: TermList.from(terms), termFields, termRuns, runStart: Uint32Array.from(runs), postingDocs, postingTfs };
  }
}

/** The part of a segment that says which documents hold which terms. */
export type SegmentPostings = Pick<SegmentData, 'terms' | 'termFields' | 'termRuns' | 'runStart' | 'postingDocs' | 'postingTfs'>;

/** Document numbers for `count` postings in a segment of `documents` documents. */
export function newPostingDocs(documents: number, count: number): PostingDocs {
  return documents <= SHORT_DOCS_MAX ? new Uint16Array(count) : new Uint32Array(count);
}

/**
 * A sorted term list kept as one string and the offsets where each term starts: a loaded segment
 * has hundreds of thousands of terms, and splitting them into strings was most of the time of
 * decoding a segment and a large part of the heap. Lookups compare in place.
 */
export class TermList {
  constructor(
    /** the terms, concatenated */
    readonly text: string,
    /** term i is text[starts[i], starts[i + 1]) (UTF-16 offsets) */
    readonly starts: Uint32Array,
  ) {}

  static from(sorted: readonly string[]): TermList {
    const starts = new Uint32Array(sorted.length + 1);
    let at = 0;
    sorted.forEach((term, i) => {
      starts[i] = at;
      at += term.length;
    });
    starts[sorted.length] = at;
    return new TermList(sorted.join(''), starts);
  }

  get count(): number {
    return this.starts.length - 1;
  }

  at(i: number): string {
    return this.text.slice(this.starts[i], this.starts[i + 1]);
  }

  /** Term i compared with `term` by code units, as `<` compares strings: negative, 0 or positive. */
  compare(i: number, term: string): number {
    const start = this.starts[i]!;
    const length = this.starts[i + 1]! - start;
    const shared = Math.min(length, term.length);
    for (let k = 0; k < shared; k += 1) {
      const diff = this.text.charCodeAt(start + k) - term.charCodeAt(k);
      if (diff !== 0) return diff;
    }
    return length - term.length;
  }

  startsWith(i: number, prefix: string): boolean {
    const start = this.starts[i]!;
    return this.starts[i + 1]! - start >= prefix.length && this.text.startsWith(prefix, start);
  }

  /** The first index whose term is ≥ `term`. */
  lowerBound(term: string): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.compare(mid, term) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  indexOf(term: string): number {
    const at = this.lowerBound(term);
    return at < this.count && this.compare(at, term) === 0 ? at : -1;
  }
}

/**
 * One immutable piece of the index (segment-data.ts), used to find which documents hold which
 * index terms and how often. Ranking happens outside (bm25.ts) with library-wide statistics, so a
 * document scores the same whichever segment holds it (docs/research/lunr.md §C). Deleting or replacing a
 * document only hides it here (a tombstone); merges leave hidden documents out.
 */
import type { AnalyzedDoc } from './analyzed-doc';
import { INDEX_FIELDS, type IndexField } from './search-fields';
import { decodeSegment, encodeSegment } from './segment-codec';
import { FIELD_COUNT, runIndex, SegmentBuilder, type SegmentData } from './segment-data';
import { withinEditDistance } from './edit-distance';
import { mayHoldPairs } from './pair-filter';
import { mergePostings } from './segment-merge';

export type FieldLengths = Record<IndexField, number>;

export const zeroLengths = (): FieldLengths =>
  Object.fromEntries(INDEX_FIELDS.map((field) => [field, 0])) as FieldLengths;

export const FIELD_NUMBER: Readonly<Record<IndexField, number>> = Object.fromEntries(
  INDEX_FIELDS.map((field, i) => [field, i]),
) as Record<IndexField, number>;

export class Segment {
  /**
   * document number → the row of the engine's document table (doc-table.ts), -1 until the engine
   * places it: a match carries its row, so no lookup by key is needed per candidate
   */
  readonly rows: Int32Array;
  /** 1 for documents removed since the segment was built: their matches are ignored */
  private readonly removed: Uint8Array;
  private removedCount = 0;
  private readonly lengths = zeroLengths();
  private readonly removedLengths = zeroLengths();
  /** how many documents have something in each field (and how many of those were removed) */
  private readonly filled = zeroLengths();
  private readonly removedFilled = zeroLengths();
  /** document frequencies without the removed documents, per term id (only once some are) */
  private readonly liveDfCache = new Map<number, number>();

  private constructor(
    readonly id: number,
    readonly data: SegmentData,
  ) {
    this.rows = new Int32Array(data.keys.length).fill(-1);
    this.removed = new Uint8Array(data.keys.length);
    for (let doc = 0; doc < data.keys.length; doc += 1) {
      for (let f = 0; f < FIELD_COUNT; f += 1) {
        const length = this.fieldLength(doc, f);
        this.lengths[INDEX_FIELDS[f]!] += length;
        if (length > 0) this.filled[INDEX_FIELDS[f]!] += 1;
      }
    }
  }

  /** A segment of analyzed documents, each with its key and its row in the engine's table. */
  static build(id: number, docs: Iterable<{ key: string; row: number; analyzed: AnalyzedDoc }>): Segment {
    const builder = new SegmentBuilder();
    const rows: number[] = [];
    for (const { key, row, analyzed } of docs) {
      builder.addAnalyzed(key, analyzed);
      rows.push(row);
    }
    const segment = new Segment(id, builder.finish());
    segment.rows.set(rows);
    return segment;
  }

  /** One segment of the live documents of several, from their postings (no text needed). */
  static merge(id: number, sources: readonly Segment[]): Segment {
    const builder = new SegmentBuilder();
    const renumbered = sources.map((source) => {
      const numbers = new Int32Array(source.data.keys.length).fill(-1);
      source.data.keys.forEach((key, doc) => {
        if (source.removed[doc] === 1) return;
        numbers[doc] = builder.addDocument(
          key,
          INDEX_FIELDS.map((_field, f) => source.fieldLength(doc, f)),
          source.pairFilter(doc),
        );
      });
      return numbers;
    });
    const rows = new Int32Array(builder.documentCount);
    sources.forEach((source, s) => {
      const numbers = renumbered[s]!;
      for (let doc = 0; doc < numbers.length; doc += 1) if (numbers[doc] !== -1) rows[numbers[doc]!] = source.rows[doc]!;
    });
    const postings = mergePostings(
      sources.map((source, s) => ({ data: source.data, numbers: renumbered[s]! })),
      builder.documentCount,
    );
    const merged = new Segment(id, builder.finish(postings));
    merged.rows.set(rows);
    return merged;
  }

  /** Throws if the bytes are not a consistent segment; the caller treats that like a bad checksum. */
  static load(id: number, bytes: Uint8Array): Segment {
    return new Segment(id, decodeSegment(bytes));
  }

  encode(): Buffer {
    return encodeSegment(this.data);
  }

  /** The document keys this segment was built with, removed ones included. */
  get keys(): readonly string[] {
    return this.data.keys;
  }

  isLive(doc: number): boolean {
    return this.removed[doc] === 0;
  }

  keyOf(doc: number): string {
    return this.data.keys[doc]!;
  }

  get liveCount(): number {
    return this.data.keys.length - this.removedCount;
  }

  /** Sum of field lengths over the documents still live. */
  liveLength(field: IndexField): number {
    return this.lengths[field] - this.removedLengths[field];
  }

  /** How many live documents have something in the field. */
  liveFilled(field: IndexField): number {
    return this.filled[field] - this.removedFilled[field];
  }

  /** The document's next-word filter (pair-filter.ts): a view, empty when unknown. */
  pairFilter(doc: number): Uint32Array {
    const { pairStart, pairBits } = this.data;
    return pairBits.subarray(pairStart[doc], pairStart[doc + 1]);
  }

  /** False when the document cannot hold a phrase with these neighbouring pairs (pair-filter.ts). */
  mayHoldPairs(doc: number, pairs: readonly number[]): boolean {
    const { pairStart, pairBits } = this.data;
    return mayHoldPairs(pairBits, pairs, pairStart[doc], pairStart[doc + 1]);
  }

  fieldLength(doc: number, field: number): number {
    return this.data.lengths[field * this.data.keys.length + doc]!;
  }

  termId(term: string): number {
    return this.data.terms.indexOf(term);
  }

  term(id: number): string {
    return this.data.terms.at(id);
  }

  /** Postings of (term, field): indexes into data.postingDocs / postingTfs. */
  start(termId: number, field: number): number {
    return this.data.runStart[runIndex(this.data, termId, field)]!;
  }

  end(termId: number, field: number): number {
    const run = runIndex(this.data, termId, field);
    const present = (this.data.termFields[termId]! & (1 << field)) !== 0;
    return this.data.runStart[present ? run + 1 : run]!;
  }

  /** Number of (field, live document) pairs containing the term — Lunr's own idf count. */
  liveDf(term: string): number {
    const id = this.termId(term);
    return id === -1 ? 0 : this.liveDfOf(id);
  }

  liveDfOf(id: number): number {
    const first = this.start(id, 0);
    const last = this.end(id, FIELD_COUNT - 1);
    if (this.removedCount === 0) return last - first;
    let df = this.liveDfCache.get(id);
    if (df === undefined) {
      df = 0;
      const { postingDocs } = this.data;
      for (let p = first; p < last; p += 1) if (this.removed[postingDocs[p]!] === 0) df += 1;
      this.liveDfCache.set(id, df);
    }
    return df;
  }

  /**
   * The term ids a query term stands for: itself if present, every term it begins (prefix,
   * a range of the sorted list), or every term within the edit distance. `anchored`: only terms
   * with the same first letter (the automatic typo retry: a typo is rarely the first letter, and
   * comparing with the terms of one letter is a small part of the vocabulary's cost).
   */
  expand(term: string, prefix: boolean, editDistance: number, anchored = false): number[] {
    const { terms } = this.data;
    if (editDistance > 0) {
      const out: number[] = [];
      const from = anchored ? terms.lowerBound(term.charAt(0)) : 0;
      for (let t = from; t < terms.count; t += 1) {
        if (anchored && !terms.startsWith(t, term.charAt(0))) break;
        const length = terms.starts[t + 1]! - terms.starts[t]!;
        if (Math.abs(length - term.length) <= editDistance && withinEditDistance(term, terms.at(t), editDistance)) out.push(t);
      }
      return out;
    }
    if (!prefix) {
      const id = this.termId(term);
      return id === -1 ? [] : [id];
    }
    const out: number[] = [];
    for (let t = terms.lowerBound(term); t < terms.count && terms.startsWith(t, term); t += 1) out.push(t);
    return out;
  }

  /** Hides a document: its matches are dropped and it no longer counts in the statistics. */
  remove(doc: number): void {
    if (doc < 0 || doc >= this.removed.length || this.removed[doc] === 1) return;
    this.removed[doc] = 1;
    this.removedCount += 1;
    this.liveDfCache.clear();
    INDEX_FIELDS.forEach((field, f) => {
      const length = this.fieldLength(doc, f);
      this.removedLengths[field] += length;
      if (length > 0) this.removedFilled[field] += 1;
    });
  }

  /** The live documents as they were analyzed, by document number, rebuilt from the postings (to rebuild a tail). */
  analyzedDocs(): Map<number, AnalyzedDoc> {
    const docs = new Map<number, AnalyzedDoc>();
    this.data.keys.forEach((_key, doc) => {
      if (this.removed[doc] === 1) return;
      const analyzed = {} as AnalyzedDoc;
      INDEX_FIELDS.forEach((field, f) => {
        analyzed[field] = { length: this.fieldLength(doc, f), terms: [], counts: [] };
      });
      // A copy: a view would keep this segment's whole file in memory after the tail is rebuilt.
      analyzed.body.pairFilter = this.pairFilter(doc).slice();
      docs.set(doc, analyzed);
    });
    this.forEachPosting((term, f, doc, tf) => {
      const field = docs.get(doc)?.[INDEX_FIELDS[f]!];
      if (field === undefined) return;
      field.terms.push(term);
      field.counts.push(tf);
    });
    return docs;
  }

  /** Every posting, removed documents' included, term by term in sorted order, then field by field. */
  private forEachPosting(visit: (term: string, field: number, doc: number, tf: number) => void): void {
    const { terms, postingDocs, postingTfs } = this.data;
    for (let t = 0; t < terms.count; t += 1) {
      const term = terms.at(t);
      for (let f = 0; f < FIELD_COUNT; f += 1) {
        const end = this.end(t, f);
        for (let p = this.start(t, f); p < end; p += 1) visit(term, f, postingDocs[p]!, postingTfs[p]!);
      }
    }
  }
}

/**
 * Ranking with library-wide statistics (docs/research/lunr.md §C–D3). Lunr bakes idf and the average field
 * length into each index at build time, so scores from separately built segments are not
 * comparable; here the same BM25 as Lunr's (k1 1.2, b 0.75, its idf) is computed per query from
 * counts summed over every segment. A document therefore scores the same whether the index was
 * built at once or grew article by article.
 */
import { FIELD_BOOSTS, INDEX_FIELDS, type IndexField } from './search-fields';
import type { Segment } from './segment';

export const K1 = 1.2;
export const B = 0.75;

/** The statistics of the live documents of a set of segments, cached per term for one query. */
export class LibraryStats {
  readonly documentCount: number;
  private readonly averageLength: Record<IndexField, number>;
  private readonly idfCache = new Map<string, number>();

  constructor(private readonly segments: readonly Segment[]) {
    this.documentCount = segments.reduce((sum, segment) => sum + segment.liveCount, 0);
    const averages = {} as Record<IndexField, number>;
    // Averaged over the documents that have the field: notes are written on few documents, and
    // an average over all of them (nearly 0) made every note look hundreds of times too long,
    // so a note matching the query ranked below any article mentioning it.
    for (const field of INDEX_FIELDS) {
      const total = segments.reduce((sum, segment) => sum + segment.liveLength(field), 0);
      const filled = segments.reduce((sum, segment) => sum + segment.liveFilled(field), 0);
      averages[field] = filled === 0 ? 0 : total / filled;
    }
    this.averageLength = averages;
  }

  /** Lunr's idf (lunr.idf), over (field, document) pairs of the whole library. */
  idf(term: string): number {
    let idf = this.idfCache.get(term);
    if (idf === undefined) {
      const withTerm = this.segments.reduce((sum, segment) => sum + segment.liveDf(term), 0);
      const x = (this.documentCount - withTerm + 0.5) / (withTerm + 0.5);
      idf = Math.log(1 + Math.abs(x));
      this.idfCache.set(term, idf);
    }
    return idf;
  }

  /** The average length of a field, 1 when there is none (BM25 divides by it). */
  average(field: IndexField): number {
    return this.averageLength[field] || 1;
  }

  /** BM25's term-frequency part for one field of one document (run-query.ts inlines the same expression). */
  saturation(field: IndexField, tf: number, length: number): number {
    const average = this.average(field);
    return ((K1 + 1) * tf) / (K1 * (1 - B + B * (length / average)) + tf);
  }

  /** One term's contribution in one field of one document (before the query's weight). */
  fieldScore(term: string, field: IndexField, tf: number, length: number): number {
    if (tf === 0) return 0;
    return this.idf(term) * this.saturation(field, tf, length) * FIELD_BOOSTS[field];
  }
}

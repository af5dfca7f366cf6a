/**
 * The postings of several segments laid out as one segment's (a merge), straight from their typed
 * arrays: their term lists are sorted, so one pass over them in step yields the merged list in
 * order, and each (term, field) run is copied source by source. Collected posting by posting in a
 * Map of number arrays instead, as a segment built from analyzed documents is, the merge of the
 * 4,849 Debian manual pages' index (1.6 million postings, 153,000 terms, 13.6 MB on disk) held
 * about 125 MB of heap at the end of their import, a large part of Quire's memory then
 * (docs/benchmarks.md, "Import").
 */
import { FIELD_COUNT, newPostingDocs, runIndex, TermList, type SegmentData, type SegmentPostings } from './segment-data';

export interface MergeSource {
  data: SegmentData;
  /**
   * The merged segment's number for each of this source's documents, -1 for one left out. Numbers
   * ascend within a source and every source's come after the previous source's, so runs copied
   * source by source stay in ascending document order.
   */
  numbers: Int32Array;
}

/**
 * The merged postings of the documents `sources` keep, for a segment of `documentCount` documents:
 * the same layout as adding each kept posting to a SegmentBuilder in source order. A term or a
 * field of a term whose every posting is left out is not in the result.
 */
export function mergePostings(sources: readonly MergeSource[], documentCount: number): SegmentPostings {
  const termBound = sources.reduce((sum, source) => sum + source.data.terms.count, 0);
  const postingBound = sources.reduce((sum, source) => sum + source.data.postingDocs.length, 0);
  const terms: string[] = [];
  const termFields = new Uint8Array(termBound);
  const termRuns = new Uint32Array(termBound + 1);
  const runs: number[] = [];
  const postingDocs = newPostingDocs(documentCount, postingBound);
  const postingTfs = new Uint8Array(postingBound);
  let at = 0;
  /** each source's next term, and that term as a string ('' once the source has none left) */
  const next = sources.map(() => 0);
  const current = sources.map((source) => (source.data.terms.count > 0 ? source.data.terms.at(0) : ''));
  const holding: number[] = [];
  for (;;) {
    // The smallest of the sources' next terms, and which sources hold it.
    let term: string | null = null;
    holding.length = 0;
    for (let s = 0; s < sources.length; s += 1) {
      if (next[s]! >= sources[s]!.data.terms.count) continue;
      const candidate = current[s]!;
      if (term === null || candidate < term) {
        term = candidate;
        holding.length = 0;
      }
      if (candidate === term) holding.push(s);
    }
    if (term === null) break;
    const t = terms.length;
    termRuns[t] = runs.length;
    for (let f = 0; f < FIELD_COUNT; f += 1) {
      const runFrom = at;
      for (const s of holding) {
        const { data, numbers } = sources[s]!;
        const id = next[s]!;
        if ((data.termFields[id]! & (1 << f)) === 0) continue;
        const run = runIndex(data, id, f);
        const end = data.runStart[run + 1]!;
        for (let p = data.runStart[run]!; p < end; p += 1) {
          const doc = numbers[data.postingDocs[p]!]!;
          if (doc === -1) continue;
          postingDocs[at] = doc;
          postingTfs[at] = data.postingTfs[p]!;
          at += 1;
        }
      }
      if (at === runFrom) continue;
      termFields[t] = termFields[t]! | (1 << f);
      runs.push(runFrom);
    }
    // A term left with no posting (all its documents removed) is dropped: no run of it was
    // started, and the next term takes its place.
    if (termFields[t] !== 0) terms.push(term);
    for (const s of holding) {
      const id = (next[s] = next[s]! + 1);
      const list = sources[s]!.data.terms;
      current[s] = id < list.count ? list.at(id) : '';
    }
  }
  termRuns[terms.length] = runs.length;
  runs.push(at);
  return {
    terms: TermList.from(terms),
    termFields: termFields.slice(0, terms.length),
    termRuns: termRuns.slice(0, terms.length + 1),
    runStart: Uint32Array.from(runs),
    postingDocs: postingDocs.slice(0, at),
    postingTfs: postingTfs.slice(0, at),
  };
}

/**
 * Runs a query plan over the segments: which documents have every required clause and no
 * excluded one, and their BM25 scores from library-wide statistics (bm25.ts).
 *
 * Per segment, everything happens over its postings with typed arrays indexed by document number:
 * one pass per required clause counts the clauses each document satisfies, one pass per
 * (term, field) adds the survivors' scores. No object per posting or per document until a
 * document is known to match: a common word has thousands of them, and building match objects for
 * each (as Lunr's `Index#query` does) was most of a query's time. Terms and fields are summed in
 * one fixed order, so a document gets a bit-identical score whatever the segment layout.
 */
import type { SearchScorePart } from '../../shared/models';
import { B, K1, LibraryStats } from './bm25';
import { termWeight, type PlannedTerm, type QueryPlan, hasPositiveTerms } from './lunr-query';
import { FIELD_BOOSTS, INDEX_FIELDS, type IndexField } from './search-fields';
import { FIELD_NUMBER, type Segment } from './segment';

/** One (index term, field) run of postings that counts toward the score. */
interface ScoredRun {
  term: string;
  field: IndexField;
  start: number;
  end: number;
  /** the query's weight times the term's library-wide idf */
  weight: number;
  idf: number;
}

/** A segment's part of one query: what the candidates' snippets and explanations need. */
interface SegmentRuns {
  segment: Segment;
  stats: LibraryStats;
  /** sorted by term, then field: the order scores are summed in */
  runs: ScoredRun[];
}

export interface Candidate {
  /** the document's key in its segment */
  ref: string;
  score: number;
  /** where it matched, to find its matched terms for the few that are shown */
  source: SegmentRuns;
  doc: number;
}

const ALL_FIELDS = INDEX_FIELDS.map((field) => FIELD_NUMBER[field]);

/** Term ids a planned term stands for in one segment (itself, prefix or fuzzy expansions, alternatives). */
function termIds(segment: Segment, planned: PlannedTerm, editDistance: number): Set<number> {
  const ids = new Set(segment.expand(planned.term, planned.prefix, editDistance));
  for (const alternative of planned.alternatives) {
    const id = segment.termId(alternative);
    if (id !== -1) ids.add(id);
  }
  return ids;
}

interface ClauseRuns {
  /** [start, end) pairs into the segment's postings */
  ranges: number[];
  size: number;
}

function clauseRuns(segment: Segment, planned: PlannedTerm, editDistance: number, seen: Map<number, ScoredRun | null>): ClauseRuns {
  const fields = planned.field === null ? ALL_FIELDS : [FIELD_NUMBER[planned.field]];
  const ranges: number[] = [];
  let size = 0;
  for (const id of termIds(segment, planned, editDistance)) {
    for (const f of fields) {
      const start = segment.start(id, f);
      const end = segment.end(id, f);
      if (start === end) continue;
      ranges.push(start, end);
      size += end - start;
      // Remembered once per (term, field), however many clauses name it: it counts once.
      if (planned.presence === 'required' && !seen.has(id * INDEX_FIELDS.length + f)) {
        seen.set(id * INDEX_FIELDS.length + f, null);
      }
    }
  }
  return { ranges, size };
}

function compareRuns(a: ScoredRun, b: ScoredRun): number {
  if (a.term !== b.term) return a.term < b.term ? -1 : 1;
  return a.field === b.field ? 0 : a.field < b.field ? -1 : 1;
}

function runSegment(
  segment: Segment,
  stats: LibraryStats,
  terms: readonly PlannedTerm[],
  tolerateTypos: boolean,
  out: Candidate[],
): void {
  const distance = (planned: PlannedTerm): number =>
    tolerateTypos && planned.typoTolerant ? 1 : planned.editDistance;
  const pairs = new Map<number, ScoredRun | null>();
  const required = terms
    .filter((planned) => planned.presence === 'required')
    .map((planned) => clauseRuns(segment, planned, distance(planned), pairs))
    .sort((a, b) => a.size - b.size);
  if (required.length === 0 || required[0]!.size === 0) return;

  const { postingDocs, postingTfs } = segment.data;
  // satisfied[d] = how many required clauses document d holds, counted clause by clause.
  const satisfied = new Int32Array(segment.keys.length);
  for (let k = 0; k < required.length; k += 1) {
    const { ranges } = required[k]!;
    let any = false;
    for (let r = 0; r < ranges.length; r += 2) {
      for (let p = ranges[r]!; p < ranges[r + 1]!; p += 1) {
        const doc = postingDocs[p]!;
        if (satisfied[doc] === k) {
          satisfied[doc] = k + 1;
          any = true;
        }
      }
    }
    if (!any) return;
  }
  const all = required.length;
  for (const planned of terms) {
    if (planned.presence !== 'prohibited') continue;
    const { ranges } = clauseRuns(segment, planned, planned.editDistance, pairs);
    for (let r = 0; r < ranges.length; r += 2) {
      for (let p = ranges[r]!; p < ranges[r + 1]!; p += 1) satisfied[postingDocs[p]!] = -1;
    }
  }

  const runs: ScoredRun[] = [];
  for (const pair of pairs.keys()) {
    const id = Math.floor(pair / INDEX_FIELDS.length);
    const f = pair % INDEX_FIELDS.length;
    const term = segment.term(id);
    const field = INDEX_FIELDS[f]!;
    let weight = 0;
    for (const planned of terms) weight = Math.max(weight, termWeight(planned, term, field, tolerateTypos));
    if (weight === 0) continue;
    runs.push({ term, field, start: segment.start(id, f), end: segment.end(id, f), weight, idf: stats.idf(term) });
  }
  runs.sort(compareRuns);

  const scores = new Float64Array(segment.keys.length);
  const { lengths } = segment.data;
  for (const run of runs) {
    const boost = FIELD_BOOSTS[run.field];
    const f = FIELD_NUMBER[run.field];
    const average = stats.average(run.field);
    // The hot loop of a query: LibraryStats.saturation written out, same expression and order.
    for (let p = run.start; p < run.end; p += 1) {
      const doc = postingDocs[p]!;
      if (satisfied[doc] !== all) continue;
      const tf = postingTfs[p]!;
      const length = lengths[doc * INDEX_FIELDS.length + f]!;
      const saturation = ((K1 + 1) * tf) / (K1 * (1 - B + B * (length / average)) + tf);
      scores[doc] = scores[doc]! + run.weight * (run.idf * saturation * boost);
    }
  }
  const source: SegmentRuns = { segment, stats, runs };
  for (let doc = 0; doc < satisfied.length; doc += 1) {
    if (satisfied[doc] === all && segment.isLive(doc)) out.push({ ref: segment.keyOf(doc), score: scores[doc]!, source, doc });
  }
}

function run(segments: readonly Segment[], stats: LibraryStats, terms: readonly PlannedTerm[], tolerateTypos: boolean): Candidate[] {
  const out: Candidate[] = [];
  for (const segment of segments) runSegment(segment, stats, terms, tolerateTypos, out);
  return out;
}

/** Where `doc` is in [start, end) of the postings, or -1 (runs are sorted by document). */
function find(docs: Uint32Array, start: number, end: number, doc: number): number {
  let low = start;
  let high = end - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = docs[mid]!;
    if (at === doc) return mid;
    if (at < doc) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** The distinct index terms that matched a candidate: what its snippet marks. */
export function matchedTerms(candidate: Candidate): Set<string> {
  const { segment, runs } = candidate.source;
  const terms = new Set<string>();
  for (const run of runs) {
    if (!terms.has(run.term) && find(segment.data.postingDocs, run.start, run.end, candidate.doc) !== -1) terms.add(run.term);
  }
  return terms;
}

/** Each matched (term, field)'s share of a candidate's score, in the order they were summed. */
export function explainCandidate(candidate: Candidate): SearchScorePart[] {
  const { segment, stats, runs } = candidate.source;
  const parts: SearchScorePart[] = [];
  for (const run of runs) {
    const p = find(segment.data.postingDocs, run.start, run.end, candidate.doc);
    if (p === -1) continue;
    const tf = segment.data.postingTfs[p]!;
    const saturation = stats.saturation(run.field, tf, segment.fieldLength(candidate.doc, FIELD_NUMBER[run.field]));
    const score = run.weight * (run.idf * saturation * FIELD_BOOSTS[run.field]);
    parts.push({ term: run.term, field: run.field, tf, idf: run.idf, weight: run.weight * FIELD_BOOSTS[run.field], score });
  }
  return parts;
}

/**
 * Every live document without an excluded term, unscored: the candidates of a query whose only
 * required part is a phrase of stop words (`"to be or not to be"`, `"it is"`), which the index
 * cannot narrow (stop words are not indexed); the phrase is then checked against each text.
 */
function everyDocument(segments: readonly Segment[], stats: LibraryStats, terms: readonly PlannedTerm[]): Candidate[] {
  const out: Candidate[] = [];
  for (const segment of segments) {
    const excluded = new Uint8Array(segment.keys.length);
    for (const planned of terms) {
      if (planned.presence !== 'prohibited') continue;
      const { ranges } = clauseRuns(segment, planned, planned.editDistance, new Map());
      for (let r = 0; r < ranges.length; r += 2) {
        for (let p = ranges[r]!; p < ranges[r + 1]!; p += 1) excluded[segment.data.postingDocs[p]!] = 1;
      }
    }
    const source: SegmentRuns = { segment, stats, runs: [] };
    for (let doc = 0; doc < excluded.length; doc += 1) {
      if (excluded[doc] === 0 && segment.isLive(doc)) out.push({ ref: segment.keyOf(doc), score: 0, source, doc });
    }
  }
  return out;
}

/**
 * Documents that have every required term and no excluded one, in every segment, scored with the
 * library-wide statistics; unsorted (the caller breaks ties by its own stable order). When the
 * words as typed find nothing, words long enough are retried with one typo allowed. A query whose
 * only required part is a phrase of stop words has every document as a candidate.
 */
export function runQuery(segments: readonly Segment[], plan: QueryPlan): Candidate[] {
  if (!hasPositiveTerms(plan)) {
    const stopWordPhrase = plan.phrases.some((phrase) => phrase.presence === 'required' && phrase.words.length > 0);
    return stopWordPhrase ? everyDocument(segments, new LibraryStats(segments), plan.terms) : [];
  }
  const stats = new LibraryStats(segments);
  const candidates = run(segments, stats, plan.terms, false);
  if (candidates.length > 0 || !plan.terms.some((term) => term.typoTolerant)) return candidates;
  return run(segments, stats, plan.terms, true);
}

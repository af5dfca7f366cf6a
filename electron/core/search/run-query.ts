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
import type { PostingDocs } from './segment-data';
import { largest } from './search-filters';

/** One (index term, field) run of postings that counts toward the score. */
interface ScoredRun {
  term: string;
  field: IndexField;
  start: number;
  end: number;
  /** the query's weight times the term's library-wide idf */
  weight: number;
  idf: number;
  /** only a query's common word: scored, but not marked in snippets */
  optional: boolean;
}

/** A segment's part of one query: what the candidates' snippets and explanations need. */
interface SegmentRuns {
  segment: Segment;
  stats: LibraryStats;
  /** sorted by term, then field: the order scores are summed in */
  runs: ScoredRun[];
}

/** One match made an object: the best few hundred of a query, which ranking and hits look at. */
export interface Candidate {
  /** the document's row in the engine's table (doc-table.ts) */
  row: number;
  score: number;
  /** where it matched, to find its matched terms for the few that are shown */
  source: SegmentRuns;
  doc: number;
  /** its entry in the query's Matches */
  index: number;
}

/** One segment's matches: document numbers, rows and scores. */
export interface SegmentMatches {
  source: SegmentRuns;
  docs: Int32Array;
  rows: Int32Array;
  scores: Float64Array;
  /** 1 when the document's body holds more than one matched word (it may have several passages) */
  manyInBody: Uint8Array;
}

/**
 * Every document a query matched, as columns (entry i is one match): a common word matches most of
 * a 100,000-article library, and an object per match was most of such a query's time and of the
 * garbage it left. Objects (`candidate`) are made only for the entries ranking looks at.
 */
export class Matches {
  readonly count: number;
  readonly rows: Int32Array;
  readonly docs: Int32Array;
  readonly scores: Float64Array;
  /**
   * 1 when entry i's body holds more than one matched word: the most places a snippet pass over
   * its text could find, known from the postings (the totals' passage count is exact only while
   * the articles not read have one each)
   */
  readonly manyInBody: Uint8Array;
  /** entry i matched in sources[sourceOf[i]] */
  private readonly sourceOf: Uint16Array;
  private readonly sources: SegmentRuns[];
  private length: number;

  constructor(parts: readonly SegmentMatches[]) {
    const total = parts.reduce((sum, part) => sum + part.docs.length, 0);
    this.count = total;
    this.length = total;
    this.rows = new Int32Array(total);
    this.docs = new Int32Array(total);
    this.scores = new Float64Array(total);
    this.manyInBody = new Uint8Array(total);
    this.sourceOf = new Uint16Array(total);
    this.sources = parts.map((part) => part.source);
    let at = 0;
    parts.forEach((part, s) => {
      this.rows.set(part.rows, at);
      this.docs.set(part.docs, at);
      this.scores.set(part.scores, at);
      this.manyInBody.set(part.manyInBody, at);
      this.sourceOf.fill(s, at, at + part.docs.length);
      at += part.docs.length;
    });
  }

  /** How many entries are left after `retain`. */
  get size(): number {
    return this.length;
  }

  /** Keeps the entries `keep` says yes to, in order (compacted in place). */
  retain(keep: (row: number, doc: number, source: SegmentRuns) => boolean): void {
    let kept = 0;
    for (let i = 0; i < this.length; i += 1) {
      if (!keep(this.rows[i]!, this.docs[i]!, this.sources[this.sourceOf[i]!]!)) continue;
      this.rows[kept] = this.rows[i]!;
      this.docs[kept] = this.docs[i]!;
      this.scores[kept] = this.scores[i]!;
      this.manyInBody[kept] = this.manyInBody[i]!;
      this.sourceOf[kept] = this.sourceOf[i]!;
      kept += 1;
    }
    this.length = kept;
  }

  candidate(i: number): Candidate {
    return { row: this.rows[i]!, score: this.scores[i]!, source: this.sources[this.sourceOf[i]!]!, doc: this.docs[i]!, index: i };
  }

  /** Every entry as an object (a date order, or a phrase whose best candidates were all rejected). */
  all(): Candidate[] {
    const out: Candidate[] = new Array<Candidate>(this.length);
    for (let i = 0; i < this.length; i += 1) out[i] = this.candidate(i);
    return out;
  }

  /** A candidate's score changed by ranking: the entries see it too. */
  rescore(candidate: Candidate): void {
    this.scores[candidate.index] = candidate.score;
  }

  /**
   * The best `count` in `order`, an order that puts a higher score first (ties broken any way):
   * the count-th best score is found over the scores alone (`largest`), and only the entries
   * scoring at least that become objects and are sorted.
   */
  best(count: number, order: (a: Candidate, b: Candidate) => number): Candidate[] {
    if (count <= 0 || this.length === 0) return [];
    const threshold = count >= this.length ? -Infinity : largest(this.scores, count, this.length);
    const kept: Candidate[] = [];
    for (let i = 0; i < this.length; i += 1) if (this.scores[i]! >= threshold) kept.push(this.candidate(i));
    return kept.sort(order).slice(0, count);
  }
}

const ALL_FIELDS = INDEX_FIELDS.map((field) => FIELD_NUMBER[field]);

/** Term ids a planned term stands for in one segment (itself, prefix or fuzzy expansions, alternatives). */
function termIds(segment: Segment, planned: PlannedTerm, editDistance: number): Set<number> {
  // A distance the user did not ask for is the automatic typo retry's.
  const anchored = editDistance > planned.editDistance;
  const ids = new Set(segment.expand(planned.term, planned.prefix, editDistance, anchored));
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
      if (planned.presence !== 'prohibited' && !seen.has(id * INDEX_FIELDS.length + f)) {
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

/**
 * How many of the flexible clauses a document must hold: all of them, or (relaxed, when no
 * document holds every word of a query of three words or more) most of them.
 */
type Strictness = 'all' | 'most';
const RELAXED_SHARE = 0.6;
/** Two words are both meant: dropping one would answer another question. */
const MIN_RELAXED_WORDS = 3;

/**
 * Per-document arrays of one segment's size, zeroed and reused query after query (segments are
 * run one at a time, and what is kept is copied out): at 100,000 articles, allocating them per
 * segment per query was over a megabyte of fresh memory each time, and the collections it caused.
 */
class Scratch<T extends Uint8Array | Uint16Array | Int32Array | Float64Array> {
  private array: T;
  constructor(private readonly make: (length: number) => T) {
    this.array = make(0);
  }

  /** `length` zeros, valid until the next call. */
  take(length: number): T {
    if (this.array.length < length) this.array = this.make(Math.max(length, this.array.length * 2));
    const view = this.array.subarray(0, length) as T;
    view.fill(0);
    return view;
  }
}

const okScratch = new Scratch((n) => new Uint8Array(n));
const satisfiedScratch = new Scratch((n) => new Int32Array(n));
const heldScratch = new Scratch((n) => new Uint16Array(n));
const stampScratch = new Scratch((n) => new Int32Array(n));
const coverageScratch = new Scratch((n) => new Float64Array(n));
const scoreScratch = new Scratch((n) => new Float64Array(n));
const bodyWordsScratch = new Scratch((n) => new Uint16Array(n));
const foundScratch = new Scratch((n) => new Int32Array(n));

/** A segment's documents that hold what a query requires. */
interface Matched {
  /** 1 for each such document (a prohibited clause then clears some) */
  ok: Uint8Array;
  /** each of them, once, in no particular order: later passes visit these, not the whole segment */
  docs: Int32Array;
  /** their share of the clauses, when most of the clauses are enough */
  coverage: Float64Array | null;
}

/** Documents holding every mandatory clause and enough flexible ones: 1 in `ok`, with their share of clauses. */
function matchDocuments(
  count: number,
  postingDocs: PostingDocs,
  required: readonly (ClauseRuns & { flexible: boolean })[],
  strictness: Strictness,
): Matched | null {
  const ok = okScratch.take(count);
  const found = foundScratch.take(count);
  let size = 0;
  const mandatory = strictness === 'all' ? required : required.filter((clause) => !clause.flexible);
  const flexible = strictness === 'all' ? [] : required.filter((clause) => clause.flexible);
  // satisfied[d] = how many mandatory clauses document d holds, counted clause by clause.
  const satisfied = satisfiedScratch.take(count);
  const all = mandatory.length;
  for (let k = 0; k < all; k += 1) {
    const { ranges } = mandatory[k]!;
    // The last clause's pass sees each document that holds them all exactly once, as it completes.
    const last = k === all - 1 && flexible.length === 0;
    let any = false;
    for (let r = 0; r < ranges.length; r += 2) {
      for (let p = ranges[r]!; p < ranges[r + 1]!; p += 1) {
        const doc = postingDocs[p]!;
        if (satisfied[doc] === k) {
          satisfied[doc] = k + 1;
          any = true;
          if (last) {
            ok[doc] = 1;
            found[size] = doc;
            size += 1;
          }
        }
      }
    }
    if (!any) return null;
  }
  if (flexible.length === 0) return { ok, docs: found.subarray(0, size), coverage: null };
  const held = heldScratch.take(count);
  const stamp = stampScratch.take(count);
  for (let k = 0; k < flexible.length; k += 1) {
    const { ranges } = flexible[k]!;
    for (let r = 0; r < ranges.length; r += 2) {
      for (let p = ranges[r]!; p < ranges[r + 1]!; p += 1) {
        const doc = postingDocs[p]!;
        if (satisfied[doc] === all && stamp[doc] !== k + 1) {
          stamp[doc] = k + 1;
          held[doc] = held[doc]! + 1;
        }
      }
    }
  }
  const minimum = Math.ceil(flexible.length * RELAXED_SHARE);
  const coverage = coverageScratch.take(count);
  for (let doc = 0; doc < count; doc += 1) {
    if (satisfied[doc] !== all || held[doc]! < minimum) continue;
    ok[doc] = 1;
    found[size] = doc;
    size += 1;
    coverage[doc] = (all + held[doc]!) / (all + flexible.length);
  }
  return { ok, docs: found.subarray(0, size), coverage };
}

function runSegment(
  segment: Segment,
  stats: LibraryStats,
  terms: readonly PlannedTerm[],
  tolerateTypos: boolean,
  strictness: Strictness,
  out: SegmentMatches[],
): void {
  const distance = (planned: PlannedTerm): number =>
    tolerateTypos && planned.typoTolerant ? 1 : planned.editDistance;
  const pairs = new Map<number, ScoredRun | null>();
  const required = terms
    .filter((planned) => planned.presence === 'required')
    .map((planned) => ({ ...clauseRuns(segment, planned, distance(planned), pairs), flexible: planned.flexible }))
    .sort((a, b) => a.size - b.size);
  if (required.length === 0) return;
  if (strictness === 'all' && required[0]!.size === 0) return;
  // A query's common words add to the score of the documents the other words found.
  for (const planned of terms) if (planned.presence === 'optional') clauseRuns(segment, planned, 0, pairs);

  const { postingDocs, postingTfs } = segment.data;
  const matched = matchDocuments(segment.keys.length, postingDocs, required, strictness);
  if (matched === null) return;
  const { ok, docs, coverage } = matched;
  for (const planned of terms) {
    if (planned.presence !== 'prohibited') continue;
    const { ranges } = clauseRuns(segment, planned, planned.editDistance, pairs);
    for (let r = 0; r < ranges.length; r += 2) {
      for (let p = ranges[r]!; p < ranges[r + 1]!; p += 1) ok[postingDocs[p]!] = 0;
    }
  }

  const runs: ScoredRun[] = [];
  for (const pair of pairs.keys()) {
    const id = Math.floor(pair / INDEX_FIELDS.length);
    const f = pair % INDEX_FIELDS.length;
    const term = segment.term(id);
    const field = INDEX_FIELDS[f]!;
    let weight = 0;
    let optional = true;
    for (const planned of terms) {
      const w = termWeight(planned, term, field, tolerateTypos);
      if (w > 0 && planned.presence === 'required') optional = false;
      weight = Math.max(weight, w);
    }
    if (weight === 0) continue;
    runs.push({ term, field, start: segment.start(id, f), end: segment.end(id, f), weight, idf: stats.idf(term), optional });
  }
  runs.sort(compareRuns);

  const scores = scoreScratch.take(segment.keys.length);
  // Matched words in each document's body (common words left out), to know which have more than one.
  const bodyWords = bodyWordsScratch.take(segment.keys.length);
  const { lengths } = segment.data;
  const documents = segment.keys.length;
  for (const run of runs) {
    const boost = FIELD_BOOSTS[run.field];
    const f = FIELD_NUMBER[run.field];
    const average = stats.average(run.field);
    const countsInBody = run.field === 'body' && !run.optional;
    // The hot loop of a query: LibraryStats.saturation written out, same expression and order.
    for (let p = run.start; p < run.end; p += 1) {
      const doc = postingDocs[p]!;
      if (ok[doc] === 0) continue;
      const tf = postingTfs[p]!;
      const length = lengths[f * documents + doc]!;
      const saturation = ((K1 + 1) * tf) / (K1 * (1 - B + B * (length / average)) + tf);
      scores[doc] = scores[doc]! + run.weight * (run.idf * saturation * boost);
      if (countsInBody) bodyWords[doc] = Math.min(2, bodyWords[doc]! + tf);
    }
  }
  // The matching documents still live and not excluded, compacted in place.
  let count = 0;
  for (let i = 0; i < docs.length; i += 1) {
    const doc = docs[i]!;
    if (ok[doc] === 1 && segment.isLive(doc)) {
      docs[count] = doc;
      count += 1;
    }
  }
  if (count === 0) return;
  const found: SegmentMatches = {
    source: { segment, stats, runs },
    docs: docs.slice(0, count),
    rows: new Int32Array(count),
    scores: new Float64Array(count),
    manyInBody: new Uint8Array(count),
  };
  const { rows } = segment;
  for (let at = 0; at < count; at += 1) {
    const doc = found.docs[at]!;
    found.rows[at] = rows[doc]!;
    found.manyInBody[at] = bodyWords[doc]! > 1 ? 1 : 0;
    // A relaxed match ranks by how much of the query it holds first.
    found.scores[at] = coverage === null ? scores[doc]! : scores[doc]! * coverage[doc]! * coverage[doc]!;
  }
  out.push(found);
}

function run(
  segments: readonly Segment[],
  stats: LibraryStats,
  terms: readonly PlannedTerm[],
  tolerateTypos: boolean,
  strictness: Strictness = 'all',
): Matches {
  const out: SegmentMatches[] = [];
  for (const segment of segments) runSegment(segment, stats, terms, tolerateTypos, strictness, out);
  return new Matches(out);
}

/** Where `doc` is in [start, end) of the postings, or -1 (runs are sorted by document). */
function find(docs: PostingDocs, start: number, end: number, doc: number): number {
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
    if (!run.optional && !terms.has(run.term) && find(segment.data.postingDocs, run.start, run.end, candidate.doc) !== -1) terms.add(run.term);
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

/** Whether any segment holds the term or one of its alternatives as typed. */
function inLibrary(segments: readonly Segment[], planned: PlannedTerm): boolean {
  return segments.some((segment) => [planned.term, ...planned.alternatives].some((term) => segment.termId(term) !== -1));
}

/** From this many plain words on, a query is a sentence: most of its words are enough. */
const SENTENCE_WORDS = 4;

/**
 * Documents that have every required term and no excluded one, in every segment, scored with the
 * library-wide statistics; unsorted (the caller breaks ties by its own stable order). Typed words
 * come first: only when they find nothing are words of five letters or more that no document
 * holds retried with one typo (a word the library holds is no typo, and a near miss never
 * outranks the word as typed); and only when that finds nothing either does a query of three
 * plain words or more settle for documents holding most of them, ranked by the share they hold.
 * A query of four plain words or more (a sentence someone remembers, with a word changed or
 * misspelt) is matched that way at once: documents holding all its words still rank first.
 */
export function runQuery(segments: readonly Segment[], plan: QueryPlan): Matches {
  if (!hasPositiveTerms(plan)) return new Matches([]);
  const stats = new LibraryStats(segments);
  const terms = plan.terms.map((term) => (term.typoTolerant && inLibrary(segments, term) ? { ...term, typoTolerant: false } : term));
  const typoTolerant = terms.some((term) => term.typoTolerant);
  const flexible = terms.filter((term) => term.presence === 'required' && term.flexible).length;
  if (flexible >= SENTENCE_WORDS) return run(segments, stats, terms, typoTolerant, 'most');
  const exact = run(segments, stats, terms, false);
  if (exact.count > 0) return exact;
  const withTypos = typoTolerant ? run(segments, stats, terms, true) : exact;
  if (withTypos.count > 0) return withTypos;
  return flexible >= MIN_RELAXED_WORDS ? run(segments, stats, terms, typoTolerant, 'most') : withTypos;
}

/**
 * Finds the documents of one segment that satisfy a query plan, straight from Lunr's inverted
 * index and token set. Lunr's own `Index#query` builds match data for every document holding any
 * query term and scores each with a dot product over its whole field vector before required terms
 * narrow anything down; here required clauses are intersected first, smallest first, and only the
 * survivors are scored (by the caller, with library-wide statistics).
 */
import { INDEX_FIELDS, type IndexField } from './search-fields';
import type { Posting, Segment } from './segment';

/** What one clause of the plan asks of a segment. */
export interface MatchClause {
  term: string;
  alternatives: readonly string[];
  field: IndexField | null;
  presence: 'required' | 'prohibited';
  prefix: boolean;
  editDistance: number;
}

/** A matching document and every (index term, field) of the query it contains. */
export interface SegmentMatch {
  key: string;
  pairs: [string, IndexField][];
}

interface PreparedClause {
  postings: { term: string; field: IndexField; posting: Posting }[];
  /** documents it may hold (with repeats): decides the order of intersection */
  size: number;
}

function prepare(segment: Segment, clause: MatchClause): PreparedClause {
  const terms = new Set(segment.expand(clause.term, clause.prefix, clause.editDistance));
  for (const alternative of clause.alternatives) if (segment.hasTerm(alternative)) terms.add(alternative);
  const fields = clause.field === null ? INDEX_FIELDS : [clause.field];
  const postings: PreparedClause['postings'] = [];
  let size = 0;
  for (const term of terms) {
    let any = false;
    for (const field of fields) {
      const posting = segment.posting(term, field);
      if (posting === undefined) continue;
      postings.push({ term, field, posting });
      any = true;
    }
    if (any) size += segment.liveDf(term);
  }
  return { postings, size };
}

/** Every live document of the clause, with its pairs. */
function collect(segment: Segment, clause: PreparedClause): Map<string, [string, IndexField][]> {
  const found = new Map<string, [string, IndexField][]>();
  for (const { term, field, posting } of clause.postings) {
    for (const key in posting) {
      if (!segment.has(key)) continue;
      let pairs = found.get(key);
      if (pairs === undefined) found.set(key, (pairs = []));
      pairs.push([term, field]);
    }
  }
  return found;
}

/** The clause's pairs in one document (empty when it does not hold the clause). */
function probe(clause: PreparedClause, key: string): [string, IndexField][] {
  const pairs: [string, IndexField][] = [];
  for (const { term, field, posting } of clause.postings) {
    if (Object.hasOwn(posting, key)) pairs.push([term, field]);
  }
  return pairs;
}

export function matchSegment(segment: Segment, clauses: readonly MatchClause[]): SegmentMatch[] {
  const required = clauses
    .filter((clause) => clause.presence === 'required')
    .map((clause) => prepare(segment, clause))
    .sort((a, b) => a.size - b.size);
  const [first, ...rest] = required;
  if (first === undefined || first.postings.length === 0) return [];

  let candidates = collect(segment, first);
  for (const clause of rest) {
    if (candidates.size === 0) break;
    if (clause.size < candidates.size * clause.postings.length) {
      // Cheaper to gather the clause's own documents and intersect.
      const own = collect(segment, clause);
      const next = new Map<string, [string, IndexField][]>();
      for (const [key, pairs] of candidates) {
        const more = own.get(key);
        if (more !== undefined) next.set(key, [...pairs, ...more]);
      }
      candidates = next;
    } else {
      for (const [key, pairs] of candidates) {
        const more = probe(clause, key);
        if (more.length === 0) candidates.delete(key);
        else pairs.push(...more);
      }
    }
  }
  for (const clause of clauses) {
    if (clause.presence !== 'prohibited' || candidates.size === 0) continue;
    const excluded = prepare(segment, clause);
    for (const key of [...candidates.keys()]) {
      if (probe(excluded, key).length > 0) candidates.delete(key);
    }
  }
  return [...candidates].map(([key, pairs]) => ({ key, pairs }));
}

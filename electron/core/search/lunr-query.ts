/**
 * Runs parsed clauses against a Lunr index through `idx.query()` (never `idx.search(userText)`,
 * whose parser throws on ordinary input: lunr.md §A2). Terms go through the text pipeline here,
 * so Lunr's own pipeline is bypassed (`usePipeline: false`): that avoids Lunr crashing on a
 * required clause whose term is a stop word, and lets prefixes be stemmed sensibly.
 */
import lunr from 'lunr';
import type { ParsedQuery, Presence } from './query-parser';
import type { IndexField } from './search-fields';
import { foldWord, isStopWordFolded, stemFolded } from './text-pipeline';

export interface PlannedTerm {
  /** the index term (stem, or stem prefix for wildcards) */
  term: string;
  /** for prefixes: shorter exact terms that also satisfy it (see prefixAlternatives) */
  alternatives: string[];
  field: IndexField | null;
  presence: Presence;
  prefix: boolean;
  editDistance: number;
  boost: number;
  /** may be retried with edit distance 1 when the exact query finds nothing */
  typoTolerant: boolean;
}

/** A phrase Lunr cannot check (lunr #62): confirmed or excluded afterwards, against the text. */
export interface PlannedPhrase {
  /** folded words (case and diacritics removed, not stemmed) */
  words: string[];
  field: IndexField | null;
  presence: Presence;
}

export interface QueryPlan {
  terms: PlannedTerm[];
  phrases: PlannedPhrase[];
}

export interface Candidate {
  ref: string;
  score: number;
  /** the index terms that matched this document (after prefix and fuzzy expansion) */
  matchedTerms: string[];
}

/** One- and two-letter prefixes expand to a large part of the vocabulary for no useful result. */
const MIN_PREFIX_LENGTH = 2;
/** Typos are tolerated only in words long enough that one edit still identifies them. */
const MIN_TYPO_TOLERANT_LENGTH = 5;
/** Fuzzy matching of very short terms matches almost everything. */
const MIN_FUZZY_TERM_LENGTH = 3;

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return a.slice(0, i);
}

/**
 * Index terms are stems, so a prefix must be compared with stems: `running*` → `run*`,
 * `happy*` → `happ*` (the part the word and its stem share). Lunr skips its pipeline for
 * wildcards, which is why `running*` finds nothing there (lunr #256).
 */
function prefixTerm(folded: string): string {
  const shared = commonPrefix(folded, stemFolded(folded));
  return shared.length >= MIN_PREFIX_LENGTH ? shared : folded;
}

/** English suffixes the stemmer removes or rewrites (Porter steps 1–4). */
const STEMMED_SUFFIXES = [
  's', 'es', 'ies', 'ed', 'ied', 'ing', 'ings', 'e', 'y', 'ly', 'ally', 'al', 'ion', 'ions',
  'ation', 'ations', 'ational', 'ative', 'atives', 'ator', 'ators', 'ism', 'isms', 'ist', 'ists',
  'ity', 'ities', 'ive', 'ives', 'ize', 'ized', 'izes', 'izing', 'ization', 'ness', 'ment',
  'ments', 'ful', 'ous', 'ance', 'ence', 'ancy', 'ency', 'er', 'ers', 'ic', 'ical', 'able',
  'ible', 'ant', 'ent',
];
const MIN_ALTERNATIVE_LENGTH = 3;

/**
 * A prefix typed into a suffix (`relati*`) cannot match the stems of the words it means
 * (`relations` → `relat`, `relative` → `rel`): completing it with each suffix it may have begun
 * (`relati` + `on`) and stemming the result gives those stems, which then count as matches too.
 */
function prefixAlternatives(folded: string, root: string): string[] {
  const alternatives = new Set<string>();
  for (const suffix of STEMMED_SUFFIXES) {
    for (let typed = 1; typed < suffix.length; typed += 1) {
      if (!folded.endsWith(suffix.slice(0, typed))) continue;
      const stem = stemFolded(folded + suffix.slice(typed));
      if (stem.length >= MIN_ALTERNATIVE_LENGTH && !stem.startsWith(root)) alternatives.add(stem);
    }
  }
  return [...alternatives];
}

export function planQuery(parsed: ParsedQuery): QueryPlan {
  const terms: PlannedTerm[] = [];
  const phrases: PlannedPhrase[] = [];
  for (const clause of parsed.clauses) {
    if (clause.kind === 'term') {
      const folded = foldWord(clause.word);
      if (folded === null) continue;
      if (clause.prefix && folded.length >= MIN_PREFIX_LENGTH) {
        const root = prefixTerm(folded);
        terms.push({
          term: root,
          alternatives: prefixAlternatives(folded, root),
          field: clause.field,
          presence: clause.presence,
          prefix: true,
          editDistance: 0,
          boost: clause.boost,
          typoTolerant: false,
        });
        continue;
      }
      if (isStopWordFolded(folded)) continue;
      const term = stemFolded(folded);
      terms.push({
        term,
        alternatives: [],
        field: clause.field,
        presence: clause.presence,
        prefix: false,
        editDistance: term.length >= MIN_FUZZY_TERM_LENGTH ? clause.editDistance : 0,
        boost: clause.boost,
        typoTolerant:
          clause.presence === 'required' &&
          !clause.explicit &&
          clause.editDistance === 0 &&
          folded.length >= MIN_TYPO_TOLERANT_LENGTH,
      });
      continue;
    }

    const words = clause.words.map(foldWord).filter((word): word is string => word !== null);
    if (words.length === 0) continue;
    const indexTerms = [
      ...new Set(words.filter((word) => !isStopWordFolded(word)).map(stemFolded)),
    ];
    if (clause.presence === 'prohibited' && words.length === 1) {
      // One excluded word: Lunr can exclude it directly, no need to read any text.
      for (const term of indexTerms) {
        terms.push({
          term,
          alternatives: [],
          field: clause.field,
          presence: 'prohibited',
          prefix: false,
          editDistance: 0,
          boost: 1,
          typoTolerant: false,
        });
      }
      continue;
    }
    if (clause.presence === 'required') {
      // The phrase's words narrow the candidates; the phrase itself is checked afterwards.
      for (const term of indexTerms) {
        terms.push({
          term,
          alternatives: [],
          field: clause.field,
          presence: 'required',
          prefix: false,
          editDistance: 0,
          boost: 1,
          typoTolerant: false,
        });
      }
    }
    phrases.push({ words, field: clause.field, presence: clause.presence });
  }
  return { terms, phrases };
}

/** Nothing to rank: only stop words, only exclusions, or nothing at all. */
export function hasPositiveTerms(plan: QueryPlan): boolean {
  return plan.terms.some((term) => term.presence === 'required');
}

/**
 * A prefix with alternatives is an OR inside an AND, which a Lunr query cannot express (a
 * required clause is one term, and Lunr gives up on a multi-term required clause as soon as one
 * of its terms is unknown). Its terms are sent as optional clauses, for scoring, and the
 * "at least one of them" condition is checked on the matched terms afterwards.
 */
const isGroup = (planned: PlannedTerm): boolean =>
  planned.presence === 'required' && planned.alternatives.length > 0;

function groupAccepts(planned: PlannedTerm, matchedTerms: readonly string[]): boolean {
  return matchedTerms.some(
    (term) =>
      (planned.prefix ? term.startsWith(planned.term) : term === planned.term) ||
      planned.alternatives.includes(term),
  );
}

function execute(index: lunr.Index, terms: PlannedTerm[], tolerateTypos: boolean): lunr.Index.Result[] {
  return index.query((query) => {
    for (const planned of terms) {
      const options = {
        // Lunr tests `'fields' in clause`: an undefined value would mean "no field at all".
        ...(planned.field === null ? {} : { fields: [planned.field] }),
        boost: planned.boost,
        usePipeline: false,
      };
      const presence = isGroup(planned)
        ? lunr.Query.presence.OPTIONAL
        : planned.presence === 'required'
          ? lunr.Query.presence.REQUIRED
          : lunr.Query.presence.PROHIBITED;
      const editDistance = tolerateTypos && planned.typoTolerant ? 1 : planned.editDistance;
      query.term(planned.term, {
        ...options,
        // Any `editDistance` key, even 0, makes Lunr match literally and ignore the wildcard.
        ...(editDistance > 0 ? { editDistance } : {}),
        wildcard: planned.prefix ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE,
        presence,
      });
      for (const alternative of planned.alternatives) {
        query.term(alternative, { ...options, wildcard: lunr.Query.wildcard.NONE, presence });
      }
    }
  });
}

function run(index: lunr.Index, terms: PlannedTerm[], tolerateTypos: boolean): Candidate[] {
  const groups = terms.filter(isGroup);
  const candidates: Candidate[] = [];
  for (const result of execute(index, terms, tolerateTypos)) {
    const matchedTerms = Object.keys(result.matchData.metadata);
    if (!groups.every((group) => groupAccepts(group, matchedTerms))) continue;
    candidates.push({ ref: result.ref, score: result.score, matchedTerms });
  }
  return candidates;
}

/** Documents that have every required term and no excluded one, best first. */
export function runQuery(index: lunr.Index, plan: QueryPlan): Candidate[] {
  if (!hasPositiveTerms(plan)) return [];
  const candidates = run(index, plan.terms, false);
  if (candidates.length > 0 || !plan.terms.some((term) => term.typoTolerant)) return candidates;
  return run(index, plan.terms, true);
}

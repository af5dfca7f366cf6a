/**
 * Plans parsed clauses as index terms, run over the segments by run-query.ts, never
 * through `idx.search(userText)`, whose parser throws on ordinary input (docs/research/lunr.md §A2). Terms go
 * through the text pipeline here, per library language, so prefixes are stemmed sensibly and
 * a query's common words (stop words) are optional. Scores use library-wide statistics (bm25.ts).
 */
import type { ParsedQuery, Presence } from './query-parser';
import type { IndexField } from './search-fields';
import { DEFAULT_LANGUAGE } from './languages';
import { foldWord, isStopWord, queryTerms, stemFolded } from './text-pipeline';

/**
 * How a planned term takes part in matching: `required` terms must all be there (a relaxed retry
 * may drop some `flexible` ones), `optional` ones (a query's common words) only add to the score,
 * `prohibited` ones exclude.
 */
export type TermPresence = Presence | 'optional';

export interface PlannedTerm {
  /** the index term (stem, or stem prefix for wildcards) */
  term: string;
  /** for prefixes: shorter exact terms that also satisfy it (see prefixAlternatives) */
  alternatives: string[];
  field: IndexField | null;
  presence: TermPresence;
  prefix: boolean;
  editDistance: number;
  boost: number;
  /** may be retried with edit distance 1 when the exact query finds nothing */
  typoTolerant: boolean;
  /**
   * a plain word of the query (not `+word`, not part of a phrase): when no document holds every
   * word, a relaxed retry asks only for most of them
   */
  flexible: boolean;
  /** a plain word (not a prefix) as typed, lowercased: ranking puts documents holding it so first */
  typed?: string;
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
function prefixTerm(folded: string, languages: readonly string[]): string {
  let root = folded;
  // The shortest root of any language: a prefix must find the word in every language's stems.
  for (const lang of languages) {
    const shared = commonPrefix(folded, stemFolded(folded, lang));
    if (shared.length >= MIN_PREFIX_LENGTH && shared.length < root.length) root = shared;
  }
  return root;
}

/** The index terms a query word may have in the library's languages (a word is stemmed per article language). */
function stemsOf(word: string, languages: readonly string[]): string[] {
  const stems = new Set<string>();
  for (const lang of languages) for (const term of queryTerms(word, lang)) stems.add(term);
  return [...stems];
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

/** `languages`: the languages of the library's articles (language codes of languages.ts). */
export function planQuery(parsed: ParsedQuery, languages: readonly string[] = [DEFAULT_LANGUAGE]): QueryPlan {
  const terms: PlannedTerm[] = [];
  const phrases: PlannedPhrase[] = [];
  /** plain query words that are stop words in a language of the library (or English) */
  const commonWords = new Set<PlannedTerm>();
  for (const clause of parsed.clauses) {
    if (clause.kind === 'term') {
      const folded = foldWord(clause.word);
      if (folded === null) continue;
      if (clause.prefix && folded.length >= MIN_PREFIX_LENGTH) {
        const root = prefixTerm(folded, languages);
        terms.push({
          term: root,
          alternatives: prefixAlternatives(folded, root),
          field: clause.field,
          presence: clause.presence,
          prefix: true,
          editDistance: 0,
          boost: clause.boost,
          typoTolerant: false,
          flexible: false,
        });
        continue;
      }
      const [term, ...alternatives] = stemsOf(clause.word, languages);
      if (term === undefined) continue;
      terms.push({
        term,
        alternatives,
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
        flexible: clause.presence === 'required' && !clause.explicit,
        typed: clause.word.toLowerCase(),
      });
      if (clause.presence === 'required' && !clause.explicit && clause.editDistance === 0 && isCommonWord(clause.word, languages)) {
        commonWords.add(terms[terms.length - 1]!);
      }
      continue;
    }

    const words = clause.words.map(foldWord).filter((word): word is string => word !== null);
    if (words.length === 0) continue;
    const wordStems = clause.words.map((word) => stemsOf(word, languages)).filter((stems) => stems.length > 0);
    if (clause.presence === 'prohibited' && words.length === 1) {
      // One excluded word: Lunr can exclude it directly, no need to read any text.
      for (const term of wordStems.flat()) {
        terms.push({
          term,
          alternatives: [],
          field: clause.field,
          presence: 'prohibited',
          prefix: false,
          editDistance: 0,
          boost: 1,
          typoTolerant: false,
          flexible: false,
        });
      }
      continue;
    }
    if (clause.presence === 'required') {
      // The phrase's words narrow the candidates; the phrase itself is checked afterwards.
      const seen = new Set<string>();
      for (const [term, ...alternatives] of wordStems) {
        if (term === undefined || seen.has(term)) continue;
        seen.add(term);
        terms.push({
          term,
          alternatives,
          field: clause.field,
          presence: 'required',
          prefix: false,
          editDistance: 0,
          boost: 1,
          typoTolerant: false,
          flexible: false,
        });
      }
    }
    phrases.push({ words, field: clause.field, presence: clause.presence });
  }
  // A query's common words never make a document unmatchable: they only add to the score where
  // they occur (and count in phrases), unless the query has nothing else to look for
  // (`to be or not to be`), in which case they are its words like any other.
  const hasContent =
    terms.some((term) => term.presence === 'required' && !commonWords.has(term)) ||
    phrases.some((phrase) => phrase.presence === 'required');
  if (hasContent) {
    for (const term of commonWords) {
      term.presence = 'optional';
      term.typoTolerant = false;
      term.flexible = false;
    }
  }
  return { terms, phrases };
}

/** A stop word in any language of the library, or in English (the language of the interface). */
function isCommonWord(word: string, languages: readonly string[]): boolean {
  return isStopWord(word, DEFAULT_LANGUAGE) || languages.some((lang) => isStopWord(word, lang));
}

/** Nothing to rank: only exclusions, or nothing at all. */
export function hasPositiveTerms(plan: QueryPlan): boolean {
  return plan.terms.some((term) => term.presence === 'required');
}

/** How much a matched index term counts for one planned term; 0 when it is not one of its matches. */
export function termWeight(planned: PlannedTerm, term: string, field: IndexField, tolerateTypos: boolean): number {
  if (planned.presence === 'prohibited') return 0;
  if (planned.field !== null && planned.field !== field) return 0;
  if (planned.prefix ? term.startsWith(planned.term) : term === planned.term) return planned.boost;
  if (planned.alternatives.includes(term)) return planned.boost;
  const fuzzy = planned.editDistance > 0 || (tolerateTypos && planned.typoTolerant);
  // A near miss found by typo tolerance ranks below the word as typed.
  return fuzzy ? planned.boost * FUZZY_WEIGHT : 0;
}

const FUZZY_WEIGHT = 0.5;


/**
 * Turns what the user typed into clauses. Never throws: a search box sees half-typed queries
 * (`"unclosed`, `title:`, `foo~`) all the time, and Lunr's own parser throws on them (lunr #301).
 *
 * Syntax: words (all required), `"exact phrase"`, `+must`, `-exclude`, `field:term` /
 * `field:"phrase"` (see search-fields.ts), `pre*`, `term~1`, `term^2`.
 */
import { fieldForQueryName, type IndexField } from './search-fields';
import { tokenize } from './text-pipeline';

export type Presence = 'required' | 'prohibited';

export interface TermClause {
  kind: 'term';
  /** one word as typed (a single token of the text pipeline's tokenizer) */
  word: string;
  field: IndexField | null;
  presence: Presence;
  /** typed with `+`: the user insists on this exact word, so no typo tolerance */
  explicit: boolean;
  prefix: boolean;
  editDistance: number;
  boost: number;
}

export interface PhraseClause {
  kind: 'phrase';
  /** the words as typed, in order; a quoted single word is matched exactly (not stemmed) */
  words: string[];
  field: IndexField | null;
  presence: Presence;
}

export type QueryClause = TermClause | PhraseClause;

export interface ParsedQuery {
  clauses: QueryClause[];
}

/** Bounds the work one query can cause (a pasted page is not a query). */
const MAX_QUERY_LENGTH = 1000;
const MAX_CLAUSES = 32;
const MAX_EDIT_DISTANCE = 2;
const MAX_BOOST = 100;

type Operator = 'none' | 'must' | 'not';

interface Modifiers {
  prefix: boolean;
  editDistance: number;
  boost: number;
}

const SUFFIX = /(\*+|~\d*|\^\d*(?:\.\d+)?)$/;

/** Strips trailing `*`, `~N` and `^N` (in any order) from a word. */
function splitModifiers(raw: string): { text: string; modifiers: Modifiers } {
  const modifiers: Modifiers = { prefix: false, editDistance: 0, boost: 1 };
  let text = raw;
  for (let match = SUFFIX.exec(text); match !== null && match[0] !== ''; match = SUFFIX.exec(text)) {
    const suffix = match[0];
    text = text.slice(0, -suffix.length);
    if (suffix.startsWith('*')) {
      modifiers.prefix = true;
    } else if (suffix.startsWith('~')) {
      // `foo~` means the usual distance of 1.
      const distance = suffix.length > 1 ? Number(suffix.slice(1)) : 1;
      modifiers.editDistance = Math.min(distance, MAX_EDIT_DISTANCE);
    } else {
      const boost = suffix.length > 1 ? Number(suffix.slice(1)) : 1;
      modifiers.boost = Number.isFinite(boost) && boost > 0 ? Math.min(boost, MAX_BOOST) : 1;
    }
  }
  return { text, modifiers };
}

function presenceOf(operator: Operator): Presence {
  return operator === 'not' ? 'prohibited' : 'required';
}

/** One word or quoted run, possibly several tokens (`node.js`, `"fuad hussein"`). */
function clausesForText(
  text: string,
  field: IndexField | null,
  operator: Operator,
  modifiers: Modifiers,
  quoted: boolean,
): QueryClause[] {
  const words = tokenize(text).map((token) => token.text);
  const presence = presenceOf(operator);
  if (words.length === 0) return [];
  if (words.length === 1 && !quoted) {
    const [word] = words as [string];
    return [
      {
        kind: 'term',
        word,
        field,
        presence,
        explicit: operator === 'must',
        prefix: modifiers.prefix,
        editDistance: modifiers.editDistance,
        boost: modifiers.boost,
      },
    ];
  }
  // `node.j*` or `foo_bar~1`: a phrase cannot carry a wildcard or typo tolerance, so the words
  // become separate terms and the modifier applies to the last one.
  if (!quoted && (modifiers.prefix || modifiers.editDistance > 0)) {
    return words.map((word, i) => ({
      kind: 'term',
      word,
      field,
      presence,
      explicit: operator === 'must',
      prefix: i === words.length - 1 && modifiers.prefix,
      editDistance: i === words.length - 1 ? modifiers.editDistance : 0,
      boost: modifiers.boost,
    }));
  }
  // A quoted run, or a word the tokenizer splits (`node.js`, `NASA's`): its parts must appear
  // together, in order.
  return [{ kind: 'phrase', words, field, presence }];
}

const FIELD_PREFIX = /^(\p{L}+):/u;

export function parseQuery(input: string): ParsedQuery {
  const text = input.slice(0, MAX_QUERY_LENGTH);
  const clauses: QueryClause[] = [];
  let i = 0;
  while (i < text.length && clauses.length < MAX_CLAUSES) {
    while (i < text.length && /\s/.test(text.charAt(i))) i += 1;
    if (i >= text.length) break;

    let operator: Operator = 'none';
    while (text.charAt(i) === '+' || text.charAt(i) === '-') {
      // `+-foo`: the operator next to the word wins.
      operator = text.charAt(i) === '+' ? 'must' : 'not';
      i += 1;
    }

    let field: IndexField | null = null;
    const fieldMatch = FIELD_PREFIX.exec(text.slice(i));
    if (fieldMatch !== null) {
      const name = fieldMatch[1] ?? '';
      field = fieldForQueryName(name);
      if (field === null) {
        // Unknown field (`android:foo`, `http://…`): both sides are ordinary words.
        clauses.push(...clausesForText(name, null, operator, splitModifiers('').modifiers, false));
      }
      i += fieldMatch[0].length;
    }

    if (text.charAt(i) === '"') {
      // An unclosed quote runs to the end: the user is still typing the phrase.
      const close = text.indexOf('"', i + 1);
      const end = close === -1 ? text.length : close;
      const phrase = text.slice(i + 1, end);
      i = close === -1 ? text.length : close + 1;
      clauses.push(...clausesForText(phrase, field, operator, splitModifiers('').modifiers, true));
      continue;
    }

    let end = i;
    while (end < text.length && !/\s/.test(text.charAt(end)) && text.charAt(end) !== '"') end += 1;
    const { text: word, modifiers } = splitModifiers(text.slice(i, end));
    i = end;
    clauses.push(...clausesForText(word, field, operator, modifiers, false));
  }
  return { clauses: clauses.slice(0, MAX_CLAUSES) };
}

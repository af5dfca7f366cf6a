/**
 * Turns what the user typed into clauses. Lunr's own parser throws bare exceptions on ordinary
 * input (lunr #301) and silently drops what it cannot read; here a malformed query is refused with
 * a QuireError 'bad-query' whose one-sentence message says what is wrong and how to write it (the
 * search box shows it in place of results). Nothing else is thrown.
 *
 * Syntax: words (all required; common words optional, see lunr-query.ts), `"exact phrase"`,
 * `+must`, `-exclude` (a + or - alone between words is a dash), `field:term` /
 * `field:"phrase"` (see search-fields.ts), `pre*`, `term~1` / `term~2`, `term^2`.
 */
import type { QuireError } from '../../shared/result';
import { say, type CoreSentence } from '../../shared/i18n/core-sentences';
import { sentenceError } from '../../shared/i18n/english-sentence';
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
/** Shorter prefixes expand to a large part of the vocabulary. */
const MIN_PREFIX_LETTERS = 2;

type Operator = 'none' | 'must' | 'not';

interface Modifiers {
  prefix: boolean;
  editDistance: number;
  boost: number;
}

export function badQuery(sentence: CoreSentence): QuireError {
  return sentenceError('bad-query', sentence);
}

const SUFFIX = /(\*+|~\d*|\^\d*(?:\.\d+)?)$/;

/** Strips trailing `*`, `~N` and `^N` (in any order) from a word, refusing impossible values. */
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
      if (distance < 1 || distance > MAX_EDIT_DISTANCE) {
        throw badQuery(say('core.query.tooManyTypos', { term: raw, distance }));
      }
      modifiers.editDistance = distance;
    } else {
      const boost = Number(suffix.slice(1));
      if (suffix.length === 1 || !Number.isFinite(boost) || boost <= 0) {
        throw badQuery(say('core.query.weightWithoutNumber', { term: raw }));
      }
      modifiers.boost = Math.min(boost, MAX_BOOST);
    }
  }
  if (text === '' && raw !== '') throw badQuery(operatorAlone(raw));
  // What is left is the word: an operator character inside it is a mistake, not text.
  if (text.includes('*')) {
    throw badQuery(say('core.query.wildcardInside', { term: raw }));
  }
  if (text.includes('~')) {
    throw badQuery(say('core.query.typoInside', { term: raw }));
  }
  if (text.includes('^')) {
    throw badQuery(say('core.query.weightInside', { term: raw }));
  }
  return { text, modifiers };
}

/** The message for a modifier with no word before it (`*`, `~1`, `^2`). */
function operatorAlone(raw: string): CoreSentence {
  if (raw.startsWith('*')) return say('core.query.wildcardAlone', { term: raw });
  if (raw.startsWith('~')) return say('core.query.typoAlone', { term: raw });
  return say('core.query.weightAlone', { term: raw });
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
  if (modifiers.prefix && words.length === 1 && [...words[0]!].length < MIN_PREFIX_LETTERS) {
    throw badQuery(say('core.query.prefixTooShort', { term: text, min: MIN_PREFIX_LETTERS }));
  }
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
const isSpace = (char: string): boolean => /\s/.test(char);

/** Empty or blank input is no query at all (an empty search box): no clauses, no error. */
export function parseQuery(input: string): ParsedQuery {
  if (input.length > MAX_QUERY_LENGTH) {
    throw badQuery(say('core.query.tooLong', { length: input.length, max: MAX_QUERY_LENGTH }));
  }
  const text = input;
  const clauses: QueryClause[] = [];
  let loneOperator: string | null = null;
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isSpace(text.charAt(i))) i += 1;
    if (i >= text.length) break;

    let operator: Operator = 'none';
    const operatorStart = i;
    while (text.charAt(i) === '+' || text.charAt(i) === '-') {
      // `+-foo`: the operator next to the word wins.
      operator = text.charAt(i) === '+' ? 'must' : 'not';
      i += 1;
    }
    if (operator !== 'none' && (i >= text.length || isSpace(text.charAt(i)))) {
      // Between words it is a dash (`ftrace - Function Tracer`, a title typed as it reads) or an
      // exclusion still being typed: nothing to look for. Alone, it is a question to answer.
      loneOperator ??= text.slice(operatorStart, i);
      continue;
    }

    let field: IndexField | null = null;
    const fieldMatch = FIELD_PREFIX.exec(text.slice(i));
    if (fieldMatch !== null) {
      const name = fieldMatch[1] ?? '';
      field = fieldForQueryName(name);
      i += fieldMatch[0].length;
      if (field === null) {
        // Unknown field (`android:foo`, `http://…`): both sides are ordinary words.
        clauses.push(...clausesForText(name, null, operator, splitModifiers('').modifiers, false));
      } else if (i >= text.length || isSpace(text.charAt(i))) {
        throw badQuery(say('core.query.fieldEmpty', { field: name }));
      }
    }

    if (text.charAt(i) === '"') {
      const close = text.indexOf('"', i + 1);
      if (close === -1) {
        throw badQuery(say('core.query.quoteNeverClosed'));
      }
      const phrase = text.slice(i + 1, close);
      i = close + 1;
      const found = clausesForText(phrase, field, operator, splitModifiers('').modifiers, true);
      if (found.length === 0) {
        throw badQuery(say('core.query.emptyQuotes'));
      }
      clauses.push(...found);
      continue;
    }

    let end = i;
    while (end < text.length && !isSpace(text.charAt(end)) && text.charAt(end) !== '"') end += 1;
    if (text.charAt(end) === '"' && text.indexOf('"', end + 1) === -1) {
      throw badQuery(say('core.query.strayQuote'));
    }
    const { text: word, modifiers } = splitModifiers(text.slice(i, end));
    i = end;
    clauses.push(...clausesForText(word, field, operator, modifiers, false));
  }
  if (clauses.length > MAX_CLAUSES) {
    throw badQuery(say('core.query.tooManyClauses', { count: clauses.length, max: MAX_CLAUSES }));
  }
  if (clauses.length === 0 && loneOperator !== null) {
    throw badQuery(say('core.query.operatorAlone', { operator: loneOperator }));
  }
  if (clauses.length > 0 && clauses.every((clause) => clause.presence === 'prohibited')) {
    throw badQuery(say('core.query.onlyExcludes'));
  }
  if (clauses.length === 0 && text.trim() !== '') {
    throw badQuery(say('core.query.noWord'));
  }
  return { clauses };
}

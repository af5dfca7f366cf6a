import { describe, expect, it } from 'vitest';
import { parseQuery, type QueryClause } from '../../../../electron/core/search/query-parser';
import { QuireError } from '../../../../electron/shared/result';

const parse = (text: string): QueryClause[] => parseQuery(text).clauses;
const term = (word: string, extra: Partial<QueryClause> = {}) => ({
  kind: 'term',
  word,
  field: null,
  presence: 'required',
  explicit: false,
  prefix: false,
  editDistance: 0,
  boost: 1,
  ...extra,
});

describe('parseQuery', () => {
  it('reads plain words as required terms', () => {
    expect(parse('Fuad  Hussein')).toEqual([term('Fuad'), term('Hussein')]);
  });

  it('reads operators, fields, prefixes, fuzziness and boosts', () => {
    expect(parse('+iraq -iran title:baghdad author:smith site:bbc tag:news note:todo body:text')).toEqual([
      term('iraq', { explicit: true }),
      term('iran', { presence: 'prohibited' }),
      term('baghdad', { field: 'title' }),
      term('smith', { field: 'byline' }),
      term('bbc', { field: 'siteName' }),
      term('news', { field: 'tags' }),
      term('todo', { field: 'notes' }),
      term('text', { field: 'body' }),
    ]);
    expect(parse('relat* hussien~1 hussien~ iraq^5 foo~2')).toEqual([
      term('relat', { prefix: true }),
      term('hussien', { editDistance: 1 }),
      term('hussien', { editDistance: 1 }),
      term('iraq', { boost: 5 }),
      term('foo', { editDistance: 2 }),
    ]);
  });

  it('reads quoted phrases, with or without a field or operator', () => {
    expect(parse('"Fuad Hussein" -"bad news" title:"regional security"')).toEqual([
      { kind: 'phrase', words: ['Fuad', 'Hussein'], field: null, presence: 'required' },
      { kind: 'phrase', words: ['bad', 'news'], field: null, presence: 'prohibited' },
      { kind: 'phrase', words: ['regional', 'security'], field: 'title', presence: 'required' },
    ]);
  });

  it('matches a word the tokenizer splits as a phrase of its parts', () => {
    expect(parse('node.js')).toEqual([{ kind: 'phrase', words: ['node', 'js'], field: null, presence: 'required' }]);
    expect(parse('node.j*')).toEqual([term('node'), term('j', { prefix: true })]);
  });

  it('reads a + or - standing between words as a dash, not an operator', () => {
    expect(parse('ftrace - Function Tracer')).toEqual([term('ftrace'), term('Function'), term('Tracer')]);
    expect(parse('iran + iraq')).toEqual([term('iran'), term('iraq')]);
    // An exclusion still being typed excludes nothing yet.
    expect(parse('iran -')).toEqual([term('iran')]);
  });

  it('treats unknown fields as words', () => {
    expect(parse('android:foo')).toEqual([term('android'), term('foo')]);
    expect(parse('iraq -android:foo')).toEqual([
      term('iraq'),
      term('android', { presence: 'prohibited' }),
      term('foo', { presence: 'prohibited' }),
    ]);
  });

  it('reads empty and blank input as no query', () => {
    expect(parse('')).toEqual([]);
    expect(parse('   ')).toEqual([]);
    expect(parse('foo~')).toEqual([term('foo', { editDistance: 1 })]);
    // punctuation around words is not syntax
    expect(parse('((iran')).toEqual([term('iran')]);
  });

  /** The error a malformed query gets: always a bad-query QuireError with a one-sentence message. */
  function refusal(text: string): QuireError {
    try {
      parseQuery(text);
    } catch (error) {
      if (error instanceof QuireError) return error;
      throw new Error(`${JSON.stringify(text)} threw something else: ${String(error)}`, { cause: error });
    }
    throw new Error(`${JSON.stringify(text)} was accepted`);
  }

  it.each([
    ['"unclosed phrase', /never closes.*"exact phrase"/],
    ['hussein"', /never closes/],
    ['title:"regional', /never closes/],
    ['"', /never closes/],
    ['""', /holds no words/],
    ['"  "', /holds no words/],
    ['+', /stands alone.*\+required/],
    ['-', /stands alone/],
    ['+-+', /stands alone/],
    ['title:', /"title:" has nothing after it.*title:report/],
    ['author: smith', /"author:" has nothing after it/],
    ['~', /allows typos in no word.*report~1/],
    ['~1', /allows typos in no word/],
    ['foo~9', /asks for 9 typos.*1 or 2/],
    ['foo~0', /asks for 0 typos/],
    ['fo~o', /~ in the middle of a word/],
    ['^', /\^ without a positive number/],
    ['a^', /\^ without a positive number/],
    ['iraq^0', /without a positive number/],
    ['ir^aq', /\^ in the middle of a word/],
    ['*', /wildcard without a word/],
    ['***', /wildcard without a word/],
    ['*iran', /\* inside or before the word/],
    ['ir*n', /\* inside or before the word/],
    ['a*', /too short a prefix.*re\*/],
    ['-iran -iraq', /only excludes words.*report -draft/],
    ['::', /no word to look for/],
    ['\\', /no word to look for/],
    ['x '.repeat(40), /keep it to 32 or fewer/],
    ['x'.repeat(5000), /keep it under 1000/],
  ])('refuses %j with a message that says how to write it', (text, message) => {
    const error = refusal(text);
    expect(error.code).toBe('bad-query');
    expect(error.message).toMatch(message);
    // one sentence: no line breaks, ends with a full stop
    expect(error.message).toMatch(/^[^\n]+\.$/);
  });
});

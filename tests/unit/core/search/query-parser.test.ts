import { describe, expect, it } from 'vitest';
import { parseQuery, type QueryClause } from '../../../../electron/core/search/query-parser';

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
    expect(parse('relat* hussien~1 hussien~ iraq^5 foo~9')).toEqual([
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

  it('treats unknown fields as words', () => {
    expect(parse('android:foo')).toEqual([term('android'), term('foo')]);
    expect(parse('-android:foo')).toEqual([
      term('android', { presence: 'prohibited' }),
      term('foo', { presence: 'prohibited' }),
    ]);
  });

  it('tolerates anything without throwing', () => {
    expect(parse('"unclosed phrase')).toEqual([
      { kind: 'phrase', words: ['unclosed', 'phrase'], field: null, presence: 'required' },
    ]);
    for (const text of ['title:', '+', '-', '***', 'a^', 'foo~', '"', '::', '~', '^', '+-', '"""', '\u0000', '\\']) {
      expect(() => parse(text), text).not.toThrow();
    }
    expect(parse('title:')).toEqual([]);
    expect(parse('***')).toEqual([]);
    expect(parse('a^')).toEqual([term('a')]);
    expect(parse('foo~')).toEqual([term('foo', { editDistance: 1 })]);
    expect(parse('x '.repeat(2000)).length).toBeLessThanOrEqual(32);
  });
});

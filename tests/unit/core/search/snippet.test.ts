import { describe, expect, it } from 'vitest';
import { buildSnippet, containsPhrase, findMatches, snippetFocus } from '../../../../electron/core/search/snippet';
import { SEED_TEXT } from './search-fixtures';

const match = (text: string, terms: string[], phrases: string[][] = []) =>
  findMatches(text, { terms: new Set(terms), phrases });

describe('findMatches', () => {
  it('marks every surface form of a matched stem', () => {
    const text = 'Relations, relation and RELATIONS; unrelated words.';
    const { words } = match(text, ['relat']);
    expect(words.map((w) => text.slice(w.start, w.end))).toEqual(['Relations', 'relation', 'RELATIONS']);
  });

  it('marks phrases word by word and reports the first occurrence', () => {
    const found = match(SEED_TEXT, [], [['fuad', 'hussein']]);
    expect(found.first).toEqual({ start: SEED_TEXT.indexOf('Fuad Hussein'), end: SEED_TEXT.indexOf('Fuad Hussein') + 12 });
    expect(found.words.length).toBe(4);
  });
});

describe('containsPhrase', () => {
  it('compares words case- and diacritic-insensitively, on word boundaries', () => {
    expect(containsPhrase('Le Café de Flore', ['cafe', 'de'])).toBe(true);
    expect(containsPhrase('the cafeteria de', ['cafe', 'de'])).toBe(false);
    expect(containsPhrase('Fuad, Hussein', ['fuad', 'hussein'])).toBe(true);
    expect(containsPhrase('Hussein Fuad', ['fuad', 'hussein'])).toBe(false);
  });
});

describe('buildSnippet', () => {
  it('escapes everything and marks only the matches', () => {
    const text = 'a <b>bold</b> & "quoted" claim';
    const { words } = match(text, ['bold', 'claim']);
    expect(buildSnippet(text, words)).toBe('a &lt;b&gt;<mark>bold</mark>&lt;/b&gt; &amp; &quot;quoted&quot; <mark>claim</mark>');
  });

  it('picks the window with the most distinct matches', () => {
    const text = `${'Iran '.repeat(100)}filler ${'words '.repeat(60)}Iran and Iraq together here ${'tail '.repeat(100)}`;
    const snippet = buildSnippet(text, match(text, ['iran', 'iraq']).words);
    expect(snippet).toContain('<mark>Iran</mark> and <mark>Iraq</mark>');
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
  });

  it('tells the reader to open where the snippet is, not at the first weak match', () => {
    const text = `Iran alone. ${'filler '.repeat(80)}Iran and Iraq together here ${'tail '.repeat(100)}`;
    const focus = snippetFocus(text, match(text, ['iran', 'iraq']).words);
    expect(focus).toEqual({ start: text.indexOf('Iran and Iraq'), end: text.indexOf('Iran and Iraq') + 4 });
  });

  it('cuts between words and collapses line breaks', () => {
    const snippet = buildSnippet(SEED_TEXT, match(SEED_TEXT, ['bahrain']).words);
    const visible = snippet.replace(/<\/?mark>/g, '');
    expect(visible).not.toMatch(/\n/);
    const inner = visible.replace(/^…|…$/g, '').replace(/&quot;/g, '"');
    expect(SEED_TEXT.replace(/\s+/g, ' ')).toContain(inner);
    const [first] = inner.split(' ');
    expect(SEED_TEXT).toMatch(new RegExp(`(^|\\s)${first!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  it('shows the start of the text when nothing in it matched', () => {
    expect(buildSnippet('Short text.', [])).toBe('Short text.');
    expect(buildSnippet('', [])).toBe('');
  });
});

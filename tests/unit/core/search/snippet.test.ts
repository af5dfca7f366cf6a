import { describe, expect, it } from 'vitest';
import { buildSnippet, containsPhrase, findMatches, snippetFocus } from '../../../../electron/core/search/snippet';
import { foldWord, tokenize } from '../../../../electron/core/search/text-pipeline';
import { SEED_TEXT, webPage } from './search-fixtures';

/** The phrase's words are consecutive words of the text: the definition, one token at a time. */
function occursWordByWord(text: string, phrase: readonly string[]): boolean {
  const words = tokenize(text)
    .map((token) => foldWord(token.text))
    .filter((word): word is string => word !== null);
  return words.some((_, i) => phrase.every((word, k) => words[i + k] === word));
}

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

  it('decides like a word-by-word comparison, also on its native-search path (plain words, no accents)', () => {
    const crafted = [
      'python是code and python3 code',
      'Python code, PYTHON—code',
      'cpython code',
      'the device\u200ddriver and the device driver',
      'a “device” ─ driver… then device\u0007 driver',
      'Kernel \u212aernel kernel-space kernelspace',
    ];
    const texts = [...crafted, SEED_TEXT, ...['mozilla-1', 'wikipedia', 'lemonde-1', 'heise', 'qq'].map((name) => webPage(name).text)];
    let present = 0;
    for (const text of texts) {
      const words = tokenize(text)
        .map((token) => foldWord(token.text))
        .filter((word): word is string => word !== null);
      const phrases: string[][] = [['python', 'code'], ['device', 'driver'], ['kernel', 'space'], ['kernel', 'kernel']];
      for (let i = 0; i + 3 <= words.length; i += Math.max(1, Math.floor(words.length / 60))) {
        phrases.push(words.slice(i, i + 2), words.slice(i, i + 3), [words[i + 1]!, words[i]!]);
      }
      for (const phrase of phrases) {
        const expected = occursWordByWord(text, phrase);
        if (expected) present += 1;
        expect(containsPhrase(text, phrase), `${JSON.stringify(phrase)} in ${text.slice(0, 40)}`).toBe(expected);
      }
    }
    expect(present).toBeGreaterThan(300);
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

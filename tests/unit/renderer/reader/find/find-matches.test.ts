import { describe, expect, it } from 'vitest';
import { findInText, firstMatchFrom, stepMatch } from '../../../../../renderer/reader/find/find-matches';
import { findShortcut } from '../../../../../renderer/reader/find/find-shortcuts';
import { foldText } from '../../../../../renderer/reader/find/text-folding';

/** The matched pieces of the original text, as the reader would highlight them. */
const found = (text: string, query: string) => findInText(foldText(text), query).map((m) => text.slice(m.start, m.end));

describe('find in the article: matching', () => {
  it('ignores case and accents both ways, precomposed or not', () => {
    const text = 'Café, CAFE and cafe\u0301 (decomposed); the café.';
    expect(found(text, 'cafe')).toEqual(['Café', 'CAFE', 'cafe\u0301', 'café']);
    expect(found(text, 'CAFÉ')).toEqual(['Café', 'CAFE', 'cafe\u0301', 'café']);
    // A match ending on a decomposed letter takes its accent too.
    expect(found('e\u0301lan', 'e')).toEqual(['e\u0301']);
  });

  it('folds what browsers fold: ß, ligatures, full-width letters, curly quotes, Arabic harakat', () => {
    expect(found('Die Straße', 'strasse')).toEqual(['Straße']);
    expect(found('an ofﬁce', 'office')).toEqual(['ofﬁce']);
    expect(found('ＡＢＣ news', 'abc')).toEqual(['ＡＢＣ']);
    expect(found('don’t panic', "don't")).toEqual(['don’t']);
    expect(found('كَتَبَ الكتاب', 'كتب')).toEqual(['كَتَبَ']);
  });

  it('keeps marks that make a different letter (Devanagari vowel signs)', () => {
    expect(found('कि क', 'क')).toEqual(['क', 'क']);
    expect(found('कि क', 'कि')).toEqual(['कि']);
  });

  it('finds across the line break between blocks and any run of spaces', () => {
    expect(found('the end\nThe next   part', 'end the')).toEqual(['end\nThe']);
    expect(found('next   part', 'next part')).toEqual(['next   part']);
  });

  it('finds parts of words, never overlapping, left to right', () => {
    expect(found('aaaa', 'aa')).toEqual(['aa', 'aa']);
    expect(findInText(foldText('aaaaa'), 'aa')).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
    expect(found('Whale, whaler, whalebone', 'whale')).toHaveLength(3);
    // One "ß" folds to "ss": "s" finds it once, not twice.
    expect(findInText(foldText('ß'), 's')).toEqual([{ start: 0, end: 1 }]);
  });

  it('finds nothing for an empty or blank query, or a missing word', () => {
    expect(found('some text', '')).toEqual([]);
    expect(found('some text', '   ')).toEqual([]);
    expect(found('some text', 'whale')).toEqual([]);
  });

  it('offsets point into the original text, also after characters outside the BMP', () => {
    const text = '😀 Ünïcode 𝒜 ünicode';
    const matches = findInText(foldText(text), 'unicode');
    expect(matches.map((m) => text.slice(m.start, m.end))).toEqual(['Ünïcode', 'ünicode']);
  });

  it('folds a 1 MB article once and searches it quickly', () => {
    const paragraph = 'Le café du port ouvre à l’aube; the whale surfaced near the harbour.\n';
    const text = paragraph.repeat(Math.ceil(1_000_000 / paragraph.length));
    const started = performance.now();
    const folded = foldText(text);
    const matches = findInText(folded, 'cafe');
    const elapsed = performance.now() - started;
    expect(matches).toHaveLength(Math.ceil(1_000_000 / paragraph.length));
    expect(text.slice(matches[5]!.start, matches[5]!.end)).toBe('café');
    // Generous: about 100 ms on a developer machine; a loaded CI core is slower.
    expect(elapsed).toBeLessThan(3_000);
    const query = performance.now();
    expect(findInText(folded, 'e').length).toBeGreaterThan(100_000);
    expect(performance.now() - query).toBeLessThan(1_000);
  });
});

describe('find in the article: moving between matches', () => {
  it('wraps around at both ends', () => {
    expect(stepMatch(0, 3, 1)).toBe(1);
    expect(stepMatch(2, 3, 1)).toBe(0);
    expect(stepMatch(0, 3, -1)).toBe(2);
    expect(stepMatch(0, 1, 1)).toBe(0);
    expect(stepMatch(-1, 3, -1)).toBe(2);
    expect(stepMatch(-1, 0, 1)).toBe(-1);
  });

  it('starts at the first match at or after the place being read, else at the first', () => {
    const matches = [
      { start: 10, end: 12 },
      { start: 50, end: 52 },
      { start: 90, end: 92 },
    ];
    expect(firstMatchFrom(matches, 0)).toBe(0);
    expect(firstMatchFrom(matches, 50)).toBe(1);
    expect(firstMatchFrom(matches, 51)).toBe(2);
    expect(firstMatchFrom(matches, 95)).toBe(0);
    expect(firstMatchFrom([], 10)).toBe(-1);
  });
});

describe('find in the article: keys', () => {
  const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init);

  it('Ctrl+F opens elsewhere, ⌘F on macOS; Ctrl+G, F3 and their Shift forms move', () => {
    expect(findShortcut(key({ key: 'f', ctrlKey: true }), false)).toBe('open');
    expect(findShortcut(key({ key: 'f', ctrlKey: true }), true)).toBeNull();
    expect(findShortcut(key({ key: 'f', metaKey: true }), true)).toBe('open');
    expect(findShortcut(key({ key: 'а', code: 'KeyF', ctrlKey: true }), false)).toBe('open');
    expect(findShortcut(key({ key: 'g', ctrlKey: true }), false)).toBe('next');
    expect(findShortcut(key({ key: 'G', ctrlKey: true, shiftKey: true }), false)).toBe('previous');
    expect(findShortcut(key({ key: 'F3' }), false)).toBe('next');
    expect(findShortcut(key({ key: 'F3', shiftKey: true }), true)).toBe('previous');
    expect(findShortcut(key({ key: 'f' }), false)).toBeNull();
    expect(findShortcut(key({ key: 'f', ctrlKey: true, altKey: true }), false)).toBeNull();
    expect(findShortcut(key({ key: 'F', ctrlKey: true, shiftKey: true }), false)).toBeNull();
  });
});

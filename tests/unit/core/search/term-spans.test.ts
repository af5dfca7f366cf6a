/**
 * The snippet's fast search for matched words (native search over the lowercased text) must mark
 * exactly the words a full pass over every token marks, on real pages in several scripts.
 */
import { describe, expect, it } from 'vitest';
import { termSpans } from '../../../../electron/core/search/term-spans';
import { normalizeTerm, tokenize } from '../../../../electron/core/search/text-pipeline';
import { SEED_TEXT, webPage } from './search-fixtures';

/** Every token whose term is one of `terms`, overlapping ones merged: the reference. */
function everyToken(text: string, terms: ReadonlySet<string>, lang?: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const token of tokenize(text)) {
    const term = normalizeTerm(token.text, lang);
    const chars = [...token.text];
    const cjkPart = chars.length === 2 && /\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}/u.test(token.text) && chars.some((c) => terms.has(c));
    if (!(term !== null && terms.has(term)) && !cjkPart) continue;
    const last = spans[spans.length - 1];
    if (last !== undefined && token.start < last.end) last.end = Math.max(last.end, token.end);
    else spans.push({ start: token.start, end: token.end });
  }
  return spans;
}

/** A few terms drawn from the text itself, at fixed strides. */
function termsOf(text: string, lang?: string): Set<string> {
  const all = tokenize(text)
    .map((token) => normalizeTerm(token.text, lang))
    .filter((term): term is string => term !== null);
  return new Set([0.1, 0.3, 0.5, 0.7, 0.9].map((at) => all[Math.floor(at * all.length)]!));
}

describe('termSpans', () => {
  it.each(['seed', 'mozilla-1', 'wikipedia', 'lemonde-1', 'heise', 'qq'])('marks the same words as a pass over every token (%s)', (name) => {
    const text = name === 'seed' ? SEED_TEXT : webPage(name).text;
    const terms = termsOf(text);
    expect(termSpans(text, terms, undefined)).toEqual(everyToken(text, terms));
  });

  it.each(['seed', 'mozilla-1', 'wikipedia'])('marks the same words as a pass over every token for each of 300 terms of an English page (%s)', (name) => {
    const text = name === 'seed' ? SEED_TEXT : webPage(name).text;
    const all = [...new Set(tokenize(text).map((token) => normalizeTerm(token.text)).filter((term): term is string => term !== null))];
    expect(all.length).toBeGreaterThan(100);
    const stride = Math.max(1, Math.floor(all.length / 300));
    for (const term of all.filter((_, i) => i % stride === 0)) {
      const terms = new Set([term]);
      expect(termSpans(text, terms, 'en'), term).toEqual(everyToken(text, terms, 'en'));
    }
  });

  it("relies on English stems keeping all of their word's start but the last letter", () => {
    // Porter rewrites endings (y → i, -ing → e, -ational → -ate, -biliti → -ble) and nothing else.
    const words = ['happy', 'hoping', 'filing', 'ponies', 'relational', 'generalization', 'nobility', 'mobility',
      'sensibility', 'conditional', 'formality', 'operator', 'valency', 'hopefulness', 'electrical', 'agreed',
      'conflated', 'troubled', 'sized', 'hopping', 'tanned', 'falling', 'hissing', 'fizzed', 'failing', 'sky', 'analogies'];
    for (const text of [SEED_TEXT, webPage('mozilla-1').text, webPage('wikipedia').text]) {
      for (const token of tokenize(text)) if (/^[A-Za-z0-9]+$/.test(token.text)) words.push(token.text);
    }
    for (const word of words) {
      const stem = normalizeTerm(word, 'en');
      if (stem !== null) expect(word.toLowerCase().startsWith(stem.slice(0, -1)), `${word} → ${stem}`).toBe(true);
    }
  });

  it('finds words whose folded form differs from the text (accents, control characters, mixed scripts)', () => {
    const text = 'Müller met MULLER and \u0001muller; café CAFE naïve İstanbul Python是 😀 muller';
    for (const terms of [new Set(['muller']), new Set(['cafe', 'naiv']), new Set(['python']), new Set(['istanbul'])]) {
      expect(termSpans(text, terms, undefined)).toEqual(everyToken(text, terms));
    }
  });

  it('finds Latin words inside runs of CJK characters, before, between and after them', () => {
    const text = '是Python与Python是，café是更多Cafés。Pythonの本と、ｐｙｔｈｏｎ和python3';
    for (const terms of [new Set(['python']), new Set(['cafe']), new Set(['python3', 'python'])]) {
      expect(termSpans(text, terms, 'en')).toEqual(everyToken(text, terms, 'en'));
      expect(termSpans(text, terms, 'en').length).toBeGreaterThan(0);
    }
  });

  it('marks a single CJK character inside bigrams', () => {
    const text = '我在图书馆看书';
    expect(termSpans(text, new Set(['书']), undefined)).toEqual(everyToken(text, new Set(['书'])));
    expect(termSpans(text, new Set(['书']), undefined).length).toBeGreaterThan(0);
  });
});

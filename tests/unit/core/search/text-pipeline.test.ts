import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import {
  analyzeField,
  createSearchPipeline,
  expandField,
  foldWord,
  isStopWord,
  normalizeTerm,
  tokenize,
} from '../../../../electron/core/search/text-pipeline';
import { webPage } from './search-fixtures';

const words = (text: string) => tokenize(text).map((token) => token.text);

describe('tokenize', () => {
  it('splits on punctuation and symbols, so parts of dotted, underscored and path-like words are found', () => {
    expect(words('node.js foo_bar arch/x86/kernel Net::DBus os.path.join')).toEqual([
      'node', 'js', 'foo', 'bar', 'arch', 'x86', 'kernel', 'Net', 'DBus', 'os', 'path', 'join',
    ]);
    expect(words("NASA's anti-virus “quoted” (2023)")).toEqual(['NASA', 's', 'anti', 'virus', 'quoted', '2023']);
  });

  it('reports offsets into the original string', () => {
    const text = 'İstanbul, café\nrésumé';
    for (const token of tokenize(text)) expect(text.slice(token.start, token.end)).toBe(token.text);
  });

  it('keeps Arabic words whole and cuts Chinese and Japanese runs into overlapping bigrams', () => {
    expect(words('المكتبة الوطنية، 图书馆。')).toEqual(['المكتبة', 'الوطنية', '图书', '书馆']);
    expect(words('Python是一种')).toEqual(['Python', '是一', '一种']);
    expect(words('書')).toEqual(['書']);
    // offsets stay exact in the original string
    const text = 'Pythonの図書館';
    expect(tokenize(text).map((t) => text.slice(t.start, t.end))).toEqual(['Python', 'の図', '図書', '書館']);
  });
});

describe('normalizeTerm', () => {
  it('folds case and diacritics before stemming', () => {
    expect(normalizeTerm('Café')).toBe(normalizeTerm('cafe'));
    expect(normalizeTerm('RÉSUMÉ')).toBe(normalizeTerm('resume'));
    expect(normalizeTerm('İstanbul')).toBe('istanbul');
    expect(normalizeTerm('Straße')).toBe(normalizeTerm('strasse'));
    expect(normalizeTerm('ﬁnance')).toBe(normalizeTerm('finance'));
  });

  it('stems English and keeps stop words as terms (a stop word of one language is a word of another)', () => {
    expect(normalizeTerm('relations')).toBe(normalizeTerm('relation'));
    expect(normalizeTerm('Running')).toBe('run');
    expect(normalizeTerm('The')).toBe('the');
    expect(isStopWord('the')).toBe(true);
    expect(isStopWord('Why')).toBe(true);
    expect(isStopWord('die', 'de')).toBe(true);
    expect(isStopWord('die')).toBe(false);
  });

  it('never yields an empty term, whatever the script', () => {
    for (const word of ['المكتبة', 'كِتَابٌ', '图书馆', 'नमस्ते', '한국어', '\u0301', '\u00ad', '﷽', 'ﷺ']) {
      const term = normalizeTerm(word);
      expect(term === null || term.length > 0, word).toBe(true);
    }
    // Arabic harakat are folded away like Latin accents
    expect(normalizeTerm('كِتَابٌ')).toBe(normalizeTerm('كتاب'));
    // Indic vowel signs are letters' parts, not accents: they stay
    expect(foldWord('नमस्ते')).toBe('नमस्ते');
    // Hangul is recomposed after decomposition
    expect(foldWord('한국어')).toBe('한국어');
  });
});

describe('analyzeField', () => {
  it('counts terms of real text without empty or spaced terms', () => {
    for (const name of ['qq', 'mozilla-1', 'wikipedia', 'lemonde-1']) {
      const field = analyzeField(webPage(name).text);
      const terms = expandField(field);
      expect(terms.length).toBe(field.length);
      expect(field.length).toBeGreaterThan(50);
      for (const term of terms) expect(term).toMatch(/^[^\s:]+$/);
    }
  });

  it('round-trips counts', () => {
    const field = analyzeField('Iran and Iraq; Iraq, Iraqi, iraq.');
    expect(expandField(field).sort()).toEqual(['and', 'iran', 'iraq', 'iraq', 'iraq', 'iraqi']);
  });
});

describe('the search pipeline', () => {
  it('is registered, so a serialized index loads and runs the same normalization', () => {
    const builder = new lunr.Builder();
    builder.ref('id');
    builder.field('body');
    builder.pipeline = createSearchPipeline();
    builder.searchPipeline = createSearchPipeline();
    builder.add({ id: 'a', body: 'Café relations' });
    const loaded = lunr.Index.load(JSON.parse(JSON.stringify(builder.build())) as object);
    expect(loaded.search('CAFE').map((r) => r.ref)).toEqual(['a']);
    expect(loaded.search('relation').map((r) => r.ref)).toEqual(['a']);
  });
});

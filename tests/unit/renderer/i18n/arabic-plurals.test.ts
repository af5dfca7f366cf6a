/**
 * Counts in Arabic take six forms. The expected sentences are written here as an Arabic reader
 * says them, not taken from the catalog: 0 has its own wording, 1 and 2 are words, 3–10 take the
 * plural, 11–99 the singular accusative, 100 the singular genitive.
 */
import { describe, expect, it } from 'vitest';
import { articleCountLabel, wordCountLabel } from '../../../../renderer/library/article-format';
import { intlFor } from '../support/intl';

const arabic = intlFor('ar');

describe('Arabic plural forms', () => {
  it.each([
    [0, 'لا مقالات'],
    [1, 'مقال واحد'],
    [2, 'مقالان'],
    [3, '3 مقالات'],
    [11, '11 مقالًا'],
    [100, '100 مقال'],
  ])('%i articles: %s', (count, expected) => {
    expect(articleCountLabel(count, arabic)).toBe(expected);
  });

  it.each([
    [0, 'لا كلمات'],
    [1, 'كلمة واحدة'],
    [2, 'كلمتان'],
    [3, '3 كلمات'],
    [11, '11 كلمة'],
    [100, '100 كلمة'],
  ])('%i words: %s', (count, expected) => {
    expect(wordCountLabel(count, arabic)).toBe(expected);
  });

  it('says "3 articles" in every shipped language', () => {
    const expected = { en: '3 articles', fr: '3 articles', es: '3 artículos', de: '3 Artikel', ja: '3 件の記事', 'zh-CN': '3 篇文章', ar: '3 مقالات' };
    for (const [locale, sentence] of Object.entries(expected)) {
      expect(articleCountLabel(3, intlFor(locale as keyof typeof expected)), locale).toBe(sentence);
    }
  });
});

import { describe, expect, it } from 'vitest';
import {
  CONTEXT_LENGTH,
  findQuote,
  targetFromPassage,
  targetFromQuote,
  targetFromSpan,
} from '../../../../electron/core/annotations/anchor';
import { isQuireError } from '../../../../electron/shared/result';

const TEXT =
  'Iraqi Foreign Minister Fuad Hussein described his country\'s relationship with Iran as "strong," noting that Iraq is trying to bridge the views of neighboring countries.\nFM Hussein said in a press conference…';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return isQuireError(error) ? `${error.code}: ${error.message}` : 'not a QuireError';
  }
  return undefined;
};

describe('building a passage', () => {
  it('from offsets: the quote, 32 characters of context each side, and the offsets', () => {
    const start = TEXT.indexOf('relationship with Iran');
    const end = start + 'relationship with Iran'.length;
    const target = targetFromSpan(TEXT, { start, end });
    expect(target.quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'relationship with Iran',
      prefix: "Hussein described his country's ",
      suffix: ' as "strong," noting that Iraq i',
    });
    expect(target.quote.prefix).toHaveLength(CONTEXT_LENGTH);
    expect(target.position).toEqual({ type: 'TextPositionSelector', start, end });
  });

  it('has shorter context at the edges of the text', () => {
    const target = targetFromSpan(TEXT, { start: 0, end: 5 });
    expect(target.quote.prefix).toBe('');
    const end = targetFromSpan(TEXT, { start: TEXT.length - 3, end: TEXT.length });
    expect(end.quote.suffix).toBe('');
  });

  it('never cuts an emoji in half in the context', () => {
    // 32 code units before the passage fall inside the first emoji, 32 after inside the second.
    const text = `a😀${' '.repeat(31)}target${' '.repeat(31)}😀b`;
    const start = text.indexOf('target');
    const target = targetFromSpan(text, { start, end: start + 6 });
    expect(target.quote.prefix).toBe(' '.repeat(31));
    expect(target.quote.suffix).toBe(' '.repeat(31));
  });

  it('refuses offsets outside the text', () => {
    expect(codeOf(() => targetFromSpan(TEXT, { start: 0, end: TEXT.length + 1 }))).toBe(
      'invalid-argument: That passage is outside the article.',
    );
    expect(codeOf(() => targetFromSpan(TEXT, { start: 5, end: 5 }))).toMatch(/^invalid-argument/);
  });

  it('from a quote: finds it in the text', () => {
    const target = targetFromQuote(TEXT, 'bridge the views');
    expect(target.position.start).toBe(TEXT.indexOf('bridge the views'));
    expect(target.quote.exact).toBe('bridge the views');
  });

  it('from a quote that differs only in whitespace and typographic quotes', () => {
    const target = targetFromPassage(TEXT, { quote: 'as “strong,”   noting' });
    expect(target.quote.exact).toBe('as "strong," noting');
    const acrossParagraphs = targetFromQuote(TEXT, 'countries. FM Hussein');
    expect(acrossParagraphs.quote.exact).toBe('countries.\nFM Hussein');
  });

  it('reports a quote that is not in the article', () => {
    expect(codeOf(() => targetFromQuote(TEXT, 'Baghdad conference'))).toBe(
      'quote-not-found: That passage is not in the article.',
    );
  });

  it('does not take a partial word match as the quote', () => {
    expect(findQuote(TEXT, 'Iran as "strong" noting')).toBeNull();
  });
});

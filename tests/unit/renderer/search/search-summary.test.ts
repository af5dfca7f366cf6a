import { englishIntl } from '../support/intl';
import { describe, expect, it } from 'vitest';
import type { SearchHit, SearchHitKind, SearchTotals } from '../../../../electron/shared/models';
import { kindCountsLabel, resultsSummary } from '../../../../renderer/search/search-summary';

const hit = (articleId: string, kind: SearchHitKind = 'article'): SearchHit => ({
  articleId,
  annotationId: kind === 'article' ? null : `${articleId}-${kind}`,
  title: articleId,
  kind,
  score: 1,
  snippet: '',
  passage: null,
  terms: [],
  format: null,
  date: null,
});

const totals = (overrides: Partial<SearchTotals>): SearchTotals => ({
  articles: 1,
  passages: 1,
  bookmarks: 0,
  notes: 0,
  articlesExact: true,
  passagesExact: true,
  ...overrides,
});

describe('results summary', () => {
  it('says what the whole query found, naming bookmarks and notes among the passages', () => {
    const hits = [hit('a'), hit('a', 'bookmark'), hit('b')];
    expect(resultsSummary(hits, totals({ articles: 62, passages: 214, bookmarks: 2, notes: 3 }), false, 'relevance', englishIntl)).toBe(
      '62 articles · 214 passages (2 bookmarks, 3 notes)',
    );
  });

  it('uses the singular for one, and leaves out kinds with no hit', () => {
    expect(resultsSummary([hit('a')], totals({}), false, 'relevance', englishIntl)).toBe('1 article · 1 passage');
    expect(resultsSummary([hit('a'), hit('a', 'note')], totals({ passages: 2, notes: 1 }), false, 'relevance', englishIntl)).toBe('1 article · 2 passages (1 note)');
  });

  it('says "at least" before a figure the core could only bound', () => {
    expect(resultsSummary([hit('a')], totals({ articles: 12, passages: 40, passagesExact: false }), false, 'relevance', englishIntl)).toBe(
      '12 articles · at least 40 passages',
    );
    // Articles not yet confirmed to hold a quoted phrase: neither figure is complete.
    expect(resultsSummary([hit('a')], totals({ articles: 50, passages: 70, articlesExact: false }), false, 'relevance', englishIntl)).toBe(
      'at least 50 articles · at least 70 passages',
    );
  });

  it('says how many articles are shown while more can be loaded', () => {
    const hits = Array.from({ length: 5 }, (_, i) => hit(`a${i % 2}`));
    expect(resultsSummary(hits, totals({ articles: 9, passages: 20 }), true, 'relevance', englishIntl)).toBe('9 articles · 20 passages · showing the best 2 articles');
    expect(resultsSummary(hits, totals({ articles: 9, passages: 20 }), true, 'date', englishIntl)).toBe('9 articles · 20 passages · showing the newest 2 articles');
  });

  it('is empty with no hits (the view says why)', () => {
    expect(resultsSummary([], totals({ articles: 0, passages: 0 }), false, 'relevance', englishIntl)).toBe('');
  });

  it("labels a group's kinds", () => {
    expect(kindCountsLabel({ article: 2, bookmark: 1, note: 0 }, englishIntl)).toBe('2 passages, 1 bookmark');
    expect(kindCountsLabel({ article: 0, bookmark: 0, note: 3 }, englishIntl)).toBe('3 notes');
  });
});

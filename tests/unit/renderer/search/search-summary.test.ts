import { describe, expect, it } from 'vitest';
import type { SearchHit, SearchHitKind } from '../../../../electron/shared/models';
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

describe('results summary', () => {
  it('counts articles and passages, naming bookmarks and notes among them', () => {
    const hits = [hit('a'), hit('a', 'bookmark'), hit('b'), hit('b', 'note'), hit('b', 'note'), hit('c', 'bookmark')];
    expect(resultsSummary(hits, 50, 'relevance')).toBe('3 articles · 6 passages (2 bookmarks, 2 notes)');
  });

  it('uses the singular for one, and leaves out kinds with no hit', () => {
    expect(resultsSummary([hit('a')], 50, 'relevance')).toBe('1 article · 1 passage');
    expect(resultsSummary([hit('a'), hit('a', 'note')], 50, 'relevance')).toBe('1 article · 2 passages (1 note)');
  });

  it('says which hits are shown when the core returned as many as asked', () => {
    const hits = Array.from({ length: 5 }, (_, i) => hit(`a${i % 2}`));
    expect(resultsSummary(hits, 5, 'relevance')).toBe('2 articles · 5 passages · showing the best 5');
    expect(resultsSummary(hits, 5, 'date')).toBe('2 articles · 5 passages · showing the newest 5');
  });

  it('is empty with no hits (the view says why)', () => {
    expect(resultsSummary([], 50, 'relevance')).toBe('');
  });

  it("labels a group's kinds", () => {
    expect(kindCountsLabel({ article: 2, bookmark: 1, note: 0 })).toBe('2 passages, 1 bookmark');
    expect(kindCountsLabel({ article: 0, bookmark: 0, note: 3 })).toBe('3 notes');
  });
});

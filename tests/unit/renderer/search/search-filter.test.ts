import { describe, expect, it } from 'vitest';
import {
  clearSearchFilters,
  isSearchFiltered,
  NO_SEARCH_FILTER,
  toSearchOptions,
  type SearchFilter,
} from '../../../../renderer/search/search-filter';

const filter = (overrides: Partial<SearchFilter>): SearchFilter => ({ ...NO_SEARCH_FILTER, ...overrides });

describe('search filter → SearchOptions', () => {
  it('sends only the limit when nothing is set, as before filters existed', () => {
    expect(toSearchOptions(NO_SEARCH_FILTER, 50)).toEqual({ limit: 50 });
    expect(isSearchFiltered(NO_SEARCH_FILTER)).toBe(false);
  });

  it('maps each choice to the core option of the same meaning', () => {
    expect(
      toSearchOptions(filter({ tag: 'Climate', format: 'pdf', lang: 'fr', from: '2024-01-01', to: '2024-12-31', sort: 'date' }), 20),
    ).toEqual({ limit: 20, tags: ['Climate'], formats: ['pdf'], languages: ['fr'], from: '2024-01-01', to: '2024-12-31', sort: 'date' });
  });

  it('sends one date bound alone', () => {
    expect(toSearchOptions(filter({ to: '2023-06-30' }), 50)).toEqual({ limit: 50, to: '2023-06-30' });
    expect(isSearchFiltered(filter({ from: '2023-06-30' }))).toBe(true);
  });

  it('ignores a date that is not a whole day, which the core would refuse', () => {
    expect(toSearchOptions(filter({ from: '2024-1', to: 'yesterday' }), 50)).toEqual({ limit: 50 });
    expect(isSearchFiltered(filter({ from: '2024-1' }))).toBe(false);
  });

  it('does not count the order as a filter, and clearing filters keeps it', () => {
    const byDate = filter({ sort: 'date', tag: 'x', lang: 'de' });
    expect(isSearchFiltered(filter({ sort: 'date' }))).toBe(false);
    expect(clearSearchFilters(byDate)).toEqual(filter({ sort: 'date' }));
    expect(toSearchOptions(clearSearchFilters(byDate), 50)).toEqual({ limit: 50, sort: 'date' });
  });
});

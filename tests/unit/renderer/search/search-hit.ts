/** A search hit as the core sends it, for the renderer's search tests: an article hit unless told. */
import type { SearchHit } from '../../../../electron/shared/models';

export const searchHit = (overrides: Partial<SearchHit> & Pick<SearchHit, 'articleId' | 'title'>): SearchHit => ({
  annotationId: null,
  kind: 'article',
  score: 1,
  snippet: '',
  passage: null,
  terms: [],
  format: 'html',
  date: '2024-05-01T10:00:00.000Z',
  ...overrides,
});

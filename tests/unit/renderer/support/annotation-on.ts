import type { Annotation } from '../../../../electron/shared/models';

/** A placed bookmark on the first occurrence of `exact` in an article's text; `overrides` name the rest. */
export function annotationOn(article: { id: string; text: string }, exact: string, overrides: Partial<Annotation> = {}): Annotation {
  const start = article.text.indexOf(exact);
  return {
    id: `ann-${article.id}-${start}`,
    articleId: article.id,
    kind: 'bookmark',
    target: {
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
    },
    color: 'yellow',
    note: '',
    anchorState: 'exact',
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    ...overrides,
  };
}

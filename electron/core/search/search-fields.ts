/** The fields of the Lunr index, their ranking weights, and the names users type in queries. */

export const INDEX_FIELDS = ['title', 'byline', 'siteName', 'tags', 'body', 'notes'] as const;
export type IndexField = (typeof INDEX_FIELDS)[number];

/** A match in the title says more about the article than one in the body (docs/design.md §3). */
export const FIELD_BOOSTS: Readonly<Record<IndexField, number>> = {
  title: 10,
  byline: 3,
  siteName: 2,
  tags: 3,
  body: 1,
  notes: 5,
};

/** `author:` reads better than `byline:`; index field names are accepted too. */
const QUERY_FIELD_NAMES: Readonly<Record<string, IndexField>> = {
  title: 'title',
  author: 'byline',
  byline: 'byline',
  site: 'siteName',
  sitename: 'siteName',
  tag: 'tags',
  tags: 'tags',
  note: 'notes',
  notes: 'notes',
  body: 'body',
  text: 'body',
};

export function fieldForQueryName(name: string): IndexField | null {
  return Object.hasOwn(QUERY_FIELD_NAMES, name.toLowerCase())
    ? (QUERY_FIELD_NAMES[name.toLowerCase()] ?? null)
    : null;
}

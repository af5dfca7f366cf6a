/**
 * Filters and orders the library list (`listArticles(query)`). The CLI and other hosts use it;
 * the UI filters the full list it already holds (see docs/architecture.md, "Library list").
 */
import type { ArticleMeta, ArticleQuery, ArticleSort } from '../../shared/models';
import { hasTag } from './tags';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

const newestFirst = (a: ArticleMeta, b: ArticleMeta): number =>
  b.addedAt.localeCompare(a.addedAt) || a.id.localeCompare(b.id);

/** Missing values (no site, no date) go last whatever the order. */
const missingLast = <T>(a: T | null, b: T | null, compare: (x: T, y: T) => number): number => {
  if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1;
  return compare(a, b);
};

const COMPARATORS: Readonly<Record<ArticleSort, (a: ArticleMeta, b: ArticleMeta) => number>> = {
  added: newestFirst,
  published: (a, b) => missingLast(a.publishedAt, b.publishedAt, (x, y) => Date.parse(y) - Date.parse(x)),
  title: (a, b) => collator.compare(a.title, b.title),
  site: (a, b) => missingLast(a.siteName, b.siteName, (x, y) => collator.compare(x, y)),
  // Furthest read first: what someone is in the middle of comes before what they have not started.
  progress: (a, b) => b.progress - a.progress,
};

export function queryArticles(articles: readonly ArticleMeta[], query: ArticleQuery = {}): ArticleMeta[] {
  const lang = query.lang?.toLowerCase();
  const matches = articles.filter(
    (a) =>
      (query.tag === undefined || hasTag(a, query.tag)) &&
      (query.readState === undefined || a.readState === query.readState) &&
      (query.format === undefined || a.format === query.format) &&
      (lang === undefined || (a.lang ?? '').toLowerCase().split('-')[0] === lang.split('-')[0]),
  );
  const compare = COMPARATORS[query.sort ?? 'added'];
  return matches.sort((a, b) => compare(a, b) || newestFirst(a, b));
}

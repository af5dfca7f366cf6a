/**
 * The rules for filtering and ordering the library, written once: the core's `listArticles(query)`
 * (and through it `quire list`), the library facets, the search index's language filter, the
 * renderer's library list (which filters the metadata it already holds, with no round trip) and
 * the test fakes all use these. Pure: no Node, no DOM.
 */
import type { ArticleMeta, ArticleQuery, ArticleSort } from './models';

/**
 * The primary subtag of a BCP 47 language tag, lowercased (`fr-CA` → `fr`; `en_US`, as some
 * pages and EPUBs write it, → `en`), or null when it is not two or three letters. Articles are
 * filtered, counted and offered by it, so every language offered is one every filter accepts.
 */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

/** How tags compare: without regard to case ("News" and "news" are one tag). */
export const tagKey = (tag: string): string => tag.toLocaleLowerCase();

export const hasTag = (meta: Pick<ArticleMeta, 'tags'>, tag: string): boolean =>
  meta.tags.some((own) => tagKey(own) === tagKey(tag));

// Made at the first comparison of titles: setting up a collator costs a command that never sorts by text about 20 ms.
let collator: Intl.Collator | undefined;

/** Titles and site names in the order a person expects: case and accents aside, numbers by value. */
export const compareText = (a: string, b: string): number => (collator ??= new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })).compare(a, b);

/** Code-unit order: the order of ISO 8601 times and of ids (lowercase ASCII), with no collator to set up (about 20 ms at a command's first sort). */
const byCodeUnits = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** Newest first; ties (same instant) broken by id so the order never flickers between calls. */
export const newestFirst = (a: Pick<ArticleMeta, 'addedAt' | 'id'>, b: Pick<ArticleMeta, 'addedAt' | 'id'>): number =>
  byCodeUnits(b.addedAt, a.addedAt) || byCodeUnits(a.id, b.id);

/** Missing values (no site, no date) go last whatever the order. */
const missingLast = <T>(a: T | null, b: T | null, compare: (x: T, y: T) => number): number => {
  if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1;
  return compare(a, b);
};

/** A byline as it sorts: without a leading "By" (web pages often write one); blank is no author. */
const authorKeyOf = (byline: string | null): string | null => {
  const key = (byline ?? '').trim().replace(/^by\s+/i, '');
  return key === '' ? null : key;
};

/**
 * Each article's author key, made once per article object rather than twice per comparison (a
 * sort of 10,000 articles compares some 130,000 pairs); the metadata objects are never changed in
 * place, so a key cannot go stale, and it goes when its article does.
 */
const authorKeys = new WeakMap<ArticleMeta, string | null>();
const authorKey = (meta: ArticleMeta): string | null => {
  let key = authorKeys.get(meta);
  if (key === undefined) authorKeys.set(meta, (key = authorKeyOf(meta.byline)));
  return key;
};

const COMPARATORS: Readonly<Record<ArticleSort, (a: ArticleMeta, b: ArticleMeta) => number>> = {
  added: newestFirst,
  published: (a, b) => missingLast(a.publishedAt, b.publishedAt, (x, y) => Date.parse(y) - Date.parse(x)),
  title: (a, b) => compareText(a.title, b.title),
  // As the author is written ("Herman Melville"): bylines come in too many forms to find a surname.
  author: (a, b) => missingLast(authorKey(a), authorKey(b), compareText),
  site: (a, b) => missingLast(a.siteName, b.siteName, compareText),
  // Furthest read first: what someone is in the middle of comes before what they have not started.
  progress: (a, b) => b.progress - a.progress,
};

/**
 * The articles in the chosen order (default: added, newest first; ties newest first). Sorting
 * 10,000 titles costs tens of milliseconds, so the library view sorts only when the order or the
 * list changes and filters the sorted list.
 */
export function sortArticles(articles: readonly ArticleMeta[], sort: ArticleSort = 'added'): ArticleMeta[] {
  const compare = COMPARATORS[sort];
  return [...articles].sort((a, b) => compare(a, b) || newestFirst(a, b));
}

/** Whether the query filters anything out (its sort aside). */
export const isFilteringQuery = (query: ArticleQuery): boolean =>
  query.tag !== undefined || query.readState !== undefined || query.format !== undefined || query.lang !== undefined;

/** The articles that pass every filter of the query, in the order given. */
export function filterArticles(articles: readonly ArticleMeta[], query: ArticleQuery): ArticleMeta[] {
  const lang = query.lang === undefined ? undefined : primaryLanguage(query.lang);
  return articles.filter(
    (a) =>
      (query.tag === undefined || hasTag(a, query.tag)) &&
      (query.readState === undefined || a.readState === query.readState) &&
      (query.format === undefined || a.format === query.format) &&
      // A query language that is no language tag matches nothing (the contract refuses it anyway).
      (lang === undefined || (lang !== null && primaryLanguage(a.lang) === lang)),
  );
}

/** `listArticles(query)`: the filtered articles in the query's order, the first `limit` of them when it is given. */
export function queryArticles(articles: readonly ArticleMeta[], query: ArticleQuery = {}): ArticleMeta[] {
  const ordered = sortArticles(filterArticles(articles, query), query.sort);
  return query.limit === undefined ? ordered : ordered.slice(0, query.limit);
}

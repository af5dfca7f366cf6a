/**
 * The filter choices of the library (`listFacets`): what tags, formats and languages its articles
 * have, and how many of each. Counted from the metadata the store already holds in memory, so the
 * UI gets its choices in a few kilobytes instead of the whole article list (megabytes for 10,000
 * articles).
 */
import type { ArticleFormat, ArticleMeta, FacetCount, LibraryFacets } from '../../shared/models';
import { primaryLanguage } from '../../shared/article-query';
import { tagKey } from './tags';

// Made at the first sort, not when the module loads (~7 ms of ICU), which every command pays.
let collator: Intl.Collator | undefined;

class Counter<T extends string> {
  private readonly counts = new Map<string, FacetCount<T>>();

  /** Values equal under `key` count as one, under the spelling seen first. */
  add(value: T, key: string = value): void {
    const facet = this.counts.get(key);
    if (facet) facet.count += 1;
    else this.counts.set(key, { value, count: 1 });
  }

  sorted(): FacetCount<T>[] {
    const compare = (collator ??= new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })).compare;
    return [...this.counts.values()].sort((a, b) => compare(a.value, b.value) || (a.value < b.value ? -1 : 1));
  }
}

/**
 * Facets of `articles` (the store's list, newest first: a tag spelled two ways is offered as the
 * newest article spells it, as the UI did when it counted from the list). Sorted by value.
 */
export function libraryFacets(articles: readonly ArticleMeta[]): LibraryFacets {
  const tags = new Counter<string>();
  const formats = new Counter<ArticleFormat>();
  const languages = new Counter<string>();
  for (const article of articles) {
    // An article counts once per tag, even if it carries two spellings of it.
    const own = new Set<string>();
    for (const tag of article.tags) {
      const key = tagKey(tag);
      if (own.has(key)) continue;
      own.add(key);
      tags.add(tag, key);
    }
    formats.add(article.format);
    // Cut as the search index cuts it, so every language offered is one its filter accepts.
    const lang = primaryLanguage(article.lang);
    if (lang !== null) languages.add(lang);
  }
  return { tags: tags.sorted(), formats: formats.sorted(), languages: languages.sorted() };
}

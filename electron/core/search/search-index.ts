/**
 * The port between the library and the search engine. The library says what exists; the index
 * (a worker thread holding Lunr) decides what to rebuild, answers queries, and computes snippets
 * from text.txt of the top hits.
 */
import type { ArticleFormat, SearchHitKind, SearchOptions, SearchResults } from '../../shared/models';

/** One searchable unit: an article's text, or one bookmark/note (its note and quoted passage). */
export interface SearchDocument {
  /** unique in the index: `<articleId>` for the article, `<articleId>/<annotationId>` otherwise */
  ref: string;
  articleId: string;
  annotationId: string | null;
  kind: SearchHitKind;
  title: string;
  byline: string;
  siteName: string;
  tags: string[];
  /** the article text (kind article) or the quoted passage (bookmark/note) */
  body: string;
  /**
   * An article whose text the index reads from its text.txt itself (`body` is then empty): a
   * large one, whose text read, decoded and copied to the search worker on the library's thread
   * was a long stretch of that thread's work (indexing/library-index-source.ts).
   */
  bodyInTextFile?: boolean;
  /** the Markdown note text (bookmark/note); empty for articles */
  notes: string;
  lang: string | null;
  /** for bookmarks and notes on a passage: where it is in text.txt */
  passage: { start: number; end: number } | null;
  /** the article's format and date (published, else added; ISO), for search filters and sort */
  format?: ArticleFormat;
  date?: string | null;
}

/**
 * What the library knows at the time of a query and the index does not hold: reading moves too
 * often to re-index an article for it.
 */
export interface SearchContext {
  /** ids of the articles read most recently, most recent first: equal scores go to the first */
  recentlyRead?: readonly string[];
}

/** Everything the index needs to know about one article to decide if its entry is stale. */
export interface ArticleFingerprint {
  articleId: string;
  /** changes whenever the article, its metadata or any of its annotations change */
  fingerprint: string;
}

export interface SearchIndex {
  /**
   * Loads the persisted index (if any) and reconciles it with what is in the library: entries for
   * articles not in `current` are dropped; returns the ids whose entries are missing or stale,
   * which the caller must hand to `replaceArticle`.
   */
  open(current: ArticleFingerprint[]): Promise<string[]>;
  /** Replaces every entry of one article (its text and all its annotations). */
  replaceArticle(fingerprint: ArticleFingerprint, documents: SearchDocument[]): Promise<void>;
  replaceArticles(
    entries: { fingerprint: ArticleFingerprint; documents: SearchDocument[] }[],
  ): Promise<void>;
  removeArticle(articleId: string): Promise<void>;
  search(query: string, options?: SearchOptions, context?: SearchContext): Promise<SearchResults>;
  /** Writes the index to disk now (otherwise it is written shortly after each change). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export interface SearchIndexOptions {
  /** where the index files live (a cache: deleting it only costs a rebuild) */
  indexDir: string;
  /** the library root: the worker reads articles/<id>/text.txt of the top hits for snippets */
  libraryDir: string;
}

/**
 * The names of a library's files that code started before the rest of Quire loads needs (the
 * library prefetch, library-prefetch.ts): here alone, with nothing imported, so that loading them
 * loads nothing else. library-paths.ts builds every path inside the library from them.
 */

/** The folder of the library's articles, one folder each. */
export const ARTICLES_FOLDER = 'articles';
/** An article's metadata file in its folder. */
export const ARTICLE_META = 'article.json';
/** An article's folder of bookmarks and notes, one file each. */
export const ANNOTATIONS_FOLDER = 'annotations';
/** The metadata cache's name in the library's cache folder (meta-cache.ts; app-data, one folder per library). */
export const LIBRARY_META_CACHE = 'library-meta.json';

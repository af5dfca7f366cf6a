/**
 * The renderer's cache of the core's answers, described in one place: the key of every query,
 * and for every write of the contract the queries it makes outdated. The API the views get
 * (api-context.tsx) refreshes those queries after each write, whoever made it (a view, the
 * reader), and the core's `library-changed` event refreshes them after another process's changes.
 */
import type { QueryKey } from '@tanstack/react-query';
import type { ReaderMethod } from '../../electron/shared/contract';

export const queryKeys = {
  /** `listArticles`: the library, every article's metadata (the list filters it in the page) */
  articles: ['articles'],
  /** `listTrash` */
  trash: ['trash'],
  /** `listFacets`: the tags, formats and languages the search panel's filters offer */
  facets: ['facets'],
  /** `listAllAnnotations`: every bookmark and note, for the Bookmarks and Notes views */
  libraryAnnotations: ['library-annotations'],
  /** `getSettings` */
  settings: ['settings'],
  /** `libraryHealth`: the check at start */
  libraryHealth: ['library-health'],
} as const satisfies Record<string, QueryKey>;

/** Everything built from the library's articles and annotations. */
export const LIBRARY_CONTENT: readonly QueryKey[] = [queryKeys.articles, queryKeys.trash, queryKeys.facets, queryKeys.libraryAnnotations];

/** Methods that only read (or, like `cancelImport`, only steer a job whose end is an event). */
type ReadMethod =
  | 'listArticles'
  | 'getArticle'
  | 'listFacets'
  | 'listTrash'
  | 'getContent'
  | 'search'
  | 'listAnnotations'
  | 'listAllAnnotations'
  | 'exportAnnotations'
  | 'exportLibraryAnnotations'
  | 'exportArticles'
  | 'getSettings'
  | 'libraryHealth'
  | 'cancelImport';

export type WriteMethod = Exclude<ReaderMethod, ReadMethod>;

const ARTICLE_LISTS: readonly QueryKey[] = [queryKeys.articles, queryKeys.trash, queryKeys.facets];
const ANNOTATIONS: readonly QueryKey[] = [queryKeys.libraryAnnotations];

/**
 * What each write makes outdated. A method added to the contract is a compile error here until
 * it is sorted into reads or writes. Four writes name nothing, on purpose:
 * - `importDocument`, `importUrl` and `startImport`: the importer refreshes once each import ends
 *   (use-import.ts); a refresh per file would list a large library again for every file.
 * - `setSettings`: the settings provider shows the page's own changes itself; a reload landing
 *   between two quick changes could undo the newer one (settings-context.tsx).
 */
export const WRITE_EFFECTS: Record<WriteMethod, readonly QueryKey[]> = {
  importPaths: LIBRARY_CONTENT,
  importDocument: [],
  importUrl: [],
  startImport: [],
  tagArticles: ARTICLE_LISTS,
  untagArticles: ARTICLE_LISTS,
  // Annotations of trashed articles leave the Bookmarks and Notes views, and come back.
  deleteArticle: LIBRARY_CONTENT,
  restoreArticle: LIBRARY_CONTENT,
  deleteArticles: LIBRARY_CONTENT,
  restoreArticles: LIBRARY_CONTENT,
  emptyTrash: LIBRARY_CONTENT,
  // Read state and progress show in the library list.
  setProgress: [queryKeys.articles],
  setReadState: [queryKeys.articles],
  // Tags show in the filters, titles in the Bookmarks and Notes views (they read the articles list).
  editArticle: ARTICLE_LISTS,
  replaceArticleText: LIBRARY_CONTENT,
  createAnnotation: ANNOTATIONS,
  updateAnnotation: ANNOTATIONS,
  deleteAnnotation: ANNOTATIONS,
  restoreAnnotation: ANNOTATIONS,
  importAnnotations: ANNOTATIONS,
  setSettings: [],
};

export const isWriteMethod = (method: ReaderMethod): method is WriteMethod => method in WRITE_EFFECTS;

/**
 * The renderer's cache of the core's answers, described in one place: the key of every query,
 * and for every write of the contract the queries it makes outdated. The API the views get
 * (api-context.tsx) refreshes those queries after each write, whoever made it (a view, the
 * reader), and the core's `library-changed` event refreshes them after another process's changes:
 * the lists, and the reader's queries of the articles it names.
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
  /** the desktop bridge's `libraryFolder`: where the open library is (it changes only with a restart) */
  libraryFolder: ['library-folder'],
  /** `getArticle`, one key per article (articleKey): the metadata the reader shows */
  articleMeta: ['article-meta'],
  /** `getContent`, one key per article: the text the reader shows */
  articleContent: ['article-content'],
  /** `listAnnotations`, one key per article: the reader's bookmarks and notes */
  articleAnnotations: ['article-annotations'],
} as const satisfies Record<string, QueryKey>;

/** The reader's three parts of one article; as keys without an id they name every article's. */
const READER_PARTS = [queryKeys.articleMeta, queryKeys.articleContent, queryKeys.articleAnnotations] as const;

/** The key of one article's part (`queryKeys.articleMeta`, `articleContent`, `articleAnnotations`). */
export const articleKey = (part: (typeof READER_PARTS)[number], articleId: string): QueryKey => [...part, articleId];

/** Every query the reader holds for these articles: what another process's change to them makes outdated. */
export const readerKeysOf = (articleIds: readonly string[]): QueryKey[] =>
  articleIds.flatMap((id) => READER_PARTS.map((part) => articleKey(part, id)));

/** Everything built from the library's articles and annotations. */
export const LIBRARY_CONTENT: readonly QueryKey[] = [queryKeys.articles, queryKeys.trash, queryKeys.facets, queryKeys.libraryAnnotations];

/** Methods that only read (or, like `cancelImport` and `prepareImport`, only steer imports whose ends are events). */
type ReadMethod =
  | 'listArticles'
  | 'getArticle'
  | 'listFacets'
  | 'listTrash'
  | 'getContent'
  | 'getChapter'
  | 'search'
  | 'listAnnotations'
  | 'listAllAnnotations'
  | 'exportAnnotations'
  | 'exportLibraryAnnotations'
  | 'exportArticles'
  | 'getSettings'
  | 'libraryHealth'
  | 'cancelImport'
  | 'prepareImport';

export type WriteMethod = Exclude<ReaderMethod, ReadMethod>;

const ARTICLE_LISTS: readonly QueryKey[] = [queryKeys.articles, queryKeys.trash, queryKeys.facets];
const ANNOTATIONS: readonly QueryKey[] = [queryKeys.libraryAnnotations, queryKeys.articleAnnotations];

/**
 * What each write makes outdated. A method added to the contract is a compile error here until
 * it is sorted into reads or writes. Five writes name nothing, on purpose:
 * - `importDocument`, `importUrl` and `startImport`: the importer refreshes once each import ends
 *   (use-import.ts); a refresh per file would list a large library again for every file.
 * - `setFirstPageCover`: the library's grid puts the answer in its list itself
 *   (library/first-page-covers.ts); a library of PDFs would be listed again for every cover drawn.
 * - `setSettings`: the settings provider shows the page's own changes itself; a reload landing
 *   between two quick changes could undo the newer one (settings-context.tsx).
 * And `setProgress` leaves the reader's article alone: the reader saves its position every few
 * moments while it scrolls and puts the core's answer in the cache itself (use-reading-position.ts),
 * rather than having the open article asked for again each time.
 */
export const WRITE_EFFECTS: Record<WriteMethod, readonly QueryKey[]> = {
  importPaths: LIBRARY_CONTENT,
  importDocument: [],
  importUrl: [],
  startImport: [],
  tagArticles: [...ARTICLE_LISTS, queryKeys.articleMeta],
  untagArticles: [...ARTICLE_LISTS, queryKeys.articleMeta],
  // Annotations of trashed articles leave the Bookmarks and Notes views, and come back.
  deleteArticle: [...LIBRARY_CONTENT, ...READER_PARTS],
  restoreArticle: [...LIBRARY_CONTENT, ...READER_PARTS],
  deleteArticles: [...LIBRARY_CONTENT, ...READER_PARTS],
  restoreArticles: [...LIBRARY_CONTENT, ...READER_PARTS],
  emptyTrash: [...LIBRARY_CONTENT, ...READER_PARTS],
  // Read state and progress show in the library list.
  setProgress: [queryKeys.articles],
  // Read state shows in the list and in a cached article's metadata.
  setReadState: [queryKeys.articles, queryKeys.articleMeta],
  // Tags show in the filters, titles in the Bookmarks and Notes views (they read the articles list) and in the reader.
  editArticle: [...ARTICLE_LISTS, queryKeys.articleMeta],
  // New text: new metadata (title, length) and annotations placed again.
  replaceArticleText: [...LIBRARY_CONTENT, ...READER_PARTS],
  createAnnotation: ANNOTATIONS,
  updateAnnotation: ANNOTATIONS,
  deleteAnnotation: ANNOTATIONS,
  restoreAnnotation: ANNOTATIONS,
  importAnnotations: ANNOTATIONS,
  setSettings: [],
  setFirstPageCover: [],
};

export const isWriteMethod = (method: ReaderMethod): method is WriteMethod => method in WRITE_EFFECTS;

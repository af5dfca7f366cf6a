/**
 * The one contract between the UI and every host (Electron IPC, browser-mode HTTP, CLI, tests).
 * `ReaderServiceMethods` says what each call takes and gives; the argument schemas below are the
 * single source of validation; `ReaderApi` is what the renderer sees (results wrapped in the
 * `Result` envelope). Adding a method here without implementing it in a host is a type error.
 */
import type {
  Annotation,
  AnnotationExportFormat,
  AnnotationImportSummary,
  ArticleContent,
  ContentOptions,
  ArticleEdit,
  ArticleMeta,
  ArticleQuery,
  CreateAnnotationInput,
  ExportedArchive,
  ExportedFile,
  ImportDocumentInput,
  ImportFinishedEvent,
  ImportJob,
  ImportOutcome,
  ImportProgressEvent,
  LibraryAnnotationsExport,
  LibraryFacets,
  MarkedReadState,
  ReadingProgress,
  ReplaceTextOutcome,
  SearchOptions,
  SearchResults,
  Settings,
  UpdateAnnotationInput,
} from './models';
import type { LibraryHealth } from './library-health';
import type { Result } from './result';

export interface ReaderServiceMethods {
  /** Articles in the library, newest first, or as the query filters and orders them. */
  listArticles(query?: ArticleQuery): ArticleMeta[];
  getArticle(id: string): ArticleMeta;
  /** The tags, formats and languages the library holds, with counts: filter choices at a fraction of `listArticles`. */
  listFacets(): LibraryFacets;
  /** Files or folders (recursive) on the machine that runs the core. One outcome per file. */
  importPaths(paths: string[]): ImportOutcome[];
  /** Bytes handed over by the UI (drag and drop, file picker). */
  importDocument(input: ImportDocumentInput): ImportOutcome;
  /** Downloads a web page (or PDF, EPUB…) the user asked for, with its images: Quire's only network use. */
  importUrl(url: string): ImportOutcome;
  /** Like `importPaths`, in the background: progress and the summary arrive as events. */
  startImport(paths: string[]): ImportJob;
  /** Stops a running job after the file being written; what is imported stays. Unknown or finished jobs: no-op. */
  cancelImport(jobId: string): void;
  /**
   * Files are about to come (the open dialog shows, files are dragged over the window, a file
   * picker opens): the core starts its import host now, so that they are read without waiting for
   * its start (about a second and a half). Changes nothing else; unused, the host stops after 30 s.
   */
  prepareImport(): void;
  /** Adds the tags to every article (tags are compared without regard to case). */
  tagArticles(ids: string[], tags: string[]): ArticleMeta[];
  untagArticles(ids: string[], tags: string[]): ArticleMeta[];
  /** Moves the article to the trash; restorable. */
  deleteArticle(id: string): void;
  restoreArticle(id: string): ArticleMeta;
  /** Moves several articles to the trash (all checked first: an unknown id moves none). */
  deleteArticles(ids: string[]): void;
  /** Brings several articles back from the trash (all checked first); the restored articles. */
  restoreArticles(ids: string[]): ArticleMeta[];
  listTrash(): ArticleMeta[];
  /** Deletes every article in the trash for good. */
  emptyTrash(): { removed: number };
  getContent(id: string, options?: ContentOptions): ArticleContent;
  /** One chapter's HTML of a book read in chapters (`ArticleContent.chapters`), by its place in that list. */
  getChapter(id: string, chapter: number): { chapter: number; html: string };
  setProgress(id: string, progress: ReadingProgress): ArticleMeta;
  /**
   * Marks articles read ('finished') or unread by hand (all checked first: an unknown id changes
   * nothing). Unread starts the article over: its reading position goes back to the beginning.
   */
  setReadState(ids: string[], readState: MarkedReadState): ArticleMeta[];
  /**
   * Changes the title, author or tags (the whole list) by hand; the search index follows. An
   * empty title, a label too long or an edit that changes nothing named is refused in a sentence
   * (article-edit.ts) and nothing changes.
   */
  editArticle(id: string, edit: ArticleEdit): ArticleMeta;
  /**
   * Stores a PDF's first page, drawn by the page (a PNG or WebP, base64, bounded in bytes and
   * pixels), as the article's cover; an article that has a cover keeps it (the answer is then the
   * article as it is). Anything else is refused in a sentence and nothing is written.
   */
  setFirstPageCover(id: string, imageBase64: string): ArticleMeta;
  /** A page of hits (`options.offset`, `options.limit`) and the totals of the whole query. */
  search(query: string, options?: SearchOptions): SearchResults;
  listAnnotations(articleId: string): Annotation[];
  createAnnotation(input: CreateAnnotationInput): Annotation;
  updateAnnotation(articleId: string, annotationId: string, patch: UpdateAnnotationInput): Annotation;
  deleteAnnotation(articleId: string, annotationId: string): void;
  /** Puts back a deleted bookmark or note exactly as it was, id included (Undo). */
  restoreAnnotation(annotation: Annotation): Annotation;
  /** Every bookmark and note in the library (the Bookmarks and Notes views). */
  listAllAnnotations(): Annotation[];
  /** An article's bookmarks and notes as a file to download: Markdown or W3C Web Annotation JSON. */
  exportAnnotations(articleId: string, format: AnnotationExportFormat): ExportedFile;
  /** Every bookmark and note of the library as one download: Markdown (a .zip, one file per article) or one W3C JSON file. */
  exportLibraryAnnotations(format: AnnotationExportFormat): LibraryAnnotationsExport;
  /** Chosen articles as a .zip of Markdown files: each one's details, text, bookmarks and notes. */
  exportArticles(ids: string[]): ExportedArchive;
  /** Restores the passages of a W3C Web Annotation export (as `exportAnnotations` writes it). */
  importAnnotations(json: string): AnnotationImportSummary;
  /** New text for an article from a file on the core's machine; its passages are re-anchored. */
  replaceArticleText(id: string, path: string): ReplaceTextOutcome;
  getSettings(): Settings;
  setSettings(patch: Partial<Settings>): Settings;
  /** What the library check at start found and repaired (state 'checking' until it is done). */
  libraryHealth(): LibraryHealth;
}

export type ReaderMethod = keyof ReaderServiceMethods;
export type ArgsOf<M extends ReaderMethod> = Parameters<ReaderServiceMethods[M]>;
export type ValueOf<M extends ReaderMethod> = ReturnType<ReaderServiceMethods[M]>;

/** What the core implements: plain async methods that throw `QuireError` on bad input. */
export type ReaderService = {
  [M in ReaderMethod]: (...args: ArgsOf<M>) => Promise<ValueOf<M>>;
};

/** What the renderer calls (`window.quire` in Electron, an HTTP client in browser mode). */
export type ReaderApi = {
  [M in ReaderMethod]: (...args: ArgsOf<M>) => Promise<Result<ValueOf<M>>>;
};

/** Every method name, in a stable order (IPC channels and HTTP routes are derived from it). */
export const READER_METHODS = [
  'listArticles',
  'getArticle',
  'listFacets',
  'importPaths',
  'importDocument',
  'importUrl',
  'startImport',
  'cancelImport',
  'prepareImport',
  'tagArticles',
  'untagArticles',
  'deleteArticle',
  'restoreArticle',
  'deleteArticles',
  'restoreArticles',
  'listTrash',
  'emptyTrash',
  'getContent',
  'getChapter',
  'setProgress',
  'setReadState',
  'editArticle',
  'setFirstPageCover',
  'search',
  'listAnnotations',
  'createAnnotation',
  'updateAnnotation',
  'deleteAnnotation',
  'restoreAnnotation',
  'listAllAnnotations',
  'exportAnnotations',
  'exportLibraryAnnotations',
  'exportArticles',
  'importAnnotations',
  'replaceArticleText',
  'getSettings',
  'setSettings',
  'libraryHealth',
] as const satisfies readonly ReaderMethod[];

// Compile-time check that READER_METHODS lists every method exactly.
type MissingMethods = Exclude<ReaderMethod, (typeof READER_METHODS)[number]>;
const everyMethodListed: MissingMethods extends never ? true : never = true;
void everyMethodListed;

export const isReaderMethod = (name: string): name is ReaderMethod =>
  (READER_METHODS as readonly string[]).includes(name);

/** The IPC channel of a method: one namespace, so the main process can refuse anything else. */
export const ipcChannel = (method: ReaderMethod): string => `quire:${method}`;

/** The browser-mode route of a method (POST, JSON array of arguments in the body). */
export const httpRoute = (method: ReaderMethod): string => `/api/${method}`;

/**
 * What the core tells the UI without being asked. Every host carries exactly these: Electron
 * (`webContents.send` on `ipcEventChannel`, `window.quire.on` in the preload), browser mode
 * (Server-Sent Events at `EVENTS_ROUTE`), the CLI (printed) and tests (`ReaderEventSource`).
 */
export interface ReaderEvents {
  'import-progress': ImportProgressEvent;
  'import-finished': ImportFinishedEvent;
  /** another process (or a sync tool) added, changed, trashed or deleted these articles or their annotations */
  'library-changed': LibraryChangedEvent;
}

export interface LibraryChangedEvent {
  articleIds: string[];
}

export type ReaderEventName = keyof ReaderEvents;
export type ReaderEventListener<E extends ReaderEventName> = (payload: ReaderEvents[E]) => void;

export const READER_EVENTS = ['import-progress', 'import-finished', 'library-changed'] as const satisfies readonly ReaderEventName[];

type MissingEvents = Exclude<ReaderEventName, (typeof READER_EVENTS)[number]>;
const everyEventListed: MissingEvents extends never ? true : never = true;
void everyEventListed;

export const isReaderEvent = (name: string): name is ReaderEventName =>
  (READER_EVENTS as readonly string[]).includes(name);

/** Subscribing to the core's events; the function returned unsubscribes. */
export interface ReaderEventSource {
  on<E extends ReaderEventName>(event: E, listener: ReaderEventListener<E>): () => void;
}

/** The IPC channel an event travels on (main → renderer). */
export const ipcEventChannel = (event: ReaderEventName): string => `quire-event:${event}`;

/** Browser mode: `GET` opens a Server-Sent Events stream of every event (`event:` is its name). */
export const EVENTS_ROUTE = '/api/events';

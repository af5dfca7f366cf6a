/**
 * The one contract between the UI and every host (Electron IPC, browser-mode HTTP, CLI, tests).
 * `ReaderServiceMethods` says what each call takes and gives; the argument schemas below are the
 * single source of validation; `ReaderApi` is what the renderer sees (results wrapped in the
 * `Result` envelope). Adding a method here without implementing it in a host is a type error.
 */
import type {
  Annotation,
  ArticleContent,
  ArticleMeta,
  CreateAnnotationInput,
  ImportDocumentInput,
  ImportOutcome,
  ReadingProgress,
  SearchHit,
  SearchOptions,
  Settings,
  UpdateAnnotationInput,
} from './models';
import type { Result } from './result';

export interface ReaderServiceMethods {
  /** Articles in the library, newest first. */
  listArticles(): ArticleMeta[];
  getArticle(id: string): ArticleMeta;
  /** Files or folders (recursive) on the machine that runs the core. One outcome per file. */
  importPaths(paths: string[]): ImportOutcome[];
  /** Bytes handed over by the UI (drag and drop, file picker). */
  importDocument(input: ImportDocumentInput): ImportOutcome;
  /** Moves the article to the trash; restorable. */
  deleteArticle(id: string): void;
  restoreArticle(id: string): ArticleMeta;
  listTrash(): ArticleMeta[];
  getContent(id: string): ArticleContent;
  setProgress(id: string, progress: ReadingProgress): ArticleMeta;
  search(query: string, options?: SearchOptions): SearchHit[];
  listAnnotations(articleId: string): Annotation[];
  createAnnotation(input: CreateAnnotationInput): Annotation;
  updateAnnotation(articleId: string, annotationId: string, patch: UpdateAnnotationInput): Annotation;
  deleteAnnotation(articleId: string, annotationId: string): void;
  getSettings(): Settings;
  setSettings(patch: Partial<Settings>): Settings;
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
  'importPaths',
  'importDocument',
  'deleteArticle',
  'restoreArticle',
  'listTrash',
  'getContent',
  'setProgress',
  'search',
  'listAnnotations',
  'createAnnotation',
  'updateAnnotation',
  'deleteAnnotation',
  'getSettings',
  'setSettings',
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

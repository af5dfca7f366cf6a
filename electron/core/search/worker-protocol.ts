/**
 * The messages between the SearchIndex client (main thread) and the search worker. Plain,
 * structured-clone-safe data; each request gets exactly one response with the same id, and the
 * worker answers requests in the order they were sent.
 */
import type { SearchOptions, SearchResults } from '../../shared/models';
import type { QuireErrorInfo } from '../../shared/result';
import type { ArticleFingerprint, SearchContext, SearchDocument } from './search-index';

/** What the worker is started with (its `workerData`). */
export interface SearchWorkerData {
  indexDir: string;
  libraryDir: string;
}

/** Each request type: what it carries and what it answers. */
export interface SearchWorkerMethods {
  open: { payload: { current: ArticleFingerprint[] }; result: string[] };
  replaceArticles: {
    payload: { entries: { fingerprint: ArticleFingerprint; documents: SearchDocument[] }[] };
    result: null;
  };
  removeArticle: { payload: { articleId: string }; result: null };
  search: { payload: { query: string; options: SearchOptions; context: SearchContext }; result: SearchResults };
  flush: { payload: null; result: null };
  close: { payload: null; result: null };
}

export type SearchWorkerRequestType = keyof SearchWorkerMethods;

export type SearchWorkerRequest = {
  [T in SearchWorkerRequestType]: { id: number; type: T; payload: SearchWorkerMethods[T]['payload'] };
}[SearchWorkerRequestType];

export type SearchWorkerResponse =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: QuireErrorInfo };

const REQUEST_TYPES: ReadonlySet<string> = new Set<SearchWorkerRequestType>([
  'open',
  'replaceArticles',
  'removeArticle',
  'search',
  'flush',
  'close',
]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** Shape check of the envelope; payloads come from our own client, typed at compile time. */
export function isSearchWorkerRequest(value: unknown): value is SearchWorkerRequest {
  return (
    isRecord(value) &&
    typeof value.id === 'number' &&
    typeof value.type === 'string' &&
    REQUEST_TYPES.has(value.type) &&
    'payload' in value
  );
}

export function isSearchWorkerResponse(value: unknown): value is SearchWorkerResponse {
  if (!isRecord(value) || typeof value.id !== 'number') return false;
  if (value.ok === true) return 'value' in value;
  return (
    value.ok === false &&
    isRecord(value.error) &&
    typeof value.error.code === 'string' &&
    typeof value.error.message === 'string'
  );
}

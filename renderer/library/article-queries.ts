/**
 * The library's and the trash's article lists, from the query cache (renderer/api/query-keys.ts):
 * loaded when a view first needs them, kept while nothing changes, refreshed after writes and the
 * core's events. The library's writes are in article-mutations.ts.
 */
import { useQuery, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { ReaderApi } from '../../electron/shared/contract';
import type { ArticleMeta } from '../../electron/shared/models';
import type { Result } from '../../electron/shared/result';
import { useApi } from '../api/api-context';
import { answerOf } from '../api/query-client';
import { queryKeys } from '../api/query-keys';
import { coreSentenceText } from '../i18n/core-sentence';
import { useText } from '../i18n/use-text';

export interface ArticleList {
  /** null until the first answer (or failure) */
  articles: ArticleMeta[] | null;
  error: string | null;
}

/** A list of articles as the query cache holds it: its key and how it is asked for. */
interface ListQuery {
  queryKey: QueryKey;
  queryFn: () => Promise<ArticleMeta[]>;
}

const listQuery = (queryKey: QueryKey, list: () => Promise<Result<ArticleMeta[]>>): ListQuery => ({ queryKey, queryFn: () => answerOf(list()) });

const libraryListQuery = (api: ReaderApi): ListQuery => listQuery(queryKeys.articles, () => api.listArticles());

function useArticleList(options: ListQuery): ArticleList {
  const query = useQuery(options);
  const text = useText();
  return {
    // A failed first answer shows as an empty list beside its error, not as "Loading…" forever.
    articles: query.data ?? (query.isError ? [] : null),
    error: query.error ? coreSentenceText(text, query.error) : null,
  };
}

export function useLibraryArticles(): ArticleList {
  return useArticleList(libraryListQuery(useApi()));
}

/**
 * Asks for the library's list as the page starts, before its first render (main.tsx): the core's
 * answer (megabytes for 10,000 articles) is on its way while React renders the shell, lays it out
 * and measures the header, instead of after all of it. The library view then finds it in the cache
 * under the same key, or waits for the same request.
 */
export function askForLibraryEarly(client: QueryClient, api: ReaderApi): void {
  void client.prefetchQuery(libraryListQuery(api));
}

export function useTrashedArticles(): ArticleList {
  const api = useApi();
  return useArticleList(listQuery(queryKeys.trash, () => api.listTrash()));
}

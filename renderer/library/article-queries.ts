/**
 * The library's and the trash's article lists, from the query cache (renderer/api/query-keys.ts):
 * loaded when a view first needs them, kept while nothing changes, refreshed after writes and the
 * core's events. The library's writes are in article-mutations.ts.
 */
import { useQuery, type QueryKey } from '@tanstack/react-query';
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

function useArticleList(queryKey: QueryKey, list: () => Promise<Result<ArticleMeta[]>>): ArticleList {
  const query = useQuery({ queryKey, queryFn: () => answerOf(list()) });
  const text = useText();
  return {
    // A failed first answer shows as an empty list beside its error, not as "Loading…" forever.
    articles: query.data ?? (query.isError ? [] : null),
    error: query.error ? coreSentenceText(text, query.error) : null,
  };
}

export function useLibraryArticles(): ArticleList {
  const api = useApi();
  return useArticleList(queryKeys.articles, () => api.listArticles());
}

export function useTrashedArticles(): ArticleList {
  const api = useApi();
  return useArticleList(queryKeys.trash, () => api.listTrash());
}

/**
 * The library's and the trash's article lists, from the query cache (renderer/api/query-keys.ts):
 * loaded when a view first needs them, kept while nothing changes, refreshed after writes and the
 * core's events. The library's writes are in article-mutations.ts.
 */
import { useQuery, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { ReaderApi } from '../../electron/shared/contract';
import type { ArticleMeta, LibraryFacets } from '../../electron/shared/models';
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

/** The library's list, which may be its first screen only for a moment. */
export interface LibraryArticles extends ArticleList {
  /**
   * false while `articles` holds only the newest (FIRST_SCREEN_ARTICLES): filters and choices
   * wait for the whole list
   */
  complete: boolean;
  /** how many articles the library holds, known before the whole list (from the facets); null until known */
  count: number | null;
}

/**
 * How many of the newest articles are asked for on their own at start: more than a 4K screen
 * shows, in the list or the grid. Their answer is small and comes at once; the whole library's
 * (megabytes for 10,000 articles, hundreds of milliseconds to make, send and parse) follows.
 */
export const FIRST_SCREEN_ARTICLES = 100;

/** A list of articles as the query cache holds it: its key and how it is asked for. */
interface ListQuery {
  queryKey: QueryKey;
  queryFn: () => Promise<ArticleMeta[]>;
}

const listQuery = (queryKey: QueryKey, list: () => Promise<Result<ArticleMeta[]>>): ListQuery => ({ queryKey, queryFn: () => answerOf(list()) });

const libraryListQuery = (api: ReaderApi): ListQuery => listQuery(queryKeys.articles, () => api.listArticles());

/** Every article has one format: the formats' counts add up to the library. */
const countOf = (facets: LibraryFacets): number => facets.formats.reduce((sum, facet) => sum + facet.count, 0);

/**
 * The library's count at start, from its facets (`listFacets`, a few kilobytes), under the
 * library's key like the first screen. Not the search panel's facets query: that one is asked for
 * when the panel first opens, and an answer cached at start would be what it offered then.
 */
const libraryCountQuery = (api: ReaderApi) => ({
  queryKey: [...queryKeys.articles, 'count'],
  queryFn: async () => countOf(await answerOf(api.listFacets())),
});

// Under the library's key, so whatever makes the library outdated makes this outdated too.
const firstScreenQuery = (api: ReaderApi): ListQuery =>
  listQuery([...queryKeys.articles, 'first-screen'], () => api.listArticles({ limit: FIRST_SCREEN_ARTICLES }));

function useArticleList(options: ListQuery): ArticleList {
  const query = useQuery(options);
  const text = useText();
  return {
    // A failed first answer shows as an empty list beside its error, not as "Loading…" forever.
    articles: query.data ?? (query.isError ? [] : null),
    error: query.error ? coreSentenceText(text, query.error) : null,
  };
}

/** The library: its newest articles first, while the whole list is on its way, then all of it. */
export function useLibraryArticles(): LibraryArticles {
  const api = useApi();
  const whole = useArticleList(libraryListQuery(api));
  const firstScreen = useQuery({ ...firstScreenQuery(api), enabled: whole.articles === null });
  const count = useQuery({ ...libraryCountQuery(api), enabled: whole.articles === null });
  if (whole.articles !== null) return { ...whole, complete: true, count: whole.articles.length };
  // A failed first screen or count is no error to show: the whole list's answer says what went wrong.
  return { articles: firstScreen.data ?? null, error: null, complete: false, count: count.data ?? null };
}

/**
 * Asks for the library's list as the page starts, before its first render (main.tsx): the core's
 * answers are on their way while React renders the shell, lays it out and measures the header,
 * instead of after all of it. The newest articles are asked for first, on their own, and the
 * facets (a few kilobytes, which count the library), so that the first screen of rows and the
 * count do not wait for the whole library. The library view then finds the answers in the cache
 * under the same keys, or waits for the same requests.
 */
export function askForLibraryEarly(client: QueryClient, api: ReaderApi): void {
  void client.prefetchQuery(firstScreenQuery(api));
  void client.prefetchQuery(libraryCountQuery(api));
  void client.prefetchQuery(libraryListQuery(api));
}

export function useTrashedArticles(): ArticleList {
  const api = useApi();
  return useArticleList(listQuery(queryKeys.trash, () => api.listTrash()));
}

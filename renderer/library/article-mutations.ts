/**
 * The library's writes as mutations: each shows its change in the cached lists at once (the
 * core's answer says what changed), and the API's refresh (WRITE_EFFECTS) then asks for the lists
 * again. Failures reach the caller as the core's own sentence.
 */
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { ReaderApi } from '../../electron/shared/contract';
import type { ArticleEdit, ArticleMeta, MarkedReadState } from '../../electron/shared/models';
import type { Result } from '../../electron/shared/result';
import { useApi } from '../api/api-context';
import { answerOf } from '../api/query-client';
import { queryKeys } from '../api/query-keys';

export interface Retag {
  ids: string[];
  tag: string;
  mode: 'add' | 'remove';
}

/**
 * A write whose answer changes one cached list: `change` makes the list as it is once the write
 * is done (the API's refresh then brings the core's own).
 */
function useListMutation<Args, Answer>(
  list: QueryKey,
  write: (api: ReaderApi, args: Args) => Promise<Result<Answer>>,
  change: (articles: ArticleMeta[], answer: Answer, args: Args) => ArticleMeta[],
) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (args: Args) => answerOf(write(api, args)),
    onSuccess: (answer, args) =>
      client.setQueryData<ArticleMeta[]>(list, (current) => (current ? change(current, answer, args) : current)),
  });
}

/** The list once `article` has left it. */
const withoutArticle = (articles: ArticleMeta[], _answer: unknown, article: ArticleMeta) => articles.filter((a) => a.id !== article.id);

/** The list once the articles `ids` have left it. */
const withoutIds = (articles: ArticleMeta[], _answer: unknown, ids: readonly string[]) => {
  const leaving = new Set(ids);
  return articles.filter((a) => !leaving.has(a.id));
};

/** The list with the articles the core changed (its answer) in their new form. */
const withChanged = (articles: ArticleMeta[], changed: ArticleMeta[]): ArticleMeta[] => {
  const byId = new Map(changed.map((a) => [a.id, a]));
  return articles.map((a) => byId.get(a.id) ?? a);
};

/** Adds a tag to (or removes it from) the selected articles. */
export const useRetag = () =>
  useListMutation(
    queryKeys.articles,
    (api, { ids, tag, mode }: Retag) => (mode === 'add' ? api.tagArticles(ids, [tag]) : api.untagArticles(ids, [tag])),
    withChanged,
  );

export interface ReadStateMark {
  ids: string[];
  readState: MarkedReadState;
}

/** Marks articles read or unread by hand. */
export const useSetReadState = () =>
  useListMutation(queryKeys.articles, (api, { ids, readState }: ReadStateMark) => api.setReadState(ids, readState), withChanged);

export const useMoveToTrash = () =>
  useListMutation(queryKeys.articles, (api, article: ArticleMeta) => api.deleteArticle(article.id), withoutArticle);

export const useRestoreArticle = () =>
  useListMutation(queryKeys.trash, (api, article: ArticleMeta) => api.restoreArticle(article.id), withoutArticle);

/** Moves the selected articles to the trash; Undo restores them all with `useRestoreArticles`. */
export const useMoveArticlesToTrash = () =>
  useListMutation(queryKeys.articles, (api, ids: readonly string[]) => api.deleteArticles([...ids]), withoutIds);

export const useRestoreArticles = () =>
  useListMutation(queryKeys.trash, (api, ids: readonly string[]) => api.restoreArticles([...ids]), withoutIds);

/** The selected articles as a .zip of Markdown files, handed to the page to download. */
export function useExportArticles() {
  const api = useApi();
  return useMutation({ mutationFn: (ids: readonly string[]) => answerOf(api.exportArticles([...ids])) });
}

export const useEmptyTrash = () => useListMutation(queryKeys.trash, (api, _none: void) => api.emptyTrash(), () => []);

/** An article's title, author or tags, edited by hand. */
export const useEditArticle = () =>
  useListMutation(
    queryKeys.articles,
    (api, { id, edit }: { id: string; edit: ArticleEdit }) => api.editArticle(id, edit),
    (articles, edited) => withChanged(articles, [edited]),
  );

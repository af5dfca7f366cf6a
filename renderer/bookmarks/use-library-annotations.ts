/**
 * Every bookmark and note of the library with the articles they belong to, for the library-wide
 * Bookmarks and Notes views: two cached queries (the article list is the library view's own), and
 * each change made here shown in the cached list at once, before the API's refresh confirms it.
 */
import { useText } from '../i18n/use-text';
import { coreSentenceText } from '../i18n/core-sentence';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { Annotation, ArticleMeta, UpdateAnnotationInput } from '../../electron/shared/models';
import { useApi } from '../api/api-context';
import { answerOf } from '../api/query-client';
import { queryKeys } from '../api/query-keys';
import { useStatus } from '../app/status-context';
import { useLibraryArticles } from '../library/article-queries';
import { deleteAnnotationWithUndo } from '../reader/delete-annotation';
import { updateAnnotationReporting } from '../reader/update-annotation';

export interface LibraryAnnotations {
  /** null while loading */
  annotations: Annotation[] | null;
  articles: Map<string, ArticleMeta>;
  error: string | null;
  update(annotation: Annotation, patch: UpdateAnnotationInput): Promise<Annotation | null>;
  remove(annotation: Annotation): Promise<boolean>;
  add(annotation: Annotation): void;
}

const sameAnnotation = (a: Annotation, b: Annotation): boolean => a.id === b.id && a.articleId === b.articleId;

export function useLibraryAnnotations(): LibraryAnnotations {
  const api = useApi();
  const client = useQueryClient();
  const { notify, reportError } = useStatus();
  const text = useText();
  const listed = useQuery({ queryKey: queryKeys.libraryAnnotations, queryFn: () => answerOf(api.listAllAnnotations()) });
  const library = useLibraryArticles();
  const articles = useMemo(() => new Map((library.articles ?? []).map((article) => [article.id, article])), [library.articles]);

  const edit = useCallback(
    (change: (annotations: Annotation[]) => Annotation[]) =>
      client.setQueryData<Annotation[]>(queryKeys.libraryAnnotations, (current) => (current ? change(current) : current)),
    [client],
  );

  const update = useCallback(
    async (annotation: Annotation, patch: UpdateAnnotationInput): Promise<Annotation | null> => {
      const changed = await updateAnnotationReporting(api, reportError, annotation, patch, text);
      if (changed) edit((current) => current.map((a) => (sameAnnotation(a, changed) ? changed : a)));
      return changed;
    },
    [api, edit, reportError, text],
  );

  const add = useCallback(
    (annotation: Annotation) => edit((current) => [...current.filter((a) => a.id !== annotation.id), annotation]),
    [edit],
  );

  const remove = useCallback(
    (annotation: Annotation): Promise<boolean> =>
      deleteAnnotationWithUndo(api, { notify, reportError }, annotation, {
        removed: (gone) => edit((current) => current.filter((a) => a.id !== gone.id)),
        restored: add,
      }, text),
    [api, add, edit, notify, reportError, text],
  );

  const failed = listed.error ?? (library.error !== null ? new Error(library.error) : null);
  // Both lists; or, when one failed before it ever answered, an empty list beside the error.
  const annotations = listed.data && library.articles ? listed.data : failed ? [] : null;
  return { annotations, articles, error: failed ? coreSentenceText(text, failed) : null, update, remove, add };
}

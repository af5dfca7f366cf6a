/**
 * The article's bookmarks and notes, from the reader's cached query (use-reader-data.ts): each
 * change made here shows in the cached list at once, before the API's refresh confirms it; other
 * processes' changes arrive through the cache's refresh. Deletions can be undone.
 */
import { useText } from '../i18n/use-text';
import { coreSentenceText } from '../i18n/core-sentence';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Annotation, CreateAnnotationInput, UpdateAnnotationInput } from '../../electron/shared/models';
import { useApi } from '../api/api-context';
import { articleKey, queryKeys } from '../api/query-keys';
import { useStatus } from '../app/status-context';
import { deleteAnnotationWithUndo } from './delete-annotation';
import { updateAnnotationReporting } from './update-annotation';

/** `annotations`: the cached list of the article, as useReaderData gives it. */
export function useAnnotations(articleId: string, annotations: Annotation[]) {
  const api = useApi();
  const client = useQueryClient();
  const { notify, reportError } = useStatus();
  const text = useText();

  const edit = useCallback(
    (change: (current: Annotation[]) => Annotation[]) =>
      client.setQueryData<Annotation[]>(articleKey(queryKeys.articleAnnotations, articleId), (current) => (current ? change(current) : current)),
    [client, articleId],
  );

  const create = useCallback(
    async (input: CreateAnnotationInput): Promise<Annotation | null> => {
      const result = await api.createAnnotation(input);
      if (!result.ok) {
        reportError(text('annotation.notSaved', { kind: input.kind, reason: coreSentenceText(text, result.error) }));
        return null;
      }
      edit((current) => [...current.filter((a) => a.id !== result.value.id), result.value]);
      return result.value;
    },
    [api, edit, reportError, text],
  );

  const update = useCallback(
    async (annotation: Annotation, patch: UpdateAnnotationInput): Promise<Annotation | null> => {
      const changed = await updateAnnotationReporting(api, reportError, annotation, patch, text);
      if (changed) edit((current) => current.map((a) => (a.id === annotation.id ? changed : a)));
      return changed;
    },
    [api, edit, reportError, text],
  );

  const remove = useCallback(
    (annotation: Annotation): Promise<boolean> =>
      deleteAnnotationWithUndo(api, { notify, reportError }, annotation, {
        removed: (gone) => edit((current) => current.filter((a) => a.id !== gone.id)),
        restored: (back) => edit((current) => [...current.filter((a) => a.id !== back.id), back]),
      }, text),
    [api, edit, notify, reportError, text],
  );

  return { annotations, create, update, remove };
}

export type ReaderAnnotations = ReturnType<typeof useAnnotations>;

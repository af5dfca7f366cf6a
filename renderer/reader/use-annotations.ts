/** The article's bookmarks and notes, kept in step with the core; deletions can be undone. */
import { useCallback, useState } from 'react';
import type { Annotation, CreateAnnotationInput, UpdateAnnotationInput } from '../../electron/shared/models';
import { useApi } from '../api/api-context';
import { useLibraryChanged } from '../api/use-library-changed';
import { useStatus } from '../app/status-context';
import { deleteAnnotationWithUndo } from './delete-annotation';
import { updateAnnotationReporting } from './update-annotation';

export function useAnnotations(articleId: string, initial: Annotation[]) {
  const api = useApi();
  const { notify, reportError } = useStatus();
  const [annotations, setAnnotations] = useState(initial);

  // Bookmarks and notes another process added, changed or removed in this article.
  const reloadIfChanged = useCallback(
    (articleIds: readonly string[]) => {
      if (!articleIds.includes(articleId)) return;
      void api.listAnnotations(articleId).then((result) => {
        if (result.ok) setAnnotations(result.value);
      });
    },
    [api, articleId],
  );
  useLibraryChanged(reloadIfChanged);

  const create = useCallback(
    async (input: CreateAnnotationInput): Promise<Annotation | null> => {
      const result = await api.createAnnotation(input);
      if (!result.ok) {
        reportError(`The ${input.kind} was not saved: ${result.error.message}`);
        return null;
      }
      setAnnotations((current) => [...current.filter((a) => a.id !== result.value.id), result.value]);
      return result.value;
    },
    [api, reportError],
  );

  const update = useCallback(
    async (annotation: Annotation, patch: UpdateAnnotationInput): Promise<Annotation | null> => {
      const changed = await updateAnnotationReporting(api, reportError, annotation, patch);
      if (changed) setAnnotations((current) => current.map((a) => (a.id === annotation.id ? changed : a)));
      return changed;
    },
    [api, reportError],
  );

  const remove = useCallback(
    (annotation: Annotation): Promise<boolean> =>
      deleteAnnotationWithUndo(api, { notify, reportError }, annotation, {
        removed: (gone) => setAnnotations((current) => current.filter((a) => a.id !== gone.id)),
        restored: (back) => setAnnotations((current) => [...current.filter((a) => a.id !== back.id), back]),
      }),
    [api, notify, reportError],
  );

  return { annotations, create, update, remove };
}

export type ReaderAnnotations = ReturnType<typeof useAnnotations>;

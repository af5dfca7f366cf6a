/** The article's bookmarks and notes, kept in step with the core; deletions can be undone. */
import { useCallback, useState } from 'react';
import type { Annotation, CreateAnnotationInput, UpdateAnnotationInput } from '../../electron/shared/models';
import { useApi } from '../api/api-context';
import { useStatus } from '../app/status-context';

const kindName = (annotation: Pick<Annotation, 'kind'>) => (annotation.kind === 'note' ? 'Note' : 'Bookmark');

export function useAnnotations(initial: Annotation[]) {
  const api = useApi();
  const { notify, reportError } = useStatus();
  const [annotations, setAnnotations] = useState(initial);

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
      const result = await api.updateAnnotation(annotation.articleId, annotation.id, patch);
      if (!result.ok) {
        reportError(`The ${annotation.kind} was not changed: ${result.error.message}`);
        return null;
      }
      setAnnotations((current) => current.map((a) => (a.id === annotation.id ? result.value : a)));
      return result.value;
    },
    [api, reportError],
  );

  const remove = useCallback(
    async (annotation: Annotation): Promise<boolean> => {
      const result = await api.deleteAnnotation(annotation.articleId, annotation.id);
      if (!result.ok) {
        reportError(`The ${annotation.kind} was not deleted: ${result.error.message}`);
        return false;
      }
      setAnnotations((current) => current.filter((a) => a.id !== annotation.id));
      notify(`${kindName(annotation)} deleted`, {
        action: {
          label: 'Undo',
          run: () => {
            void api.restoreAnnotation(annotation).then((restored) => {
              if (!restored.ok) {
                reportError(`The ${annotation.kind} was not restored: ${restored.error.message}`);
                return;
              }
              setAnnotations((current) => [...current.filter((a) => a.id !== annotation.id), restored.value]);
              notify(`${kindName(annotation)} restored`);
            });
          },
        },
      });
      return true;
    },
    [api, notify, reportError],
  );

  return { annotations, create, update, remove };
}

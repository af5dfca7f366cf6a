/**
 * Deleting a bookmark or note, with Undo: one flow for the reader's side panel and the library-wide
 * Bookmarks and Notes views, which differ only in how they update their own lists.
 */
import type { Annotation } from '../../electron/shared/models';
import type { useApi } from '../api/api-context';
import type { useStatus } from '../app/status-context';

export const kindName = (annotation: Pick<Annotation, 'kind'>): string => (annotation.kind === 'note' ? 'Note' : 'Bookmark');

export interface DeletionListeners {
  /** the annotation is gone: drop it from the list */
  removed(annotation: Annotation): void;
  /** Undo brought it back (same id, passage, colour and note): put it in the list again */
  restored(annotation: Annotation): void;
}

/** Deletes, offers Undo in the status bar, and reports failures in one sentence; true if deleted. */
export async function deleteAnnotationWithUndo(
  api: ReturnType<typeof useApi>,
  { notify, reportError }: Pick<ReturnType<typeof useStatus>, 'notify' | 'reportError'>,
  annotation: Annotation,
  listeners: DeletionListeners,
): Promise<boolean> {
  const result = await api.deleteAnnotation(annotation.articleId, annotation.id);
  if (!result.ok) {
    reportError(`The ${annotation.kind} was not deleted: ${result.error.message}`);
    return false;
  }
  listeners.removed(annotation);
  notify(`${kindName(annotation)} deleted`, {
    action: {
      label: 'Undo',
      run: () => {
        void api.restoreAnnotation(annotation).then((restored) => {
          if (!restored.ok) {
            reportError(`The ${annotation.kind} was not restored: ${restored.error.message}`);
            return;
          }
          listeners.restored(restored.value);
          notify(`${kindName(annotation)} restored`);
        });
      },
    },
  });
  return true;
}

/**
 * Deleting a bookmark or note, with Undo: one flow for the reader's side panel and the library-wide
 * Bookmarks and Notes views, which differ only in how they update their own lists.
 */
import type { Annotation } from '../../electron/shared/models';
import { coreSentenceText } from '../i18n/core-sentence';
import type { useApi } from '../api/api-context';
import type { useStatus } from '../app/status-context';
import type { Text } from '../i18n/use-text';

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
  text: Text,
): Promise<boolean> {
  const kind = { kind: annotation.kind };
  const result = await api.deleteAnnotation(annotation.articleId, annotation.id);
  if (!result.ok) {
    reportError(text('annotation.notDeleted', { ...kind, reason: coreSentenceText(text, result.error) }));
    return false;
  }
  listeners.removed(annotation);
  notify(text('annotation.deleted', kind), {
    action: {
      label: text('common.undo'),
      run: () => {
        void api.restoreAnnotation(annotation).then((restored) => {
          if (!restored.ok) {
            reportError(text('annotation.notRestored', { ...kind, reason: coreSentenceText(text, restored.error) }));
            return;
          }
          listeners.restored(restored.value);
          notify(text('annotation.restored', kind));
        });
      },
    },
  });
  return true;
}

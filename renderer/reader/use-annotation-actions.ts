/**
 * What the reader does with its bookmarks and notes besides the dialog: bookmark the whole
 * article, attach a lost passage to the selection, delete, go to a passage in the text, and where
 * the focus goes after each (the panel's item, its heading, or the passage's mark).
 */
import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { Annotation } from '../../electron/shared/models';
import { useStatus } from '../app/status-context';
import type { AnnotationPanelHandle } from './AnnotationPanel';
import type { ReaderAnnotations } from './use-annotations';
import { annotationMarks } from './use-highlight-marks';
import type { PassageSelectionState } from './use-passage-selection';

interface AnnotationActionsOptions {
  articleId: string;
  annotations: Pick<ReaderAnnotations, 'create' | 'update' | 'remove'>;
  panel: RefObject<AnnotationPanelHandle | null>;
  container: RefObject<HTMLElement | null>;
  selection: Pick<PassageSelectionState, 'current' | 'clear'>;
}

export function useAnnotationActions({ articleId, annotations, panel, container, selection }: AnnotationActionsOptions) {
  const { notify } = useStatus();
  const { create, update, remove } = annotations;

  // The item of a bookmark just saved is in the panel only after the next render: focus it then.
  // A new object per request, so saving the same bookmark twice still moves the focus.
  const [pendingFocus, setPendingFocus] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (pendingFocus) panel.current?.focusItem(pendingFocus.id);
  }, [pendingFocus, panel]);
  const focusInPanel = useCallback((annotationId: string) => setPendingFocus({ id: annotationId }), []);

  /** Scrolls the passage's first mark into view and focuses it. */
  const goTo = useCallback(
    (annotation: Pick<Annotation, 'id'>) => {
      const first = container.current ? annotationMarks(container.current, annotation.id)[0] : undefined;
      if (!first) return;
      if (!first.hasAttribute('tabindex')) first.tabIndex = -1;
      first.scrollIntoView?.({ block: 'center' });
      first.focus({ preventScroll: true });
    },
    [container],
  );

  const bookmarkArticle = async () => {
    const saved = await create({ articleId, kind: 'bookmark' });
    if (!saved) return;
    focusInPanel(saved.id);
    notify('Article bookmarked');
  };

  /** Puts an unplaced passage on the text selected now (its note and colour stay). */
  const reattach = async (annotation: Annotation) => {
    const span = selection.current()?.span;
    if (!span) {
      notify('Select the passage in the article first, then choose “Attach to selection”.');
      return;
    }
    const saved = await update(annotation, { passage: { start: span.start, end: span.end } });
    if (!saved) return;
    selection.clear();
    focusInPanel(saved.id);
    notify('Bookmark attached to the selected text');
  };

  const deleteAnnotation = async (annotation: Annotation) => {
    if (await remove(annotation)) panel.current?.focusHeading();
  };

  return { focusInPanel, goTo, bookmarkArticle, reattach, deleteAnnotation };
}

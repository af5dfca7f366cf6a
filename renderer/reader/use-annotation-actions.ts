/**
 * What the reader does with its bookmarks and notes besides the dialog: highlight the selection
 * in one step, recolour, bookmark the whole article, attach a lost passage to the selection,
 * delete, go to a passage in the text, and where the focus goes after each (the panel's item, its
 * heading, or the passage's mark).
 */
import { useText } from '../i18n/use-text';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Annotation, HighlightColor } from '../../electron/shared/models';
import { colorWord } from './colors';
import { useStatus } from '../app/status-context';
import type { AnnotationPanelHandle } from './AnnotationPanel';
import type { ReaderAnnotations } from './use-annotations';
import { focusAnnotationMark } from './use-highlight-marks';
import type { PassageSelectionState } from './use-passage-selection';

interface AnnotationActionsOptions {
  articleId: string;
  annotations: Pick<ReaderAnnotations, 'annotations' | 'create' | 'update' | 'remove'>;
  panel: RefObject<AnnotationPanelHandle | null>;
  container: RefObject<HTMLElement | null>;
  scroller: RefObject<HTMLElement | null>;
  selection: Pick<PassageSelectionState, 'current' | 'clear'>;
}

export function useAnnotationActions({ articleId, annotations, panel, container, scroller, selection }: AnnotationActionsOptions) {
  const { notify } = useStatus();
  const text = useText();
  const { create, update, remove } = annotations;
  const listed = annotations.annotations;

  /** Scrolls the passage's first mark into view and focuses it. */
  const goTo = (annotation: Pick<Annotation, 'id'>) => {
    focusAnnotationMark(container.current, annotation.id);
  };

  // A bookmark just saved is in the panel, and its marks in the text, only once the cached list
  // holds it (the cache tells its views a moment after the save): the focus moves then. A new
  // object per request, so saving the same bookmark twice still moves it.
  const [pendingFocus, setPendingFocus] = useState<{ id: string; to: 'panel' | 'mark' } | null>(null);
  // Each request moves the focus once: a later change of the list must not take it back there.
  const focusMoved = useRef<typeof pendingFocus>(null);
  useEffect(() => {
    if (!pendingFocus || focusMoved.current === pendingFocus || !listed.some((a) => a.id === pendingFocus.id)) return;
    focusMoved.current = pendingFocus;
    if (pendingFocus.to === 'panel') panel.current?.focusItem(pendingFocus.id);
    else focusAnnotationMark(container.current, pendingFocus.id);
  }, [pendingFocus, listed, panel, container]);
  const focusInPanel = useCallback((annotationId: string) => setPendingFocus({ id: annotationId, to: 'panel' }), []);
  const focusMark = useCallback((annotationId: string) => setPendingFocus({ id: annotationId, to: 'mark' }), []);

  /**
   * Highlights the selected passage in one step (a bookmark of that colour). `focus`: the new
   * highlight takes the focus (a key did it, so keys can go on: Enter opens its popover).
   */
  const highlight = async (color: HighlightColor, { focus }: { focus: boolean }) => {
    const span = selection.current()?.span;
    if (!span) return;
    const saved = await create({ articleId, kind: 'bookmark', passage: { start: span.start, end: span.end }, color });
    if (!saved) return;
    selection.clear();
    if (focus) focusMark(saved.id);
    notify(text('reader.highlighted', { colour: colorWord(color, text) }));
  };

  const recolor = async (annotation: Annotation, color: HighlightColor, { focus }: { focus: boolean }) => {
    const saved = await update(annotation, { color });
    if (!saved) return;
    if (focus) focusMark(saved.id);
    notify(text('reader.highlightChanged', { colour: colorWord(color, text) }));
  };

  const bookmarkArticle = async () => {
    const saved = await create({ articleId, kind: 'bookmark' });
    if (!saved) return;
    focusInPanel(saved.id);
    notify(text('reader.articleBookmarked'));
  };

  /** Puts an unplaced passage on the text selected now (its note and colour stay). */
  const reattach = async (annotation: Annotation) => {
    const span = selection.current()?.span;
    if (!span) {
      notify(text('reader.attachFirst'));
      return;
    }
    const saved = await update(annotation, { passage: { start: span.start, end: span.end } });
    if (!saved) return;
    selection.clear();
    focusInPanel(saved.id);
    notify(text('reader.attached'));
  };

  /** Deleted from the panel, the focus stays in the panel; from the text, in the text. */
  const deleteAnnotation = async (annotation: Annotation, from: 'panel' | 'text') => {
    if (!(await remove(annotation))) return;
    if (from === 'panel') panel.current?.focusHeading();
    else scroller.current?.focus({ preventScroll: true });
  };

  return { focusInPanel, goTo, highlight, recolor, bookmarkArticle, reattach, deleteAnnotation };
}

/**
 * The bookmark and note dialog of the reader: what it is open for (a new passage, the whole
 * article, or an existing bookmark or note) and what saving it does.
 */
import { useText } from '../i18n/use-text';
import { useState } from 'react';
import type { Annotation, AnnotationKind, HighlightColor } from '../../electron/shared/models';
import { useStatus } from '../app/status-context';
import type { AnnotationDraft } from './AnnotationDialog';
import type { TextSpan } from './text-offsets';
import type { ReaderAnnotations } from './use-annotations';

interface DialogState {
  draft: AnnotationDraft;
  /** the passage of a new annotation */
  passage: TextSpan | null;
  /** the annotation being edited */
  annotation: Annotation | null;
}

interface AnnotationDialogOptions {
  articleId: string;
  text: string;
  annotations: Pick<ReaderAnnotations, 'create' | 'update'>;
  /** saved: `created` when it is new (its passage was the selection, now done with) */
  onSaved: (saved: Annotation, created: boolean) => void;
}

export function useAnnotationDialog({ articleId, text, annotations, onSaved }: AnnotationDialogOptions) {
  const { notify } = useStatus();
  const words = useText();
  const [dialog, setDialog] = useState<DialogState | null>(null);

  /** A bookmark or note on `span`, the selected passage (null: there is none, which is said). */
  const startPassage = (kind: AnnotationKind, span: TextSpan | null) => {
    if (!span) {
      notify(words('reader.selectFirst'));
      return;
    }
    setDialog({
      draft: { kind, quote: text.slice(span.start, span.end), color: null, note: '', editing: false },
      passage: span,
      annotation: null,
    });
  };

  const startArticleNote = () =>
    setDialog({ draft: { kind: 'note', quote: null, color: null, note: '', editing: false }, passage: null, annotation: null });

  const startEdit = (annotation: Annotation) =>
    setDialog({
      draft: {
        kind: annotation.kind,
        quote: annotation.target?.quote.exact ?? null,
        color: annotation.color,
        note: annotation.note,
        editing: true,
      },
      passage: null,
      annotation,
    });

  const save = async ({ color, note }: { color: HighlightColor | null; note: string }): Promise<boolean> => {
    if (!dialog) return false;
    const { draft, passage, annotation } = dialog;
    const saved = annotation
      ? await annotations.update(annotation, annotation.target ? { color, note } : { note })
      : await annotations.create({
          articleId,
          kind: draft.kind,
          ...(passage ? { passage: { start: passage.start, end: passage.end } } : {}),
          ...(color ? { color } : {}),
          note,
        });
    if (!saved) return false;
    setDialog(null);
    onSaved(saved, !annotation);
    notify(annotation ? words('annotation.saved') : words('annotation.created', { kind: draft.kind }));
    return true;
  };

  const cancel = () => setDialog(null);

  return { dialog, startPassage, startArticleNote, startEdit, save, cancel };
}

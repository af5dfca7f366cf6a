/**
 * What the library does to several articles at once — mark read or unread, export, move to the
 * trash with Undo — each reporting its outcome in the status line. Also the row's own Mark
 * read / unread, which is the one-article case.
 */
import { useText } from '../i18n/use-text';
import { coreSentenceText } from '../i18n/core-sentence';
import type { ArticleMeta, MarkedReadState } from '../../electron/shared/models';
import { useStatus } from '../app/status-context';
import { downloadBase64 } from '../reader/download-file';
import { useExportArticles, useMoveArticlesToTrash, useRestoreArticles, useSetReadState } from './article-mutations';

interface SelectionActionsOptions {
  /** the selection is gone once its articles went to the trash */
  onTrashed: () => void;
}

export function useSelectionActions({ onTrashed }: SelectionActionsOptions) {
  const { notify, reportError } = useStatus();
  const text = useText();
  const marking = useSetReadState();
  const trashing = useMoveArticlesToTrash();
  const restoring = useRestoreArticles();
  const exporting = useExportArticles();

  // mutateAsync: each call reports its own outcome (mutate's callbacks follow only the latest call).
  const mark = (articles: readonly ArticleMeta[], readState: MarkedReadState) => {
    // One article is named; several are counted.
    const values = { count: articles.length, title: articles[0]?.title ?? '', state: readState };
    void marking.mutateAsync({ ids: articles.map((a) => a.id), readState }).then(
      () => notify(text('selection.marked', values)),
      (failure: Error) => reportError(text('selection.markFailed', { ...values, reason: coreSentenceText(text, failure) })),
    );
  };

  // Undo may be chosen after the library view has closed.
  const undoTrash = (ids: readonly string[]) =>
    void restoring.mutateAsync(ids).then(
      (restored) => notify(text('selection.restored', { count: restored.length })),
      (failure: Error) => reportError(text('selection.restoreFailed', { reason: coreSentenceText(text, failure) })),
    );

  const moveToTrash = (ids: readonly string[]) =>
    void trashing.mutateAsync(ids).then(
      () => {
        onTrashed();
        notify(text('selection.trashed', { count: ids.length }), { action: { label: text('common.undo'), run: () => undoTrash(ids) } });
      },
      (failure: Error) => reportError(text('selection.trashFailed', { reason: coreSentenceText(text, failure) })),
    );

  const exportArticles = (ids: readonly string[]) =>
    void exporting.mutateAsync(ids).then(
      (file) => {
        downloadBase64(file.fileName, file.mediaType, file.dataBase64);
        notify(text('selection.exported', { count: ids.length, file: file.fileName }));
      },
      (failure: Error) => reportError(text('selection.exportFailed', { reason: coreSentenceText(text, failure) })),
    );

  return {
    mark,
    moveToTrash,
    exportArticles,
    busy: marking.isPending || trashing.isPending || exporting.isPending,
  };
}

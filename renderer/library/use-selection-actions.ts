/**
 * What the library does to several articles at once — mark read or unread, export, move to the
 * trash with Undo — each reporting its outcome in the status line. Also the row's own Mark
 * read / unread, which is the one-article case.
 */
import type { ArticleMeta, MarkedReadState } from '../../electron/shared/models';
import { useStatus } from '../app/status-context';
import { downloadBase64 } from '../reader/download-file';
import { articleCountLabel } from './article-format';
import { useExportArticles, useMoveArticlesToTrash, useRestoreArticles, useSetReadState } from './article-mutations';

interface SelectionActionsOptions {
  /** the selection is gone once its articles went to the trash */
  onTrashed: () => void;
}

export function useSelectionActions({ onTrashed }: SelectionActionsOptions) {
  const { notify, reportError } = useStatus();
  const marking = useSetReadState();
  const trashing = useMoveArticlesToTrash();
  const restoring = useRestoreArticles();
  const exporting = useExportArticles();

  // mutateAsync: each call reports its own outcome (mutate's callbacks follow only the latest call).
  const mark = (articles: readonly ArticleMeta[], readState: MarkedReadState) => {
    const what = articles.length === 1 ? `“${articles[0]!.title}”` : articleCountLabel(articles.length);
    const word = readState === 'finished' ? 'read' : 'unread';
    void marking.mutateAsync({ ids: articles.map((a) => a.id), readState }).then(
      () => notify(`Marked ${what} ${word}`),
      (failure: Error) => reportError(`${what} could not be marked ${word}: ${failure.message}`),
    );
  };

  // Undo may be chosen after the library view has closed.
  const undoTrash = (ids: readonly string[]) =>
    void restoring.mutateAsync(ids).then(
      (restored) => notify(`Restored ${articleCountLabel(restored.length)}`),
      (failure: Error) => reportError(`The articles could not be restored: ${failure.message}`),
    );

  const moveToTrash = (ids: readonly string[]) =>
    void trashing.mutateAsync(ids).then(
      () => {
        onTrashed();
        notify(`Moved ${articleCountLabel(ids.length)} to trash`, { action: { label: 'Undo', run: () => undoTrash(ids) } });
      },
      (failure: Error) => reportError(`The selected articles were not moved to the trash: ${failure.message}`),
    );

  const exportArticles = (ids: readonly string[]) =>
    void exporting.mutateAsync(ids).then(
      (file) => {
        downloadBase64(file.fileName, file.mediaType, file.dataBase64);
        notify(`Exported ${articleCountLabel(ids.length)} as ${file.fileName}`);
      },
      (failure: Error) => reportError(`The selected articles were not exported: ${failure.message}`),
    );

  return {
    mark,
    moveToTrash,
    exportArticles,
    busy: marking.isPending || trashing.isPending || exporting.isPending,
  };
}

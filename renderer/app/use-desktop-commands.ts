/**
 * The app's answers to the desktop shell's commands (menus, context menu, "Open with Quire",
 * quire:// links). The reader answers its own (bookmark, note) while an article is open; here,
 * outside it, those say what to do instead. The search box answers "search" itself.
 */
import type { ImportPickKind, TextRange } from '../../electron/shared/commands';
import { useText } from '../i18n/use-text';
import { useStatus } from './status-context';
import { useAppCommand } from './use-app-command';

export type AppDialog = 'import-url' | 'preferences';

export interface DesktopCommandActions {
  inReader: boolean;
  chooseImport: (kind: ImportPickKind) => void;
  openDialog: (dialog: AppDialog) => void;
  /** import files opened with Quire, then read the first */
  openFiles: (paths: string[]) => void;
  openArticle: (articleId: string, at: { passage: TextRange | null; annotationId: string | null }) => void;
}

export function useDesktopCommands(actions: DesktopCommandActions): void {
  const { notify } = useStatus();
  const text = useText();
  useAppCommand('import-files', () => actions.chooseImport('files'));
  useAppCommand('import-folder', () => actions.chooseImport('folder'));
  useAppCommand('import-url', () => actions.openDialog('import-url'));
  useAppCommand('preferences', () => actions.openDialog('preferences'));
  useAppCommand('open-files', ({ paths }) => actions.openFiles(paths));
  useAppCommand('open-article', ({ articleId, passage, annotationId }) => actions.openArticle(articleId, { passage, annotationId }));
  const outsideReader = (): void => {
    if (!actions.inReader) notify(text('reader.selectPassageFirst'));
  };
  useAppCommand('bookmark-selection', outsideReader);
  useAppCommand('add-note', outsideReader);
}

/**
 * The native open dialog for import (Electron mode): the page asks on a narrow invoke channel,
 * main shows the dialog over our window and answers with the paths the user chose. The page then
 * imports them as a background job (`startImport`), with the same progress and summary as any
 * import. The import host starts while the dialog shows (`prepareImport`): choosing files takes
 * longer than its start. Browser mode keeps its file inputs.
 */
import type { BrowserWindow, Dialog, IpcMain, OpenDialogOptions } from 'electron';
import { CHOOSE_IMPORT_CHANNEL, isImportPickKind, type ImportPickKind } from '../shared/commands';
import { importFilters } from './import-file-types';
import { mainText as t } from './interface-language';
import type { IpcSenderInfo } from './ipc';

export interface ImportDialogOptions {
  window: () => BrowserWindow | null;
  isTrustedSender(event: IpcSenderInfo): boolean;
  dialog: Pick<Dialog, 'showOpenDialog'>;
  log: (message: string, error?: unknown) => void;
  /**
   * Called as the dialog opens for our page: the core starts its import host while the user
   * chooses (the contract's `prepareImport`), so that the files chosen are read without waiting for it.
   */
  prepareImport: () => void;
}

export function importDialogOptions(kind: ImportPickKind): OpenDialogOptions {
  return kind === 'files'
    ? {
        title: t('dialog.importFiles.title'),
        buttonLabel: t('dialog.import.button'),
        properties: ['openFile', 'multiSelections'],
        filters: importFilters(),
      }
    : { title: t('dialog.importFolder.title'), buttonLabel: t('dialog.import.button'), properties: ['openDirectory'] };
}

/** Registers the dialog's channel; returns a function that removes it. */
export function registerImportDialog(ipcMain: IpcMain, options: ImportDialogOptions): () => void {
  ipcMain.handle(CHOOSE_IMPORT_CHANNEL, async (event, kind: unknown): Promise<string[]> => {
    if (!options.isTrustedSender(event)) {
      options.log(`Refused the import dialog to a frame that is not Quire's own page (${event.senderFrame?.url ?? 'gone'}).`);
      return [];
    }
    if (!isImportPickKind(kind)) return [];
    options.prepareImport();
    const parent = options.window();
    const dialogOptions = importDialogOptions(kind);
    try {
      const result = parent && !parent.isDestroyed()
        ? await options.dialog.showOpenDialog(parent, dialogOptions)
        : await options.dialog.showOpenDialog(dialogOptions);
      return result.canceled ? [] : result.filePaths;
    } catch (error) {
      options.log('The import dialog failed.', error);
      return [];
    }
  });
  return () => ipcMain.removeHandler(CHOOSE_IMPORT_CHANNEL);
}

/**
 * Preferences' library folder (Electron mode): the page asks where the library is, and asks to
 * move it or to switch to another one. Main shows the folder dialog, checks and copies (the core's
 * library-move.ts: every decision is there, tested in Node), then restarts Quire on the new
 * folder. The switch itself happens after the library closed: a move's last changes are copied
 * and verified again, and only then is the new folder remembered.
 */
import type { BrowserWindow, Dialog, IpcMain, OpenDialogOptions } from 'electron';
import { isQuireError } from '../shared/result';
import { say } from '../shared/i18n/core-sentences';
import { failureOf, reasonOfError } from '../shared/i18n/english-sentence';
import {
  CHANGE_LIBRARY_FOLDER_CHANNEL,
  isLibraryFolderChange,
  LIBRARY_FOLDER_CHANNEL,
  type LibraryFolderChange,
  type LibraryFolderOutcome,
} from '../shared/commands';
import { checkMoveTarget, checkOpenTarget, copyLibrary, finishLibraryCopy, rememberLibraryDir } from '../core/library/library-move';
import { mainText as t } from './interface-language';
import type { IpcSenderInfo } from './ipc';

export interface LibraryFolderOptions {
  window: () => BrowserWindow | null;
  isTrustedSender(event: IpcSenderInfo): boolean;
  dialog: Pick<Dialog, 'showOpenDialog'>;
  libraryDir: string;
  userData: string;
  /** set when QUIRE_LIBRARY chose the library: it would win over any folder chosen here */
  libraryFromEnvironment: boolean;
  log: (message: string, error?: unknown) => void;
  /** closes the library, runs `switchFolder`, and starts Quire again */
  restart(switchFolder: () => Promise<void>): void;
}

export function libraryDialogOptions(change: LibraryFolderChange): OpenDialogOptions {
  return change === 'move'
    ? { title: t('dialog.moveLibrary.title'), buttonLabel: t('dialog.moveLibrary.button'), properties: ['openDirectory', 'createDirectory'] }
    : { title: t('dialog.openLibrary.title'), buttonLabel: t('dialog.openLibrary.button'), properties: ['openDirectory'] };
}

export function registerLibraryFolder(ipcMain: IpcMain, options: LibraryFolderOptions): () => void {
  let busy = false;
  ipcMain.handle(LIBRARY_FOLDER_CHANNEL, (event): string => (options.isTrustedSender(event) ? options.libraryDir : ''));
  ipcMain.handle(CHANGE_LIBRARY_FOLDER_CHANNEL, async (event, change: unknown): Promise<LibraryFolderOutcome> => {
    if (!options.isTrustedSender(event)) {
      options.log(`Refused a library folder change to a frame that is not Quire's own page (${event.senderFrame?.url ?? 'gone'}).`);
      return { status: 'cancelled' };
    }
    if (!isLibraryFolderChange(change)) return { status: 'cancelled' };
    if (options.libraryFromEnvironment) {
      return { status: 'refused', ...failureOf(say('core.library.setByEnvironment')) };
    }
    if (busy) return { status: 'refused', ...failureOf(say('core.library.moveRunning')) };
    busy = true;
    try {
      const parent = options.window();
      const dialogOptions = libraryDialogOptions(change);
      const picked = parent && !parent.isDestroyed()
        ? await options.dialog.showOpenDialog(parent, dialogOptions)
        : await options.dialog.showOpenDialog(dialogOptions);
      const target = picked.canceled ? undefined : picked.filePaths[0];
      if (target === undefined) return { status: 'cancelled' };
      const from = options.libraryDir;
      if (change === 'move') {
        await checkMoveTarget(from, target);
        await copyLibrary(from, target);
        options.restart(async () => {
          await finishLibraryCopy(from, target);
          await rememberLibraryDir(options.userData, target);
        });
      } else {
        await checkOpenTarget(from, target);
        options.restart(() => rememberLibraryDir(options.userData, target));
      }
      return { status: 'restarting', libraryDir: target };
    } catch (error) {
      if (isQuireError(error)) return { status: 'refused', ...reasonOfError(error) };
      options.log('The library folder could not be changed.', error);
      return { status: 'refused', ...failureOf(say('core.library.changeFailed')) };
    } finally {
      busy = false;
    }
  });
  return () => {
    ipcMain.removeHandler(LIBRARY_FOLDER_CHANNEL);
    ipcMain.removeHandler(CHANGE_LIBRARY_FOLDER_CHANNEL);
  };
}

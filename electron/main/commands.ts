/**
 * Commands main → renderer on one channel (see electron/shared/commands.ts). A command sent before
 * the page listens (the first launch's files, a link that started the app) waits here until the
 * page says it is ready; a reload starts the wait again. Only our own page may say so.
 */
import type { BrowserWindow, IpcMain, IpcMainEvent, WebContents } from 'electron';
import { COMMAND_CHANNEL, COMMANDS_READY_CHANNEL, type AppCommand } from '../shared/commands';
import type { IpcSenderInfo } from './ipc';

/** Enough for any burst of menu clicks or opened files; older ones are dropped past it. */
const MAX_WAITING = 20;

export interface CommandSender {
  send(command: AppCommand): void;
  /** stops listening for the ready message */
  dispose(): void;
}

export interface CommandSenderOptions {
  window: () => BrowserWindow | null;
  isTrustedSender(event: IpcSenderInfo): boolean;
  log: (message: string) => void;
}

export function createCommandSender(ipcMain: IpcMain, options: CommandSenderOptions): CommandSender {
  const waiting: AppCommand[] = [];
  let ready: WebContents | null = null;

  const target = (): WebContents | null => {
    const current = options.window();
    if (!current || current.isDestroyed() || current.webContents !== ready) return null;
    return current.webContents;
  };

  const flush = (): void => {
    const contents = target();
    if (!contents) return;
    for (const command of waiting.splice(0)) contents.send(COMMAND_CHANNEL, command);
  };

  const onReady = (event: IpcMainEvent): void => {
    if (!options.isTrustedSender(event)) {
      options.log(`Ignored a command subscription from a frame that is not Quire's own page (${event.senderFrame?.url ?? 'gone'}).`);
      return;
    }
    const contents = event.sender;
    if (ready !== contents) {
      // A reload or a crash replaces the page: commands wait for the new one to listen. A crash
      // counts at once, not only when the reload starts: a command sent to a dead page is lost.
      const notReady = (): void => {
        if (ready === contents) ready = null;
      };
      contents.once('did-start-loading', notReady);
      contents.once('render-process-gone', notReady);
    }
    ready = contents;
    flush();
  };
  ipcMain.on(COMMANDS_READY_CHANNEL, onReady);

  return {
    send(command) {
      waiting.push(command);
      if (waiting.length > MAX_WAITING) waiting.splice(0, waiting.length - MAX_WAITING);
      flush();
    },
    dispose() {
      ipcMain.removeListener(COMMANDS_READY_CHANNEL, onReady);
    },
  };
}

/**
 * Asks the page to save what it still holds (a note being typed, see the preload's
 * `onFlushRequest`) and waits for its answer, at most `timeoutMs`: a page that is gone, frozen or
 * crashed must not keep Quire from closing. Only our own page's answer counts.
 */
import type { BrowserWindow, IpcMain, IpcMainEvent } from 'electron';
import { FLUSH_DONE_CHANNEL, FLUSH_REQUEST_CHANNEL } from '../shared/commands';
import type { IpcSenderInfo } from './ipc';

/** Long enough for a save to the core on a slow disk, short enough that quitting never seems stuck. */
export const FLUSH_TIMEOUT_MS = 3000;

export type FlushOutcome = 'flushed' | 'timed-out' | 'no-page';

export interface PageFlusher {
  flush(): Promise<FlushOutcome>;
  dispose(): void;
}

export interface PageFlusherOptions {
  window: () => BrowserWindow | null;
  isTrustedSender(event: IpcSenderInfo): boolean;
  timeoutMs?: number;
}

export function createPageFlusher(ipcMain: IpcMain, options: PageFlusherOptions): PageFlusher {
  const waiting = new Map<number, (outcome: FlushOutcome) => void>();
  let nextId = 1;

  const onDone = (event: IpcMainEvent, id: unknown): void => {
    if (!options.isTrustedSender(event) || typeof id !== 'number') return;
    waiting.get(id)?.('flushed');
  };
  ipcMain.on(FLUSH_DONE_CHANNEL, onDone);

  return {
    flush() {
      const current = options.window();
      if (!current || current.isDestroyed()) return Promise.resolve('no-page');
      const id = nextId++;
      return new Promise<FlushOutcome>((resolve) => {
        const timer = setTimeout(() => finish('timed-out'), options.timeoutMs ?? FLUSH_TIMEOUT_MS);
        function finish(outcome: FlushOutcome): void {
          clearTimeout(timer);
          waiting.delete(id);
          resolve(outcome);
        }
        waiting.set(id, finish);
        current.webContents.send(FLUSH_REQUEST_CHANNEL, id);
      });
    },
    dispose() {
      ipcMain.removeListener(FLUSH_DONE_CHANNEL, onDone);
      for (const finish of [...waiting.values()]) finish('no-page');
    },
  };
}

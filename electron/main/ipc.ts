/**
 * The IPC side of the contract: one `ipcMain.handle` per contract method, all behind one wrapper
 * that checks who is calling, then validates and dispatches exactly as every other host does.
 * Checklist #17 "Validate the sender of all IPC messages".
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import {
  READER_EVENTS,
  READER_METHODS,
  ipcChannel,
  ipcEventChannel,
  type ReaderEventSource,
  type ReaderMethod,
  type ReaderService,
} from '../shared/contract';
import { dispatch } from '../shared/dispatch';
import type { Result } from '../shared/result';
import { say } from '../shared/i18n/core-sentences';
import { failWith } from '../shared/i18n/english-sentence';

export interface IpcOptions {
  /** the core; calls made before it is open wait for it */
  core: () => Promise<ReaderService>;
  /** true when the call comes from our own page in our own window */
  isTrustedSender(event: IpcMainInvokeEvent): boolean;
  log: (message: string, error?: unknown) => void;
}

/** What the sender check reads: the same on `invoke` (handle) and `send` (on) messages. */
export type IpcSenderInfo = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/**
 * Trusts only the top-level frame of our window while it shows our page: not a subframe, not
 * another window, not our window after it navigated elsewhere.
 */
export function trustedSenderOf(
  window: () => BrowserWindow | null,
  isOurPage: (url: string) => boolean,
): (event: IpcSenderInfo) => boolean {
  return (event) => {
    const current = window();
    const frame = event.senderFrame;
    if (!current || current.isDestroyed() || !frame) return false;
    if (event.sender !== current.webContents) return false;
    return frame.parent === null && isOurPage(frame.url);
  };
}

/** Registers every contract method; returns a function that removes them again. */
export function registerIpcHandlers(ipcMain: IpcMain, options: IpcOptions): () => void {
  const call = async (method: ReaderMethod, event: IpcMainInvokeEvent, args: unknown[]): Promise<Result<unknown>> => {
    if (!options.isTrustedSender(event)) {
      options.log(`Refused ${method} from a frame that is not Quire's own page (${event.senderFrame?.url ?? 'gone'}).`);
      return failWith('forbidden', say('core.error.notQuireWindow'));
    }
    let core: ReaderService;
    try {
      core = await options.core();
    } catch (error) {
      options.log('The library could not be opened.', error);
      return failWith('io', say('core.error.libraryNotOpened'));
    }
    return dispatch(core, method, args, (error) => options.log(`${method} failed unexpectedly.`, error));
  };
  for (const method of READER_METHODS) {
    ipcMain.handle(ipcChannel(method), (event, ...args: unknown[]) => call(method, event, args));
  }
  return () => {
    for (const method of READER_METHODS) ipcMain.removeHandler(ipcChannel(method));
  };
}

/**
 * Carries every contract event to our window (`webContents.send` on the event's channel); the
 * preload's `on` delivers it to the page. Events while no window is open are dropped: a new window
 * asks the core for the state it needs. Returns a function that stops forwarding.
 */
export function forwardEvents(
  events: ReaderEventSource,
  window: () => BrowserWindow | null,
): () => void {
  const stops = READER_EVENTS.map((event) =>
    events.on(event, (payload) => {
      const current = window();
      if (current && !current.isDestroyed()) current.webContents.send(ipcEventChannel(event), payload);
    }),
  );
  return () => {
    for (const stop of stops) stop();
  };
}

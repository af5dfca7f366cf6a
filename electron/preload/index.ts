/**
 * The preload: exposes the contract as `window.quire`, one function per contract method plus
 * `on(event, listener)` for the contract's events, and the desktop bridge (`onCommand`,
 * `chooseImportPaths`, `onFlushRequest`), and nothing else. It is bundled into one CommonJS file
 * whose only `require` is `electron` (a sandboxed preload can load nothing else). `ipcRenderer` itself never crosses the bridge (a
 * compromised page must not reach arbitrary channels): calls go to the `quire:` channel of their
 * method, `on` listens only on the channel of a contract event, `onCommand` only on the command
 * channel and only passes well-formed commands.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { say } from '../shared/i18n/core-sentences';
import {
  CHANGE_LIBRARY_FOLDER_CHANNEL,
  CHOOSE_IMPORT_CHANNEL,
  COMMAND_CHANNEL,
  COMMANDS_READY_CHANNEL,
  FLUSH_DONE_CHANNEL,
  FLUSH_REQUEST_CHANNEL,
  isAppCommand,
  isImportPickKind,
  isLibraryFolderChange,
  isLibraryFolderOutcome,
  LIBRARY_FOLDER_CHANNEL,
  type AppCommand,
  type DesktopBridge,
  type ImportPickKind,
  type LibraryFolderChange,
  type LibraryFolderOutcome,
} from '../shared/commands';
import {
  READER_METHODS,
  ipcChannel,
  ipcEventChannel,
  isReaderEvent,
  type ReaderApi,
  type ReaderEventListener,
  type ReaderEventName,
  type ReaderEventSource,
  type ReaderMethod,
} from '../shared/contract';

/** What the renderer sees as `window.quire`. */
export type PreloadApi = ReaderApi & ReaderEventSource & DesktopBridge;

interface IpcListening {
  on(channel: string, listener: (event: IpcRendererEvent, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: IpcRendererEvent, payload: unknown) => void): unknown;
  send(channel: string, ...args: unknown[]): void;
}

/** `onCommand`, `chooseImportPaths`, `onFlushRequest` and the library folder (see electron/shared/commands.ts). */
function createDesktopBridge(
  invoke: (channel: string, ...args: unknown[]) => Promise<unknown>,
  ipc: IpcListening,
): DesktopBridge {
  // Main asks before the window closes; the answer goes back even when the page set no flush, or
  // its flush failed, so main never waits for nothing.
  let pageFlush: (() => Promise<void>) | null = null;
  ipc.on(FLUSH_REQUEST_CHANNEL, (_event, id) => {
    const done = (): void => ipc.send(FLUSH_DONE_CHANNEL, id);
    if (!pageFlush) return done();
    pageFlush().then(done, done);
  });
  return {
    onCommand(listener: (command: AppCommand) => void): () => void {
      if (typeof listener !== 'function') throw new TypeError('window.quire.onCommand needs a function.');
      const forward = (_event: IpcRendererEvent, payload: unknown): void => {
        if (isAppCommand(payload)) listener(payload);
      };
      ipc.on(COMMAND_CHANNEL, forward);
      // Main holds commands (a file opened at launch) until the page listens.
      ipc.send(COMMANDS_READY_CHANNEL);
      return () => void ipc.removeListener(COMMAND_CHANNEL, forward);
    },
    async chooseImportPaths(kind: ImportPickKind): Promise<string[]> {
      if (!isImportPickKind(kind)) return [];
      const paths = await invoke(CHOOSE_IMPORT_CHANNEL, kind);
      return Array.isArray(paths) ? paths.filter((path): path is string => typeof path === 'string') : [];
    },
    async libraryFolder(): Promise<string> {
      const folder = await invoke(LIBRARY_FOLDER_CHANNEL);
      return typeof folder === 'string' ? folder : '';
    },
    async changeLibraryFolder(change: LibraryFolderChange): Promise<LibraryFolderOutcome> {
      if (!isLibraryFolderChange(change)) return { status: 'cancelled' };
      const outcome = await invoke(CHANGE_LIBRARY_FOLDER_CHANNEL, change);
      // (the English only for a page that would not know the sentence; the preload bundles no catalog)
      return isLibraryFolderOutcome(outcome) ? outcome : { status: 'refused', reason: 'Quire could not change the library folder.', sentence: say('core.library.changeFailed') };
    },
    onFlushRequest(flush: () => Promise<void>): void {
      if (typeof flush !== 'function') throw new TypeError('window.quire.onFlushRequest needs a function.');
      pageFlush = async () => {
        await flush();
      };
    },
  };
}

export function createPreloadApi(
  invoke: (channel: string, ...args: unknown[]) => Promise<unknown>,
  ipc: IpcListening,
): PreloadApi {
  const api: Partial<Record<ReaderMethod | keyof ReaderEventSource | keyof DesktopBridge, unknown>> = {
    ...createDesktopBridge(invoke, ipc),
  };
  for (const method of READER_METHODS) {
    const channel = ipcChannel(method);
    api[method] = (...args: unknown[]) => invoke(channel, ...args);
  }
  api.on = <E extends ReaderEventName>(event: E, listener: ReaderEventListener<E>): (() => void) => {
    if (typeof event !== 'string' || !isReaderEvent(event) || typeof listener !== 'function') {
      throw new TypeError(`window.quire.on: "${String(event)}" is not a Quire event.`);
    }
    const channel = ipcEventChannel(event);
    // The IPC event object (with its `sender`) stays here: the page gets the payload only.
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload as Parameters<typeof listener>[0]);
    ipc.on(channel, forward);
    return () => void ipc.removeListener(channel, forward);
  };
  return Object.freeze(api) as PreloadApi;
}

contextBridge.exposeInMainWorld(
  'quire',
  createPreloadApi((channel, ...args) => ipcRenderer.invoke(channel, ...args), ipcRenderer),
);

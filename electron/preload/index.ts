/**
 * The preload: exposes the contract as `window.quire`, one function per contract method plus
 * `on(event, listener)` for the contract's events, and nothing else. `ipcRenderer` itself never
 * crosses the bridge (a compromised page must not reach arbitrary channels): calls go to the
 * `quire:` channel of their method, and `on` listens only on the channel of a contract event.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
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
export type PreloadApi = ReaderApi & ReaderEventSource;

interface IpcListening {
  on(channel: string, listener: (event: IpcRendererEvent, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: IpcRendererEvent, payload: unknown) => void): unknown;
}

export function createPreloadApi(
  invoke: (channel: string, ...args: unknown[]) => Promise<unknown>,
  ipc: IpcListening,
): PreloadApi {
  const api: Partial<Record<ReaderMethod | 'on', unknown>> = {};
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

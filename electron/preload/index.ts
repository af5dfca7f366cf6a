/**
 * The preload: exposes the contract as `window.quire`, one function per contract method, and
 * nothing else. `ipcRenderer` itself never crosses the bridge (a compromised page must not reach
 * arbitrary channels), and every call goes to the `quire:` channel of its method.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { READER_METHODS, ipcChannel, type ReaderApi, type ReaderMethod } from '../shared/contract';

export function createPreloadApi(invoke: (channel: string, ...args: unknown[]) => Promise<unknown>): ReaderApi {
  const api: Partial<Record<ReaderMethod, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const method of READER_METHODS) {
    const channel = ipcChannel(method);
    api[method] = (...args: unknown[]) => invoke(channel, ...args);
  }
  return Object.freeze(api) as ReaderApi;
}

contextBridge.exposeInMainWorld(
  'quire',
  createPreloadApi((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
);

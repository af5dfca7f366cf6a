/**
 * The preload as it ships: out/preload/index.cjs, built by scripts/build-node.mjs. A sandboxed
 * preload can `require` almost nothing, so the bundle must be self-contained: here it runs in a
 * bare `vm` context whose `require` knows only `electron`, the way Electron runs it, and must expose
 * exactly the contract as `window.quire`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { READER_METHODS } from '../../../electron/shared/contract';

const BUNDLE = path.resolve('out/preload/index.cjs');
const DESKTOP_BRIDGE = ['on', 'onCommand', 'chooseImportPaths', 'onFlushRequest', 'libraryFolder', 'changeLibraryFolder'];

function runBuiltPreload() {
  const exposed = new Map<string, Record<string, unknown>>();
  const invoked: unknown[][] = [];
  const listening: string[] = [];
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: Record<string, unknown>) => exposed.set(key, value) },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => {
        invoked.push(args);
        return { ok: true, value: null };
      },
      on: (channel: string) => void listening.push(channel),
      removeListener: () => {},
      send: () => {},
    },
  };
  const module = { exports: {} };
  const sandbox = {
    module,
    exports: module.exports,
    require: (name: string) => {
      required.push(name);
      if (name !== 'electron') throw new Error(`A sandboxed preload cannot require "${name}".`);
      return electron;
    },
  };
  vm.runInNewContext(readFileSync(BUNDLE, 'utf8'), sandbox, { filename: BUNDLE });
  return { exposed, invoked, listening, required };
}

describe('the built preload bundle', () => {
  it('requires nothing but electron', () => {
    expect(new Set(runBuiltPreload().required)).toEqual(new Set(['electron']));
  });

  it('exposes exactly the contract’s methods and the desktop bridge as window.quire', async () => {
    const { exposed, invoked } = runBuiltPreload();
    expect([...exposed.keys()]).toEqual(['quire']);
    const api = exposed.get('quire')!;
    expect(Object.keys(api).sort()).toEqual([...READER_METHODS, ...DESKTOP_BRIDGE].sort());
    for (const key of Object.keys(api)) expect(typeof api[key], key).toBe('function');
    await (api.search as (...args: unknown[]) => Promise<unknown>)('Fuad Hussein');
    expect(invoked).toEqual([['quire:search', 'Fuad Hussein']]);
  });

  it('listens for main’s save request from the start, before the page registers anything', () => {
    expect(runBuiltPreload().listening).toEqual(['quire-desktop:flush']);
  });
});

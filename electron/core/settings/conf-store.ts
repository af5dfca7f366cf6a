/**
 * A `KeyValueStore` over `conf` (the library electron-store is built on) for the hosts without
 * Electron: browser mode, the CLI and tests. Same file format as the desktop app's settings.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type ConfClass from 'conf';
import { openSettingsFile } from './broken-settings';
import type { KeyValueStore } from './key-value-store';

/**
 * `conf` is loaded when a store is made, not with this module: it brings a JSON-schema validator
 * that costs a command which never reads its settings (`quire list`) a tenth of its time.
 */
const loadConf = (): typeof ConfClass => (createRequire(import.meta.url)('conf') as { default: typeof ConfClass }).default;

export function createConfStore(cwd: string): KeyValueStore {
  const Conf = loadConf();
  const { store: conf, brokenCopy } = openSettingsFile(
    path.join(cwd, 'settings.json'),
    () => new Conf<Record<string, unknown>>({ cwd, configName: 'settings', projectName: 'quire' }),
  );
  return {
    get: (key) => conf.get(key),
    set: (key, value) => {
      // conf refuses `undefined`; storing nothing is what it means.
      if (value === undefined) conf.delete(key);
      else conf.set(key, value);
    },
    brokenCopy,
  };
}

/**
 * The same store, opened when a setting is first read or written. A settings file that does not
 * parse is dealt with at once (set aside, `brokenCopy` set), so that every command still says so.
 */
export function createConfStoreOnDemand(cwd: string): KeyValueStore {
  if (!parsesOrMissing(path.join(cwd, 'settings.json'))) return createConfStore(cwd);
  let store: KeyValueStore | null = null;
  const opened = (): KeyValueStore => (store ??= createConfStore(cwd));
  return { get: (key) => opened().get(key), set: (key, value) => opened().set(key, value), brokenCopy: null };
}

function parsesOrMissing(file: string): boolean {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // Missing (or unreadable: conf meets the same error when it opens it, and says so then).
    return true;
  }
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

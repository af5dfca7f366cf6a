/**
 * A `KeyValueStore` over `conf` (the library electron-store is built on) for the hosts without
 * Electron: browser mode, the CLI and tests. Same file format as the desktop app's settings.
 */
import path from 'node:path';
import Conf from 'conf';
import { openSettingsFile } from './broken-settings';
import type { KeyValueStore } from './key-value-store';

export function createConfStore(cwd: string): KeyValueStore {
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

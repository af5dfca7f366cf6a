/**
 * The desktop app's settings: the core's `KeyValueStore` port over electron-store, in
 * `<userData>/settings.json` (the file the CLI and browser mode read through `conf`).
 */
import path from 'node:path';
import { app } from 'electron';
import Store from 'electron-store';
import { openSettingsFile } from '../core/settings/broken-settings';
import type { KeyValueStore } from '../core/settings/key-value-store';
import type { WindowStateStore } from './window-state';

export const SETTINGS_FILE_NAME = 'settings';

export function createElectronStoreSettings(options: { cwd?: string } = {}): KeyValueStore {
  // A settings file that does not parse is kept aside and the app starts on defaults.
  const file = path.join(options.cwd ?? app.getPath('userData'), `${SETTINGS_FILE_NAME}.json`);
  const { store, brokenCopy } = openSettingsFile(file, () => new Store<Record<string, unknown>>({ name: SETTINGS_FILE_NAME, ...options }));
  return {
    get: (key) => store.get(key),
    // electron-store refuses `undefined`; clearing a value means deleting its key.
    set: (key, value) => (value === undefined ? store.delete(key) : store.set(key, value)),
    brokenCopy,
  };
}

/** Window size and position: app state of the desktop window only, kept apart from the settings. */
export function createWindowStateStore(options: { cwd?: string } = {}): WindowStateStore {
  const store = new Store<Record<string, unknown>>({ name: 'window-state', ...options });
  return {
    load: () => store.get('main'),
    save: (state) => store.set('main', state),
  };
}

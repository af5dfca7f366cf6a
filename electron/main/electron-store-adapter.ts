/**
 * The desktop app's two electron-store files in `<userData>`: `settings.json` (the core's
 * `KeyValueStore` port; the CLI and browser mode read the same file through `conf`) and
 * `window-state.json` (the window's size and place).
 *
 * Both open through `openSettingsFile`: a file that does not parse is kept aside as
 * `<file>.broken-<time>` and the app starts on defaults, so no store file can stop Quire starting.
 *
 * electron-store's constructor also answers `electron-store-get-data` on `ipcMain` for any frame
 * that asks (no sender check), handing out the userData path: that exists for renderers that use
 * electron-store themselves. Quire's stores live in main only, so the listener is removed the
 * moment a store has been created (electron-store registers it once per process).
 */
import path from 'node:path';
import { app, ipcMain } from 'electron';
import Store from 'electron-store';
import { openSettingsFile } from '../core/settings/broken-settings';
import type { KeyValueStore } from '../core/settings/key-value-store';
import type { WindowStateStore } from './window-state';

export const SETTINGS_FILE_NAME = 'settings';
export const WINDOW_STATE_FILE_NAME = 'window-state';
/** The channel electron-store listens on in main (see the header). */
export const ELECTRON_STORE_CHANNEL = 'electron-store-get-data';

interface OpenedStore {
  store: Store<Record<string, unknown>>;
  brokenCopy: string | null;
}

function openStore(name: string, options: { cwd?: string }): OpenedStore {
  const file = path.join(options.cwd ?? app.getPath('userData'), `${name}.json`);
  const opened = openSettingsFile(file, () => new Store<Record<string, unknown>>({ name, ...options }));
  ipcMain.removeAllListeners(ELECTRON_STORE_CHANNEL);
  return opened;
}

export function createElectronStoreSettings(options: { cwd?: string } = {}): KeyValueStore {
  const { store, brokenCopy } = openStore(SETTINGS_FILE_NAME, options);
  return {
    get: (key) => store.get(key),
    // electron-store refuses `undefined`; clearing a value means deleting its key.
    set: (key, value) => (value === undefined ? store.delete(key) : store.set(key, value)),
    brokenCopy,
  };
}

/** Window size and position: app state of the desktop window only, kept apart from the settings. */
export function createWindowStateStore(
  options: { cwd?: string } = {},
  log: (message: string) => void = () => {},
): WindowStateStore {
  const { store, brokenCopy } = openStore(WINDOW_STATE_FILE_NAME, options);
  if (brokenCopy) log(`The window's saved size and place could not be read; Quire kept the file as ${brokenCopy} and opens at the default size.`);
  return {
    load: () => store.get('main'),
    save: (state) => store.set('main', state),
  };
}

/**
 * Settings persistence port. electron-store implements it in the desktop app; `conf` (the library
 * electron-store is built on) implements it in browser mode, the CLI and tests.
 */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  /** set when the settings file could not be read and was kept aside here (defaults in use) */
  readonly brokenCopy?: string | null;
}

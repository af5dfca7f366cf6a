/**
 * Settings persistence port. electron-store implements it in the desktop app; `conf` (the library
 * electron-store is built on) implements it in browser mode, the CLI and tests.
 */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

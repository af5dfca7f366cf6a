import { describe, expect, it, vi } from 'vitest';

// electron-store imports the real `electron` from node_modules, which the setup mock cannot reach:
// stand in for it with a Map that refuses `undefined` as electron-store does.
const stores = vi.hoisted(() => [] as { options: unknown; data: Map<string, unknown> }[]);
vi.mock('electron-store', () => ({
  default: class {
    data = new Map<string, unknown>();
    constructor(options: unknown) {
      stores.push({ options, data: this.data });
    }
    get(key: string) {
      return this.data.get(key);
    }
    set(key: string, value: unknown) {
      if (value === undefined) throw new TypeError('Use `delete()` to clear values');
      this.data.set(key, value);
    }
    delete(key: string) {
      this.data.delete(key);
    }
  },
}));

const { createElectronStoreSettings } = await import('../../../electron/main/electron-store-adapter');

describe('electron-store settings adapter', () => {
  it('keeps settings in settings.json and clears a value set to undefined', () => {
    const settings = createElectronStoreSettings();
    expect(stores.at(-1)?.options).toEqual({ name: 'settings' });
    settings.set('theme', 'dark');
    expect(settings.get('theme')).toBe('dark');
    settings.set('theme', undefined);
    expect(settings.get('theme')).toBeUndefined();
    expect(stores.at(-1)?.data.has('theme')).toBe(false);
  });
});

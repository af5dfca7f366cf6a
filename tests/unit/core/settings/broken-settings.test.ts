/** A settings file that no longer parses: the app starts on defaults, keeps the broken copy, and says so. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConfStore } from '../../../../electron/core/settings/conf-store';
import { DEFAULT_SETTINGS } from '../../../../electron/shared/models';
import { openTestLibrary } from '../support/import-library';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('quire-settings-');

describe('a broken settings file', () => {
  for (const [kind, bytes] of [
    ['truncated JSON', Buffer.from('{"theme": "dark", "fontSize": 2')],
    ['binary garbage', Buffer.from([0x00, 0xff, 0x13, 0x88, 0x7b, 0x22, 0xfe])],
  ] as const) {
    it(`(${kind}) is set aside beside itself and the settings start from defaults`, async () => {
      const root = tempDir();
      const userData = path.join(root, 'userData');
      const store = createConfStore(userData); // creates the folder the way the app does
      store.set('theme', 'dark');
      writeFileSync(path.join(userData, 'settings.json'), bytes);

      const reopened = createConfStore(userData);
      expect(reopened.get('theme')).toBeUndefined();
      const kept = readdirSync(userData).filter((name) => name.startsWith('settings.json.broken-'));
      expect(kept).toHaveLength(1);
      expect(readFileSync(path.join(userData, kept[0]!))).toEqual(bytes);
      expect(reopened.brokenCopy).toBe(path.join(userData, kept[0]!));
      reopened.set('fontSize', 22);
      expect(createConfStore(userData).get('fontSize')).toBe(22);

      const { core, logged } = await openTestLibrary(root, { settings: reopened, maintenance: true });
      try {
        expect(await core.getSettings()).toEqual({ ...DEFAULT_SETTINGS, fontSize: 22 });
        await core.whenChecked();
        const health = await core.libraryHealth();
        expect(health.repaired).toContain(
          `The settings file could not be read: Quire started with default settings and kept the broken file as ${reopened.brokenCopy}.`,
        );
        expect(logged.some((line) => line.includes('settings file could not be read'))).toBe(true);
      } finally {
        await core.close();
      }
    });
  }
});

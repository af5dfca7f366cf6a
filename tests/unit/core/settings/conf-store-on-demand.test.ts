import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConfStore, createConfStoreOnDemand } from '../../../../electron/core/settings/conf-store';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();

describe('settings opened on demand (one-shot commands)', () => {
  it('touches no file until a setting is used, then reads and writes the same file as the eager store', () => {
    const dir = tempDir();
    const settings = createConfStoreOnDemand(dir);
    expect(existsSync(path.join(dir, 'settings.json'))).toBe(false);
    settings.set('theme', 'dark');
    expect(JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8'))).toEqual({ theme: 'dark' });
    expect(createConfStore(dir).get('theme')).toBe('dark');
    expect(createConfStoreOnDemand(dir).get('theme')).toBe('dark');
  });

  it('a settings file that does not parse is set aside at once, so the command can say so', () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'settings.json'), '{"theme": "da');
    const settings = createConfStoreOnDemand(dir);
    expect(settings.brokenCopy).toMatch(/settings\.json\.broken-/);
    expect(readdirSync(dir).filter((name) => name.startsWith('settings.json.broken-'))).toHaveLength(1);
    expect(settings.get('theme')).toBeUndefined();
  });
});

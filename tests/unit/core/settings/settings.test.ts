import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConfStore } from '../../../../electron/core/settings/conf-store';
import type { KeyValueStore } from '../../../../electron/core/settings/key-value-store';
import { readSettings, writeSettings } from '../../../../electron/core/settings/settings';
import { DEFAULT_SETTINGS } from '../../../../electron/shared/models';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();

function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore & { data: Record<string, unknown> } {
  const data = { ...initial };
  return { data, get: (key) => data[key], set: (key, value) => void (data[key] = value) };
}

describe('settings', () => {
  it('are the defaults when nothing is stored', () => {
    expect(readSettings(memoryStore())).toEqual(DEFAULT_SETTINGS);
  });

  it('keep what was set', () => {
    const store = memoryStore();
    expect(writeSettings(store, { theme: 'dark', fontSize: 22 })).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', fontSize: 22 });
    expect(readSettings(store).theme).toBe('dark');
  });

  it('replace a badly stored value with its default', () => {
    const store = memoryStore({ theme: 'neon', fontSize: 500, fontFamily: 'sans', lastArticleId: '../x' });
    expect(readSettings(store)).toEqual({ ...DEFAULT_SETTINGS, fontFamily: 'sans' });
    expect(store.data.theme).toBe(DEFAULT_SETTINGS.theme);
    expect(store.data.fontSize).toBe(DEFAULT_SETTINGS.fontSize);
  });

  it('refuse an invalid patch as a whole', () => {
    const store = memoryStore();
    expect(() => writeSettings(store, { theme: 'dark', fontSize: 3 })).toThrow(/fontSize/);
    expect(readSettings(store)).toEqual(DEFAULT_SETTINGS);
  });

  it('keep the reading layout (dyslexia-friendly font, line spacing, column width) and refuse extremes', () => {
    const store = memoryStore();
    writeSettings(store, { fontFamily: 'dyslexic', lineHeight: 1.9, columnWidth: 56 });
    expect(readSettings(store)).toMatchObject({ fontFamily: 'dyslexic', lineHeight: 1.9, columnWidth: 56 });
    expect(() => writeSettings(store, { lineHeight: 5 })).toThrow(/lineHeight/);
    expect(() => writeSettings(store, { columnWidth: 12 })).toThrow(/columnWidth/);
    expect(readSettings(memoryStore({ lineHeight: 'tall', columnWidth: 9000 }))).toMatchObject({ lineHeight: 1.6, columnWidth: 68 });
  });

  it('keep the typography of Preferences (margins, paragraph spacing, justify, hyphenate, focus mode) and refuse bad values', () => {
    const store = memoryStore();
    writeSettings(store, { sideMargin: 64, paragraphSpacing: 0.6, justify: true, hyphenate: false, focusMode: true });
    expect(readSettings(store)).toMatchObject({ sideMargin: 64, paragraphSpacing: 0.6, justify: true, hyphenate: false, focusMode: true });
    expect(() => writeSettings(store, { sideMargin: -8 })).toThrow(/sideMargin/);
    expect(() => writeSettings(store, { sideMargin: 12.5 })).toThrow(/sideMargin/);
    expect(() => writeSettings(store, { paragraphSpacing: 9 })).toThrow(/paragraphSpacing/);
    expect(() => writeSettings(store, { justify: 'yes' as unknown as boolean })).toThrow(/justify/);
    expect(readSettings(store).sideMargin).toBe(64);
    // An older version's file has none of them: the defaults fill in.
    expect(readSettings(memoryStore({ theme: 'dark', hyphenate: 'maybe' }))).toMatchObject({ theme: 'dark', sideMargin: 24, justify: false, hyphenate: true, focusMode: false });
  });

  it('keep the library shown as covers across a restart, and refuse a layout that does not exist', () => {
    const dir = tempDir();
    writeSettings(createConfStore(dir), { libraryLayout: 'grid' });
    expect(readSettings(createConfStore(dir)).libraryLayout).toBe('grid');
    expect(() => writeSettings(createConfStore(dir), { libraryLayout: 'shelf' as 'grid' })).toThrow(/libraryLayout/);
    expect(readSettings(memoryStore({ libraryLayout: 'shelf' })).libraryLayout).toBe('list');
  });

  it('persist in settings.json through conf', () => {
    const dir = tempDir();
    writeSettings(createConfStore(dir), { theme: 'sepia' });
    expect(JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8')).theme).toBe('sepia');
    expect(readSettings(createConfStore(dir)).theme).toBe('sepia');
  });
});

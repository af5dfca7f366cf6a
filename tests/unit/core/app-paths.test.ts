import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cacheDirFor,
  defaultLibraryDir,
  resolveLibraryDir,
  userDataDir,
} from '../../../electron/core/app-paths';

describe('userDataDir (as Electron computes it for "Quire")', () => {
  it('Linux: $XDG_CONFIG_HOME/Quire, else ~/.config/Quire', () => {
    expect(userDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/xdg' }, homeDir: '/home/u' })).toBe('/xdg/Quire');
    expect(userDataDir({ platform: 'linux', env: {}, homeDir: '/home/u' })).toBe('/home/u/.config/Quire');
    expect(userDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '' }, homeDir: '/home/u' })).toBe('/home/u/.config/Quire');
  });

  it('macOS: ~/Library/Application Support/Quire', () => {
    expect(userDataDir({ platform: 'darwin', env: { XDG_CONFIG_HOME: '/xdg' }, homeDir: '/Users/u' })).toBe(
      '/Users/u/Library/Application Support/Quire',
    );
  });

  it('Windows: %APPDATA%\\Quire', () => {
    expect(userDataDir({ platform: 'win32', env: { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, homeDir: 'C:\\Users\\u' })).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\Quire',
    );
  });
});

describe('resolveLibraryDir', () => {
  it('prefers the flag, then QUIRE_LIBRARY, then <userData>/library', () => {
    const env = { QUIRE_LIBRARY: '/env/lib' };
    expect(resolveLibraryDir('/flag/lib', { env, userData: '/ud' })).toBe('/flag/lib');
    expect(resolveLibraryDir(undefined, { env, userData: '/ud' })).toBe('/env/lib');
    expect(resolveLibraryDir(undefined, { env: { QUIRE_LIBRARY: '' }, userData: '/ud' })).toBe('/ud/library');
    expect(defaultLibraryDir('/ud')).toBe('/ud/library');
  });

  it('makes a relative flag absolute', () => {
    expect(resolveLibraryDir('lib', { env: {}, userData: '/ud' })).toBe(path.resolve('lib'));
  });
});

describe('cacheDirFor', () => {
  it('gives each library its own cache, and one library one cache however it is reached', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'quire-paths-'));
    try {
      const library = path.join(root, 'library');
      mkdirSync(library);
      symlinkSync(library, path.join(root, 'link'));
      const cache = cacheDirFor('/ud', library);
      expect(cache).toMatch(/^\/ud\/\.quire-cache\/[0-9a-f]{16}$/);
      expect(cacheDirFor('/ud', path.join(root, 'link'))).toBe(cache);
      expect(cacheDirFor('/ud', `${library}/`)).toBe(cache);
      expect(cacheDirFor('/ud', path.join(root, 'other'))).not.toBe(cache);
      // A library that does not exist yet keeps its key once created.
      const later = path.join(root, 'link', 'nested');
      const before = cacheDirFor('/ud', later);
      mkdirSync(path.join(library, 'nested'));
      expect(cacheDirFor('/ud', later)).toBe(before);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

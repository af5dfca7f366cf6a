import { describe, expect, it } from 'vitest';
import { unpackedAsarPath } from '../../../electron/core/unpacked-path';

describe('unpackedAsarPath: where a file of a packaged app really is on disk', () => {
  it('maps a file inside app.asar to the same place in app.asar.unpacked (Linux, macOS)', () => {
    expect(unpackedAsarPath('/opt/Quire/resources/app.asar/out/worker/search-worker.js')).toBe(
      '/opt/Quire/resources/app.asar.unpacked/out/worker/search-worker.js',
    );
    expect(unpackedAsarPath('/Applications/Quire.app/Contents/Resources/app.asar/node_modules/tinypool/dist/index.js')).toBe(
      '/Applications/Quire.app/Contents/Resources/app.asar.unpacked/node_modules/tinypool/dist/index.js',
    );
  });

  it('maps Windows paths, whose separators are backslashes', () => {
    expect(unpackedAsarPath('C:\\Users\\ana\\AppData\\Local\\Programs\\Quire\\resources\\app.asar\\out\\worker\\import-worker.js')).toBe(
      'C:\\Users\\ana\\AppData\\Local\\Programs\\Quire\\resources\\app.asar.unpacked\\out\\worker\\import-worker.js',
    );
  });

  it('leaves paths outside an archive alone: a development run, the CLI, an already unpacked file', () => {
    for (const outside of [
      '/home/ana/quire/out/worker/search-worker.js',
      '/opt/Quire/resources/app.asar.unpacked/out/worker/search-worker.js',
      '/home/ana/app.asar-notes/out/worker/search-worker.js',
      '/home/ana/notes.asarx/file.js',
      '',
    ]) {
      expect(unpackedAsarPath(outside)).toBe(outside);
    }
  });

  it('maps only the innermost archive when a parent folder also ends in .asar', () => {
    expect(unpackedAsarPath('/media/backup.asar/Quire/resources/app.asar/out/chunks/a.js')).toBe(
      '/media/backup.asar/Quire/resources/app.asar.unpacked/out/chunks/a.js',
    );
  });
});

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIBRARY_LOCATION_FILE, resolveLibraryDir } from '../../../../electron/core/app-paths';
import {
  checkMoveTarget,
  checkOpenTarget,
  copyLibrary,
  differenceBetween,
  finishLibraryCopy,
  rememberLibraryDir,
} from '../../../../electron/core/library/library-move';

let root: string;
let library: string;
const ID = 'a1b2c3d4e5f60718';

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'quire-move-'));
  library = path.join(root, 'library');
  write(path.join(library, 'quire-library.json'), '{"format":1}\n');
  write(path.join(library, 'articles', ID, 'article.json'), '{"title":"Rivers"}\n');
  write(path.join(library, 'articles', ID, 'text.txt'), 'The Tigris and the Euphrates.\n');
  write(path.join(library, 'articles', ID, 'annotations', 'b1.json'), '{"note":"delta"}\n');
  write(path.join(library, '.stignore'), '// Quire\n');
  // What belongs to the Quire running here: never copied.
  write(path.join(library, '.quire-lock'), '{"pid":1}\n');
  write(path.join(library, '.quire-locks', ID), '{"pid":1}\n');
  write(path.join(library, 'articles', '.tmp-b1b2c3d4e5f60718', 'article.json'), '{}\n');
  write(path.join(library, 'articles', ID, 'article.json.4242'), '{"half":');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('moving the library', () => {
  it('copies every file of the library, byte for byte, and none of the locks or writes in progress', async () => {
    const target = path.join(root, 'Sync', 'Quire');
    await checkMoveTarget(library, target);
    await copyLibrary(library, target);
    expect(readFileSync(path.join(target, 'articles', ID, 'annotations', 'b1.json'), 'utf8')).toBe('{"note":"delta"}\n');
    expect(readFileSync(path.join(target, '.stignore'), 'utf8')).toBe('// Quire\n');
    for (const left of ['.quire-lock', '.quire-locks', 'articles/.tmp-b1b2c3d4e5f60718', `articles/${ID}/article.json.4242`]) {
      expect(existsSync(path.join(target, left)), left).toBe(false);
    }
    // The old folder stays as it was until the person removes it.
    expect(readFileSync(path.join(library, 'articles', ID, 'text.txt'), 'utf8')).toBe('The Tigris and the Euphrates.\n');
    expect(await differenceBetween(library, target)).toBeNull();
  });

  it('after the library closed, brings the copy up to date with what changed meanwhile', async () => {
    const target = path.join(root, 'moved');
    await copyLibrary(library, target);
    write(path.join(library, 'articles', ID, 'annotations', 'b2.json'), '{"note":"written while copying"}\n');
    write(path.join(library, 'articles', ID, 'article.json'), '{"title":"Rivers of Iraq"}\n');
    rmSync(path.join(library, 'articles', ID, 'annotations', 'b1.json'));
    await finishLibraryCopy(library, target);
    expect(readFileSync(path.join(target, 'articles', ID, 'annotations', 'b2.json'), 'utf8')).toBe('{"note":"written while copying"}\n');
    expect(readFileSync(path.join(target, 'articles', ID, 'article.json'), 'utf8')).toBe('{"title":"Rivers of Iraq"}\n');
    expect(existsSync(path.join(target, 'articles', ID, 'annotations', 'b1.json'))).toBe(false);
  });

  it('the check finds a copy that differs from the library, by a single byte', async () => {
    const target = path.join(root, 'moved');
    await copyLibrary(library, target);
    writeFileSync(path.join(target, 'articles', ID, 'text.txt'), 'The Tigris and the Euphratex.\n');
    expect(await differenceBetween(library, target)).toBe(`articles/${ID}/text.txt differs in the copy`);
  });

  it('refuses folders it must not move into, with a sentence, and copies nothing', async () => {
    const full = path.join(root, 'full');
    write(path.join(full, 'thesis.pdf'), '%PDF');
    const other = path.join(root, 'other-library');
    write(path.join(other, 'quire-library.json'), '{}\n');
    const file = path.join(root, 'a-file');
    write(file, 'x');
    const refusals: Array<[string, RegExp]> = [
      [path.join(library, 'articles'), /inside the library itself/],
      [root, /library is inside that folder/],
      [full, /not empty/],
      [other, /already holds a Quire library/],
      [file, /a file, not a folder/],
      ['relative/folder', /full path/],
    ];
    for (const [target, reason] of refusals) await expect(checkMoveTarget(library, target), target).rejects.toThrow(reason);
    expect(readFileSync(path.join(full, 'thesis.pdf'), 'utf8')).toBe('%PDF');
  });

  it('a folder that holds only hidden files (a synced folder’s own) is empty enough, and keeps them', async () => {
    const synced = path.join(root, 'Sync');
    write(path.join(synced, '.stfolder', 'marker'), '');
    await checkMoveTarget(library, synced);
    await copyLibrary(library, synced);
    expect(existsSync(path.join(synced, '.stfolder', 'marker'))).toBe(true);
    expect(existsSync(path.join(synced, 'quire-library.json'))).toBe(true);
  });
});

describe('opening another library', () => {
  it('takes a folder with a Quire library, refuses any other', async () => {
    const other = path.join(root, 'laptop-library');
    write(path.join(other, 'quire-library.json'), '{}\n');
    await checkOpenTarget(library, other);
    const plain = path.join(root, 'photos');
    mkdirSync(plain);
    await expect(checkOpenTarget(library, plain)).rejects.toThrow(/not a Quire library/);
    await expect(checkOpenTarget(library, path.join(root, 'gone'))).rejects.toThrow(/does not exist/);
    await expect(checkOpenTarget(library, library)).rejects.toThrow(/open already/);
  });

  it('the folder chosen is where the app, the CLI and browser mode open the library next time; a flag or QUIRE_LIBRARY still wins', async () => {
    const userData = path.join(root, 'userData');
    expect(resolveLibraryDir(undefined, { env: {}, userData })).toBe(path.join(userData, 'library'));
    await rememberLibraryDir(userData, path.join(root, 'Sync', 'Quire'));
    expect(resolveLibraryDir(undefined, { env: {}, userData })).toBe(path.join(root, 'Sync', 'Quire'));
    expect(resolveLibraryDir(undefined, { env: { QUIRE_LIBRARY: '/elsewhere' }, userData })).toBe(path.resolve('/elsewhere'));
    expect(resolveLibraryDir('/flag', { env: {}, userData })).toBe(path.resolve('/flag'));
    // A broken location file is no location: the default library opens.
    writeFileSync(path.join(userData, LIBRARY_LOCATION_FILE), '{"libraryDir": "relative/path"');
    expect(resolveLibraryDir(undefined, { env: {}, userData })).toBe(path.join(userData, 'library'));
  });
});

/** The library's `.stignore`: written at open, and a user's own lines kept. */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestLibrary } from '../../support/import-library';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir('quire-stignore-');

describe('the library tells Syncthing what stays on this machine', () => {
  it('a new library gets a .stignore naming the locks, staging folders and temp files', async () => {
    const { core, libraryDir } = await openTestLibrary(tempDir());
    await core.close();
    const lines = readFileSync(path.join(libraryDir, '.stignore'), 'utf8').split('\n');
    expect(lines).toEqual(expect.arrayContaining(['(?d)/.quire-lock', '(?d)/.quire-locks', '(?d).tmp-*', '(?d).replaced-*', '(?d)*.json.[0-9]*']));
  });

  it("a user's .stignore keeps its lines, and Quire's are added once", async () => {
    const root = tempDir();
    mkdirSync(path.join(root, 'library'));
    writeFileSync(path.join(root, 'library', '.stignore'), 'my-private-notes');
    for (let open = 0; open < 2; open += 1) {
      const { core } = await openTestLibrary(root);
      await core.close();
    }
    const text = readFileSync(path.join(root, 'library', '.stignore'), 'utf8');
    expect(text.startsWith('my-private-notes\n')).toBe(true);
    expect(text.split('(?d)/.quire-lock\n')).toHaveLength(2);
  });
});

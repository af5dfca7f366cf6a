import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { collectImportFiles, countImportFiles } from '../../../../electron/core/library/collect-import-files';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A folder holding `files` (paths relative to it), each with a line of text. */
function folderWith(files: string[]): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'quire-walk-'));
  made.push(root);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), `<p>${file}</p>`);
  }
  return root;
}

describe('the files a chosen folder holds', () => {
  it('come in natural order, whatever the case of their names (names equal but for it in a fixed order), folders walked where they sort', async () => {
    const root = folderWith([
      'page-10.html', 'page-2.html', 'Page-1.html', 'b.md', 'A.txt', 'chapter 3/part-11.md', 'chapter 3/part-9.md', 'page-2.HTML',
    ]);
    const found = await collectImportFiles([root]);
    expect(found.map((candidate) => path.relative(root, candidate.path))).toEqual([
      'A.txt', 'b.md', 'chapter 3/part-9.md', 'chapter 3/part-11.md', 'Page-1.html', 'page-2.HTML', 'page-2.html', 'page-10.html',
    ]);
    expect(await countImportFiles([root])).toBe(found.length);
  });

  it('leave out hidden files and folders, and report what is not a document as skipped', async () => {
    const root = folderWith(['.hidden.html', '.git/notes.md', 'saved.html', 'saved_files/picture.png', 'logo.png', 'notes.md']);
    const found = await collectImportFiles([root]);
    expect(found.map((candidate) => [path.relative(root, candidate.path), 'skipped' in candidate])).toEqual([
      ['logo.png', true],
      ['notes.md', false],
      ['saved.html', false],
    ]);
  });

  it('sort a folder of thousands of names in the same order a name-by-name comparison gives', async () => {
    const names = Array.from({ length: 3000 }, (_, index) => `Article ${(index * 7919) % 3000}.md`);
    const root = folderWith(names);
    const found = await collectImportFiles([root]);
    const expected = names.map((name) => Number(name.slice('Article '.length, -'.md'.length))).sort((a, b) => a - b);
    expect(found.map((candidate) => Number(path.basename(candidate.path).slice('Article '.length, -'.md'.length)))).toEqual(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { filesFromDrop } from '../../../../renderer/library/dropped-files';

/** A folder tree as the File System Entry API presents it (what Chromium gives a drop). */
type Tree = { [name: string]: string | Tree };

function entryFor(name: string, node: string | Tree, parentPath: string): FileSystemEntry {
  const fullPath = `${parentPath}/${name}`;
  if (typeof node === 'string') {
    return {
      name,
      fullPath,
      isFile: true,
      isDirectory: false,
      file: (resolve: (file: File) => void) => resolve(new File([node], name)),
    } as unknown as FileSystemEntry;
  }
  const children = Object.entries(node).map(([child, value]) => entryFor(child, value, fullPath));
  return {
    name,
    fullPath,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      // Answers in batches of two, then an empty batch, as readEntries does.
      let offset = 0;
      return {
        readEntries: (resolve: (entries: FileSystemEntry[]) => void) => {
          resolve(children.slice(offset, offset + 2));
          offset += 2;
        },
      };
    },
  } as unknown as FileSystemEntry;
}

function dropOf(tree: Tree): DataTransfer {
  const entries = Object.entries(tree).map(([name, node]) => entryFor(name, node, ''));
  return {
    items: entries.map((entry) => ({ kind: 'file', webkitGetAsEntry: () => entry })),
    files: [],
  } as unknown as DataTransfer;
}

describe('files of a drop', () => {
  it('walks dropped folders recursively, in natural order, skipping hidden files, keeping each path', async () => {
    const picked = await filesFromDrop(
      dropOf({
        'loose.txt': 'loose',
        pages: {
          'page-10.html': '<p>10</p>',
          'page-2.html': '<p>2</p>',
          '.DS_Store': 'junk',
          deeper: { 'a.md': '# A', '.git': { config: 'x' } },
          'page-1.html': '<p>1</p>',
        },
      }),
    );
    expect(picked.map((p) => p.name)).toEqual([
      'loose.txt',
      'pages/deeper/a.md',
      'pages/page-1.html',
      'pages/page-2.html',
      'pages/page-10.html',
    ]);
    expect(await picked[1]!.file.text()).toBe('# A');
  });
});

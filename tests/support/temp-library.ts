/** A throwaway library folder with one article and a secret next to it, for containment tests. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ARTICLE_ID = 'a1b2c3d4e5f60718';
export const OTHER_ID = 'b1b2c3d4e5f60718';
export const PNG_BYTES = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

export interface TempLibrary {
  root: string;
  libraryDir: string;
  articleDir: string;
  cleanup(): void;
}

/**
 * root/
 *   secret.txt                          outside the library
 *   library/articles/<ARTICLE_ID>/      content.html, text.txt, assets/pic.png, assets/a b.png,
 *                                       assets/leak.txt → ../../../../secret.txt (symlink),
 *                                       assets/inner.png → pic.png (symlink inside)
 *   library/articles/<OTHER_ID>/text.txt
 */
export function createTempLibrary(): TempLibrary {
  const root = mkdtempSync(path.join(tmpdir(), 'quire-lib-'));
  const libraryDir = path.join(root, 'library');
  const articleDir = path.join(libraryDir, 'articles', ARTICLE_ID);
  mkdirSync(path.join(articleDir, 'assets'), { recursive: true });
  mkdirSync(path.join(libraryDir, 'articles', OTHER_ID), { recursive: true });
  writeFileSync(path.join(root, 'secret.txt'), 'TOP SECRET');
  writeFileSync(path.join(articleDir, 'content.html'), '<p>Hello</p>');
  writeFileSync(path.join(articleDir, 'text.txt'), 'Hello');
  writeFileSync(path.join(articleDir, 'assets', 'pic.png'), PNG_BYTES);
  writeFileSync(path.join(articleDir, 'assets', 'a b.png'), PNG_BYTES);
  writeFileSync(path.join(articleDir, 'assets', 'evil.js'), 'alert(1)');
  writeFileSync(path.join(libraryDir, 'articles', OTHER_ID, 'text.txt'), 'Other article');
  symlinkSync(path.join(root, 'secret.txt'), path.join(articleDir, 'assets', 'leak.txt'));
  symlinkSync('pic.png', path.join(articleDir, 'assets', 'inner.png'));
  symlinkSync(root, path.join(articleDir, 'assets', 'escape'));
  return { root, libraryDir, articleDir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

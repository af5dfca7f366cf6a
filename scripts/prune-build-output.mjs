// What an earlier build left in out/ that this one did not write. esbuild names chunks by their
// content's hash and never removes a file, so every change of the code left its old chunks (and
// their maps) behind: after a day of work out/chunks held over a thousand files, and
// electron-builder packs all of out/ (out/chunks unpacked beside the archive), so an installer
// built on a working copy shipped every stale chunk with it. Removed after the new files are
// written, not before, so that out/ never lacks a file the current code imports.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * The files under `folders` (relative to `root`) that are not in `written` (paths relative to
 * `root`, as esbuild's metafile names its outputs), with forward slashes. A folder that does not
 * exist holds none.
 */
export function staleFiles(root, folders, written) {
  const kept = new Set([...written].map((file) => path.posix.normalize(file.split(path.sep).join('/'))));
  const stale = [];
  for (const folder of folders) {
    let entries;
    try {
      entries = readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true });
    } catch (error) {
      if (error.code === 'ENOENT') continue;
      throw error;
    }
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const file = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
      if (!kept.has(file)) stale.push(file);
    }
  }
  return stale.toSorted();
}

/** Removes `staleFiles(root, folders, written)`; returns how many there were. */
export function pruneStaleFiles(root, folders, written) {
  const stale = staleFiles(root, folders, written);
  for (const file of stale) rmSync(path.join(root, file), { force: true });
  return stale.length;
}

/**
 * Expands what the user chose (files and folders) into the files to import, in a stable order:
 * folders recursively, names in natural order ("2" before "10"), hidden files and folders skipped.
 * Symbolic links to folders are not followed, so a link loop cannot make the walk endless.
 */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export type ImportCandidate = { path: string; size: number } | { path: string; error: unknown };

const byName = (a: Dirent, b: Dirent): number =>
  a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' }) ||
  (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export async function collectImportFiles(paths: readonly string[]): Promise<ImportCandidate[]> {
  const found: ImportCandidate[] = [];
  for (const given of paths) {
    const absolute = path.resolve(given);
    try {
      const info = await stat(absolute);
      if (info.isDirectory()) await walk(absolute, found);
      else found.push({ path: absolute, size: info.size });
    } catch (error) {
      found.push({ path: absolute, error });
    }
  }
  return found;
}

async function walk(dir: string, found: ImportCandidate[]): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    found.push({ path: dir, error });
    return;
  }
  for (const entry of entries.sort(byName)) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      await walk(full, found);
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      try {
        const info = await stat(full);
        if (info.isFile()) found.push({ path: full, size: info.size });
      } catch (error) {
        found.push({ path: full, error });
      }
    }
  }
}

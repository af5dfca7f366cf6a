/**
 * Expands what the user chose (files and folders) into the files to import, in a stable order:
 * folders recursively, names in natural order ("2" before "10"), hidden files and folders skipped.
 * Symbolic links to folders are not followed, so a link loop cannot make the walk endless.
 *
 * The walk is a stream: a folder of a million files never becomes a million-entry list (only one
 * folder's names are held at a time), so a bulk import's memory does not grow with its size.
 */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export type ImportCandidate = { path: string; size: number } | { path: string; error: unknown };

const byName = (a: Dirent, b: Dirent): number =>
  a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' }) ||
  (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Every file under `paths`, one at a time, in the order the import takes them. */
export async function* walkImportFiles(paths: readonly string[]): AsyncGenerator<ImportCandidate> {
  for (const given of paths) {
    const absolute = path.resolve(given);
    let info: { isDirectory(): boolean; size: number };
    try {
      info = await stat(absolute);
    } catch (error) {
      yield { path: absolute, error };
      continue;
    }
    if (info.isDirectory()) yield* walk(absolute);
    else yield { path: absolute, size: info.size };
  }
}

/**
 * How many files the walk will yield, counted from folder listings alone (no file is opened), so
 * progress can say "12 of 4,850" before the import reaches the end of the folders.
 */
export async function countImportFiles(paths: readonly string[]): Promise<number> {
  let count = 0;
  const countIn = async (dir: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      count += 1; // the walk reports the unreadable folder as one failure
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) await countIn(path.join(dir, entry.name));
      else if (entry.isFile() || entry.isSymbolicLink()) count += 1;
    }
  };
  for (const given of paths) {
    const absolute = path.resolve(given);
    try {
      if ((await stat(absolute)).isDirectory()) await countIn(absolute);
      else count += 1;
    } catch {
      count += 1;
    }
  }
  return count;
}

/** The whole list at once: for callers that import a handful of files. */
export async function collectImportFiles(paths: readonly string[]): Promise<ImportCandidate[]> {
  const found: ImportCandidate[] = [];
  for await (const candidate of walkImportFiles(paths)) found.push(candidate);
  return found;
}

async function* walk(dir: string): AsyncGenerator<ImportCandidate> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    yield { path: dir, error };
    return;
  }
  for (const entry of entries.sort(byName)) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      yield* walk(full);
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      try {
        const info = await stat(full);
        if (info.isFile()) yield { path: full, size: info.size };
      } catch (error) {
        yield { path: full, error };
      }
    }
  }
}

/**
 * Expands what the user chose (files and folders) into the files to import, in a stable order:
 * folders recursively, names in natural order ("2" before "10"), hidden files and folders skipped.
 * Symbolic links to folders are not followed, so a link loop cannot make the walk endless.
 * A device, named pipe or socket (also behind a link) is a failure with its sentence, never read.
 *
 * Inside a folder only documents are taken: the images, stylesheets and scripts beside them are
 * reported as skipped, not as failures, and the `<page>_files` folder a browser saves beside
 * `<page>.html` is the page's own (its images are read with the page), never a set of documents.
 * A file chosen by itself is always tried, so an unknown format gets its own clear message.
 *
 * The walk is a stream: a folder of a million files never becomes a million-entry list (only one
 * folder's names are held at a time), so a bulk import's memory does not grow with its size.
 */
import type { Dirent, Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { notRegularFile, specialFileKind } from '../fs/read-user-file';
import { extensionOf, isDocumentName } from '../importers/import-formats';

export type ImportCandidate =
  | { path: string; size: number }
  | { path: string; error: unknown }
  /** inside a chosen folder, not a document */
  | { path: string; skipped: true };

/** What the summary says of a skipped file. */
export const skippedReason = (file: string): string => {
  const ext = extensionOf(file);
  return `Not a document Quire reads (${ext === '' ? 'no extension' : `.${ext}`}).`;
};

/** Entries of one folder worth walking: no hidden ones, no `<page>_files` folder of a saved page. */
function walkable(entries: Dirent[]): Dirent[] {
  const pages = new Set(
    entries.filter((e) => !e.isDirectory() && /\.x?html?$/i.test(e.name)).map((e) => e.name.replace(/\.x?html?$/i, '').toLowerCase()),
  );
  return entries.filter((entry) => {
    if (entry.name.startsWith('.')) return false;
    const savedPage = entry.isDirectory() && /_files$/i.test(entry.name) && pages.has(entry.name.slice(0, -'_files'.length).toLowerCase());
    return !savedPage;
  });
}

/**
 * One collator for every comparison: `localeCompare` with options sets up a collator on each call
 * (sorting a folder of 4,849 pages took 73 ms of Quire's thread that way, the longest stretch of
 * its own work during that import; a few milliseconds now).
 */
const nameCollator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

const byName = (a: Dirent, b: Dirent): number =>
  nameCollator.compare(a.name, b.name) ||
  (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Every file under `paths`, one at a time, in the order the import takes them. */
export async function* walkImportFiles(paths: readonly string[]): AsyncGenerator<ImportCandidate> {
  for (const given of paths) {
    const absolute = path.resolve(given);
    let info: Stats;
    try {
      info = await stat(absolute);
    } catch (error) {
      yield { path: absolute, error };
      continue;
    }
    if (info.isDirectory()) yield* walk(absolute);
    else yield fileCandidate(absolute, info);
  }
}

/** A file to read, or the sentence refusing what is not a regular file. */
function fileCandidate(file: string, info: Stats): ImportCandidate {
  const kind = specialFileKind(info);
  return kind === null ? { path: file, size: info.size } : { path: file, error: notRegularFile(kind) };
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
    for (const entry of walkable(entries)) {
      if (entry.isDirectory()) await countIn(path.join(dir, entry.name));
      else if (isDocumentName(entry.name)) count += 1;
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
  for (const entry of walkable(entries).sort(byName)) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      yield* walk(full);
    } else if (!isDocumentName(entry.name)) {
      if (entry.isFile() || entry.isSymbolicLink()) yield { path: full, skipped: true };
    } else {
      try {
        const info = await stat(full);
        // A link to a folder is not followed (no loops); anything else is read or refused.
        if (!info.isDirectory()) yield fileCandidate(full, info);
      } catch (error) {
        yield { path: full, error };
      }
    }
  }
}

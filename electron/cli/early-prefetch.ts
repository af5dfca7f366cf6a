/**
 * The library's metadata read ahead (library-prefetch.ts) before the rest of the command line
 * loads, for the commands that open the whole library.
 */
import { cacheDirFor, resolveLibraryDir, userDataDir } from '../core/app-paths';
import type { LibraryPrefetch } from '../core/library/library-prefetch';
import { startLibraryPrefetch } from '../core/library/start-library-prefetch';

/**
 * The commands that open the whole library and use it at once, and whether they fingerprint it
 * for the search index (those that write: it follows their change) and so use the annotation
 * folders' stamps too. Not `search` (it answers from its index without opening the library when
 * it can, and its index's thread needs the second core), not the commands about one article
 * (`show`, `annotations`, `export ID`), `serve` (it holds the library and follows its changes) or
 * the checks and archives, which read every file themselves, nor the commands that change the
 * articles given by their ids (`tag`, `mark`, `note`, `delete`…: they read those articles alone).
 * A command that writes reads ahead too: each change reads the article.json it changes again,
 * under the article's lock, and merges into it, so a version read a moment earlier is never
 * written back (as when another process changes the library while it is open).
 */
export const COMMANDS_READING_AHEAD: ReadonlyMap<string, { annotationFolders: boolean }> = new Map<string, { annotationFolders: boolean }>([
  ['list', { annotationFolders: false }],
  ...['empty-trash', 'import', 'import-annotations'].map(
    (command): [string, { annotationFolders: boolean }] => [command, { annotationFolders: true }],
  ),
]);

/** What is being read ahead, for the library the command line names. */
export interface EarlyPrefetch {
  libraryDir: string;
  prefetch: LibraryPrefetch;
}

/** Starts reading ahead when `command` is one that uses it; null otherwise. */
export function startEarlyPrefetch(command: string | undefined, libraryFlag: string | undefined): EarlyPrefetch | null {
  const reading = command === undefined ? undefined : COMMANDS_READING_AHEAD.get(command);
  if (reading === undefined) return null;
  const userData = userDataDir();
  const libraryDir = resolveLibraryDir(libraryFlag, { userData });
  return { libraryDir, prefetch: startLibraryPrefetch(libraryDir, cacheDirFor(userData, libraryDir), reading) };
}

/**
 * The library's metadata read ahead (library-prefetch.ts) before the rest of the command line
 * loads, for the commands that open the whole library and only read it.
 */
import { cacheDirFor, resolveLibraryDir, userDataDir } from '../core/app-paths';
import type { LibraryPrefetch } from '../core/library/library-prefetch';
import { startLibraryPrefetch } from '../core/library/start-library-prefetch';

/**
 * The commands that open the whole library and never write to it: what is read before a write
 * command holds the library could be of a version another process has replaced since.
 */
const READ_ONLY_LISTING_COMMANDS: ReadonlySet<string> = new Set(['list']);

/** What is being read ahead, for the library the command line names. */
export interface EarlyPrefetch {
  libraryDir: string;
  prefetch: LibraryPrefetch;
}

/** Starts reading ahead when `command` is one that uses it; null otherwise. */
export function startEarlyPrefetch(command: string | undefined, libraryFlag: string | undefined): EarlyPrefetch | null {
  if (command === undefined || !READ_ONLY_LISTING_COMMANDS.has(command)) return null;
  const userData = userDataDir();
  const libraryDir = resolveLibraryDir(libraryFlag, { userData });
  return { libraryDir, prefetch: startLibraryPrefetch(libraryDir, cacheDirFor(userData, libraryDir)) };
}

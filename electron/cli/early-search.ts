/**
 * `quire search`'s index, started before the rest of the command line is loaded: its worker
 * starts a thread, loads its modules and reads the index from disk while this thread loads the
 * command line's own modules and checks the library's files (open-core.ts, `searchCliIfInStep`).
 * Only this module and what it needs are loaded first.
 */
import path from 'node:path';
import { cacheDirFor, resolveLibraryDir, userDataDir } from '../core/app-paths';
import { createSearchIndex } from '../core/search/index';
import type { SearchIndex } from '../core/search/search-index';

/** The library's index with its folders, started for the library the command line names. */
export interface StartedSearchIndex {
  libraryDir: string;
  cacheDir: string;
  index: SearchIndex;
}

/**
 * The command `argv` runs and the library it names, found as commander would: the command is the
 * first word that is not an option (`--library` takes the next word, or `--library=<dir>`; every
 * other option before the command takes none), and `--library` counts wherever it stands, before
 * or after the command (`quire list --library ~/papers`), the last one winning, up to a `--`.
 * A command option's value that reads `--library` is taken for the flag here; the library read
 * ahead is then another than the command's, and the command, which checks, reads its own.
 */
export function commandOf(argv: readonly string[]): { command: string | undefined; libraryFlag: string | undefined } {
  let command: string | undefined;
  let libraryFlag: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const word = argv[i]!;
    if (word === '--') break;
    if (word === '--library') {
      libraryFlag = argv[i + 1];
      i += 1;
    } else if (word.startsWith('--library=')) {
      libraryFlag = word.slice('--library='.length);
    } else if (command === undefined && !word.startsWith('-')) {
      command = word;
    }
  }
  return { command, libraryFlag };
}

/** The index of the library `libraryFlag` names (as every command resolves it), its worker started. */
export function startSearchIndex(libraryFlag: string | undefined): StartedSearchIndex {
  const userData = userDataDir();
  const libraryDir = resolveLibraryDir(libraryFlag, { userData });
  const cacheDir = cacheDirFor(userData, libraryDir);
  return { libraryDir, cacheDir, index: createSearchIndex({ indexDir: path.join(cacheDir, 'index'), libraryDir }) };
}

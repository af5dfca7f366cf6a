/** Opens the core for a CLI command the way the desktop app would, on the library `--library` names. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { cacheDirFor, resolveLibraryDir, userDataDir } from '../core/app-paths';
import { openQuire, type QuireCore } from '../core/open-quire';
import { createConfStore, createConfStoreOnDemand } from '../core/settings/conf-store';
import { findProjectRoot } from '../core/app-root';
import { PREPARED_SAMPLES_FILE } from '../core/library/prepared-samples';

/** Unexpected errors: one line on stderr, the stack too when QUIRE_DEBUG is set. */
export function logToStderr(message: string, error?: unknown): void {
  if (process.env.QUIRE_DEBUG && error instanceof Error) {
    process.stderr.write(`quire: ${message}\n${error.stack ?? error.message}\n`);
    return;
  }
  const detail = error instanceof Error ? ` (${error.message})` : '';
  process.stderr.write(`quire: ${message}${detail}\n`);
}

/** The library `--library` names and its search index folder, without opening (or creating) anything. */
export function locateCliLibrary(libraryFlag?: string): { libraryDir: string; indexDir: string } {
  const userData = userDataDir();
  const libraryDir = resolveLibraryDir(libraryFlag, { userData });
  return { libraryDir, indexDir: path.join(cacheDirFor(userData, libraryDir), 'index') };
}

export async function openCliCore(libraryFlag?: string, { maintenance = false, searches = false }: { maintenance?: boolean; searches?: boolean } = {}): Promise<QuireCore> {
  const userData = userDataDir();
  const libraryDir = resolveLibraryDir(libraryFlag, { userData });
  const projectRoot = findProjectRoot();
  const sampleLibraryDir = path.join(projectRoot, 'resources', 'sample-library');
  return openQuire({
    libraryDir,
    cacheDir: cacheDirFor(userData, libraryDir),
    // `serve` reads the settings at once; most one-shot commands never do (conf-store.ts).
    settings: maintenance ? createConfStore(userData) : createConfStoreOnDemand(userData),
    ...(existsSync(sampleLibraryDir) ? { sampleLibraryDir, preparedSamplesFile: path.join(projectRoot, 'out', PREPARED_SAMPLES_FILE) } : {}),
    log: logToStderr,
    maintenance,
    // `serve` (maintenance) and a command that searches or writes open the index at once (its
    // worker reads it from disk while the library is read); other commands never start it.
    indexOnDemand: !maintenance && !searches,
  });
}

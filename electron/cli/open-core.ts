/** Opens the core for a CLI command the way the desktop app would, on the library `--library` names. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SearchOptions, SearchResults } from '../shared/models';
import { cacheDirFor, resolveLibraryDir, userDataDir } from '../core/app-paths';
import { searchIfInStep } from '../core/indexing/in-step-search';
import type { SearchIndex } from '../core/search/search-index';
import { startSearchIndex, type StartedSearchIndex } from './early-search';
import type { EarlyPrefetch } from './early-prefetch';
import type { QuireCore } from '../core/open-quire';
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

/**
 * `quire search`'s first try: its answer when the index is known to be in step with the library
 * without reading the library (in-step-search.ts), from the index `started` (early-search.ts) when
 * that is this library's, with what is left to do once the results are printed (`finish`: the
 * index closed, and written when articles were indexed again for the answer). Otherwise `results`
 * is null and the started index goes to `openCliCore`, which opens the library and reconciles the
 * index as every command does.
 */
export async function searchCliIfInStep(
  libraryFlag: string | undefined,
  query: string,
  options: SearchOptions | undefined,
  started: StartedSearchIndex | null = null,
): Promise<{ results: SearchResults | null; index: SearchIndex; finish?: () => Promise<void> }> {
  const libraryDir = resolveLibraryDir(libraryFlag, { userData: userDataDir() });
  let early = started;
  if (early?.libraryDir !== libraryDir) {
    void early?.index.close();
    early = startSearchIndex(libraryFlag);
  }
  const { cacheDir, index } = early;
  const answer = await searchIfInStep({ libraryDir, cacheDir, index, log: logToStderr }, query, options);
  return answer === null ? { results: null, index } : { results: answer.results, index, finish: answer.finish };
}

export async function openCliCore(
  libraryFlag?: string,
  { maintenance = false, searches = false, index, only, imports = false }: { maintenance?: boolean; searches?: boolean; index?: SearchIndex; only?: readonly string[]; imports?: boolean } = {},
  early: EarlyPrefetch | null = null,
): Promise<QuireCore> {
  const userData = userDataDir();
  const libraryDir = resolveLibraryDir(libraryFlag, { userData });
  // Started for this command and this library, if at all (early-prefetch.ts).
  const prefetched = early?.libraryDir === libraryDir ? early.prefetch : undefined;
  const projectRoot = findProjectRoot();
  const sampleLibraryDir = path.join(projectRoot, 'resources', 'sample-library');
  // Loaded here, not with the command line: a search that answers before the library is read
  // never needs the rest of the core.
  const { openQuire } = await import('../core/open-quire');
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
    // The index `searchCliIfInStep` started, its worker's reading of the index not done twice.
    ...(index ? { createIndex: () => index } : {}),
    // What opened the index whole (`serve`, `search`, `import`…) keeps the record the next `quire
    // search` checks: a search after an import then reads the record, not the library.
    keepInStepRecord: (maintenance || searches || index !== undefined) && only === undefined,
    // `quire show ID` reads that article's metadata, not the library's.
    ...(only ? { onlyArticles: only } : {}),
    ...(prefetched ? { prefetched } : {}),
    // `quire import`: the import host and a worker start while the library opens.
    ...(imports ? { warmImports: true } : {}),
  });
}

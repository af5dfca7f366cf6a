/**
 * The `quire` command line: the third host of the contract. Every command opens the core on the
 * library `--library` names, calls the contract through the same `dispatch` wrapper as the other
 * hosts, and closes the core (flushing the index) before it returns. Each command lives in its own
 * file under commands/; this file builds the program, gives the commands their context and turns
 * what they throw into an exit code.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import type { ReaderApi, ReaderEventSource } from '../shared/contract';
import { createDirectApi } from '../shared/dispatch';
import { isQuireError } from '../shared/result';
import type { SearchOptions, SearchResults } from '../shared/models';
import type { SearchIndex } from '../core/search/search-index';
import { validateArgs } from '../shared/validators';
import type { QuireCore } from '../core/open-quire';
import { CliError, unwrap } from './cli-error';
import type { CliDeps, CommandContext, WithApiOptions } from './command-context';
import { registerAnnotationsCommand } from './commands/annotations-command';
import { registerArchiveCommands } from './commands/archive-commands';
import { registerBookmarkCommand } from './commands/bookmark-command';
import { registerCheckCommand } from './commands/check-command';
import { registerEditCommand } from './commands/edit-command';
import { registerExportCommand } from './commands/export-command';
import { registerImportAnnotationsCommand } from './commands/import-annotations-command';
import { registerImportCommand } from './commands/import-command';
import { registerListCommand } from './commands/list-command';
import { registerMarkCommand } from './commands/mark-command';
import { registerNoteCommand } from './commands/note-command';
import { registerSearchCommand } from './commands/search-command';
import { registerServeCommand } from './commands/serve-command';
import { registerShowCommand } from './commands/show-command';
import { registerTagCommands } from './commands/tag-commands';
import { registerTrashCommands } from './commands/trash-commands';
import { isLibraryLocked } from '../core/library/library-locks';
import { connectForwardedWrites } from '../core/library/write-forwarding';
import { refuseWhileHeld } from './library-busy';
import { locateCliLibrary } from './open-core';

export type { CliDeps } from './command-context';

/** The commands in the order `quire --help` lists them. */
const COMMANDS = [
  registerImportCommand,
  registerListCommand,
  registerShowCommand,
  registerSearchCommand,
  registerBookmarkCommand,
  registerNoteCommand,
  registerAnnotationsCommand,
  registerExportCommand,
  registerImportAnnotationsCommand,
  registerTrashCommands,
  registerTagCommands,
  registerMarkCommand,
  registerEditCommand,
  registerCheckCommand,
  registerArchiveCommands,
  registerServeCommand,
];

/** Runs one command line; resolves to the exit code (0 ok, 1 failure, 2 usage). */
export async function runCli(argv: string[], deps: CliDeps): Promise<number> {
  let exitCode = 0;
  /** what the command left to do after its output (the in-step search's index write) */
  const afterOutput: { finish: (() => Promise<void>) | null } = { finish: null };

  const program = new Command('quire')
    .description('Quire, an offline reader: import, list, search, bookmark and annotate your library.')
    .option('--library <dir>', "the library folder (default: $QUIRE_LIBRARY, then the desktop app's library)")
    .exitOverride()
    .configureOutput({ writeOut: deps.stdout, writeErr: deps.stderr })
    .showSuggestionAfterError();
  const libraryFlag = (): string | undefined => program.opts<{ library?: string }>().library;

  /**
   * Opens the core, runs one command and closes the core (flushing the index). Commands that
   * change the library or search it first wait until the index holds every change; commands that
   * change it (`writes`) refuse while the app or `quire serve` has the library open.
   */
  async function withApi<T>(
    run: (api: ReaderApi, core: QuireCore) => Promise<T>,
    { indexed = false, maintenance = false, writes = false, index, only, imports = false }: WithApiOptions & { index?: SearchIndex } = {},
  ): Promise<T> {
    if (writes) await refuseWhileHeld(context.locate().libraryDir);
    // A command that searches or writes starts the search index while the library is read.
    const openOptions = { ...(maintenance ? { maintenance } : {}), ...(indexed ? { searches: true } : {}), ...(index ? { index } : {}), ...(only ? { only } : {}), ...(imports ? { imports } : {}) };
    const core = await (Object.keys(openOptions).length > 0 ? deps.openCore(libraryFlag(), openOptions) : deps.openCore(libraryFlag()));
    try {
      const api = createDirectApi(core, (error) => deps.log('A command failed unexpectedly.', error));
      if (!indexed) return await run(api, core);
      await core.whenIndexed();
      const result = await run(api, core);
      await core.whenIndexed();
      return result;
    } finally {
      await core.close();
    }
  }

  /**
   * A command that changes the library through the API alone (an import too: its progress comes
   * along). While the app or `quire serve` has the library open, it is sent to that process, the
   * library's one writer (write-forwarding.ts); when that process does not answer, the command is
   * refused in one sentence.
   */
  async function withWriteApi<T>(
    run: (api: ReaderApi, events: ReaderEventSource) => Promise<T>,
    { indexed = false, only, imports = false }: { indexed?: boolean; only?: readonly string[]; imports?: boolean } = {},
  ): Promise<T> {
    const { libraryDir } = context.locate();
    if (await isLibraryLocked(libraryDir)) {
      const forwarded = await connectForwardedWrites(libraryDir);
      if (forwarded !== null) {
        try {
          return await run(forwarded.api, forwarded.events);
        } finally {
          forwarded.close();
        }
      }
    }
    return withApi((api, core) => run(api, core.events), { indexed, writes: true, ...(only ? { only } : {}), ...(imports ? { imports } : {}) });
  }

  /**
   * The index answers first if it is known to be in step with the library (no library read);
   * otherwise the library is opened as for any command, with the index already started.
   */
  async function search(query: string, options: SearchOptions | undefined): Promise<SearchResults> {
    // Arguments the contract refuses are refused by the library's own search, in its words.
    const early = deps.searchIfInStep && validateArgs('search', [query, options]).ok ? await deps.searchIfInStep(libraryFlag(), query, options) : null;
    if (early?.results) {
      // The index is closed (and written, if the answer indexed changed articles) once the
      // results are printed: the command ends when that is done, but the reader need not wait.
      afterOutput.finish = early.finish ?? null;
      return early.results;
    }
    return withApi(async (api) => unwrap(await api.search(query, options)), { indexed: true, ...(early ? { index: early.index } : {}) });
  }

  const context: CommandContext = {
    deps,
    out: (text) => deps.stdout(`${text}\n`),
    err: (text) => deps.stderr(`${text}\n`),
    fail: (code) => {
      exitCode = code;
    },
    locate: () => (deps.locateLibrary ?? locateCliLibrary)(libraryFlag()),
    search,
    withApi,
    withWriteApi,
  };
  for (const register of COMMANDS) register(program, context);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return exitCodeOf(error);
  } finally {
    await afterOutput.finish?.();
  }

  function exitCodeOf(error: unknown): number {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof CliError) {
      if (error.message) context.err(error.message);
      return error.exitCode;
    }
    if (error instanceof InvalidArgumentError || isQuireError(error)) {
      context.err((error as Error).message);
      return 1;
    }
    deps.log('failed unexpectedly', error);
    return 1;
  }
}

/** What every command gets from program.ts: the host's dependencies, output, the exit code and the core. */
import type { ReaderApi, ReaderEventSource } from '../shared/contract';
import type { QuireCore } from '../core/open-quire';
import type { SearchIndex } from '../core/search/search-index';
import type { SearchOptions, SearchResults } from '../shared/models';

/** What the process running the CLI provides (index.ts: the real process; tests: fakes). */
export interface CliDeps {
  stdout(text: string): void;
  stderr(text: string): void;
  /** bold search matches on a terminal */
  color: boolean;
  /** stderr is a terminal: progress is redrawn in place there */
  terminal?: boolean;
  env: NodeJS.ProcessEnv;
  /**
   * `searches`: the command will search or wait for the index, so it is opened at once, not on
   * demand; `index`: the library's index, already started (`searchIfInStep`); `only`: the command
   * reads these articles and nothing else, so only they are read (open-quire.ts's `onlyArticles`)
   */
  openCore(libraryFlag: string | undefined, options?: { maintenance?: boolean; searches?: boolean; index?: SearchIndex; only?: readonly string[]; imports?: boolean }): Promise<QuireCore>;
  /**
   * `quire search` without opening the library when its index is known to be in step with it
   * (results null otherwise, and the index it started is handed to `openCore`); without it, every
   * search opens the library
   */
  searchIfInStep?(
    libraryFlag: string | undefined,
    query: string,
    options: SearchOptions | undefined,
  ): Promise<{ results: SearchResults | null; index: SearchIndex; finish?: () => Promise<void> }>;
  /** the library and its index folder without opening them (`quire check`); defaults to the CLI's own */
  locateLibrary?(libraryFlag: string | undefined): { libraryDir: string; indexDir: string };
  /** where `serve` finds the React build */
  rendererDir: string;
  /** resolves when `serve` should stop (SIGINT/SIGTERM) */
  waitForStop(): Promise<void>;
  log(message: string, error?: unknown): void;
}

export interface WithApiOptions {
  /** wait until the search index holds every change before and after the command */
  indexed?: boolean;
  /** open the library for a long-running host (`serve`): background checks and backups run */
  maintenance?: boolean;
  /** the command changes the library, so it refuses while the app or `quire serve` has it open */
  writes?: boolean;
  /**
   * the command reads or changes these articles alone (`quire show ID`, `quire tag ID`): only
   * their metadata is read at open, not the whole library's; anything that asks for more fails
   */
  only?: readonly string[];
  /** the command reads files into the library (`quire import`): the import host starts while the library opens */
  imports?: boolean;
}

export interface CommandContext {
  deps: CliDeps;
  /** one line on stdout */
  out(text: string): void;
  /** one line on stderr */
  err(text: string): void;
  /** a non-zero exit code without an error message (problems were printed already) */
  fail(code: number): void;
  /** the library folder and its search index folder, for commands that must not open the library first */
  locate(): { libraryDir: string; indexDir: string };
  /** `quire search`: the results of the contract's `search` (failures thrown as the contract says them) */
  search(query: string, options: SearchOptions | undefined): Promise<SearchResults>;
  /** opens the core, runs the command against the contract and closes the core (flushing the index) */
  withApi<T>(run: (api: ReaderApi, core: QuireCore) => Promise<T>, options?: WithApiOptions): Promise<T>;
  /**
   * for commands that change the library through the contract alone: sent to the app or
   * `quire serve` while one has the library open, else run like `withApi` with `writes`;
   * `events` carries the progress of an import either way; `only`: the command changes these
   * articles alone, so only they are read and the index is left to the next search
   * (core/indexing/index-changes-for-later.ts)
   */
  withWriteApi<T>(run: (api: ReaderApi, events: ReaderEventSource) => Promise<T>, options?: { indexed?: boolean; only?: readonly string[]; imports?: boolean }): Promise<T>;
}

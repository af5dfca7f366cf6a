/** What the commands registered outside program.ts get from it: output, the exit code and the core. */
import type { ReaderApi } from '../shared/contract';
import type { QuireCore } from '../core/open-quire';

export interface CommandContext {
  out(text: string): void;
  err(text: string): void;
  /** a non-zero exit code without an error message (problems were printed already) */
  fail(code: number): void;
  /** the library folder and its search index folder, for commands that must not open the library first */
  locate(): { libraryDir: string; indexDir: string };
  /** `writes`: the command changes the library, so it refuses while the app or `quire serve` has it open */
  withApi<T>(run: (api: ReaderApi, core: QuireCore) => Promise<T>, options?: { indexed?: boolean; writes?: boolean }): Promise<T>;
}

/**
 * The command line writes to a library only when no app or `quire serve` has it open: those keep
 * the library in memory and are its one writer while they run (they hold its lock). Reading
 * commands (list, show, search, annotations, export, check) keep working meanwhile.
 */
import { isLibraryLocked } from '../core/library/library-locks';
import { CliError } from './cli-error';

export async function refuseWhileHeld(libraryDir: string): Promise<void> {
  if (!(await isLibraryLocked(libraryDir))) return;
  throw new CliError(
    `Quire is open on ${libraryDir} (the app or quire serve), and the command line does not change a library that is open elsewhere, so that no change is lost: make this change there, or close Quire and run the command again.`,
  );
}

/**
 * A settings file that no longer parses (a crash of another program, a bad hand edit) must not
 * stop the app: it is renamed to `<file>.broken-<time>` beside itself, kept for the user, and the
 * store starts again from defaults. The caller says so (log and the start-up notice).
 */
import { existsSync, renameSync } from 'node:fs';
import { fileStamp } from '../fs/file-stamp';

export interface OpenedSettings<T> {
  store: T;
  /** where the unreadable file was kept, when it had to be set aside */
  brokenCopy: string | null;
}

/** Opens the store with `open`; if that fails on the existing file, sets the file aside and retries once. */
export function openSettingsFile<T>(file: string, open: () => T, now: () => Date = () => new Date()): OpenedSettings<T> {
  try {
    return { store: open(), brokenCopy: null };
  } catch (error) {
    if (!existsSync(file)) throw error;
    const brokenCopy = `${file}.broken-${fileStamp(now())}`;
    renameSync(file, brokenCopy);
    return { store: open(), brokenCopy };
  }
}

/**
 * Locks between processes on one library (the app, `quire serve`, the command line), with
 * proper-lockfile: a lock is a folder made atomically by `mkdir`, its time refreshed while it is
 * held, and taken over once it has not been refreshed for a while, so a crashed holder never
 * locks the library for good.
 *
 * - **The library lock** (`.quire-lock` in the library folder) is held for as long as the app or
 *   `quire serve` has the library open. The command line does not write while it is held: two
 *   writers each keeping their own copy of the library in memory is how writes got lost.
 * - **An article lock** (`.quire-locks/<id>.lock`) is held for the few milliseconds of a
 *   read-modify-write of that article's `article.json`, so two processes changing different
 *   fields of one article (a tag here, reading progress there) both land.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import type { Log } from '../log';

export const LIBRARY_LOCK = '.quire-lock';
export const ARTICLE_LOCKS = '.quire-locks';

/** A lock not refreshed for this long belongs to a process that is gone (holders refresh it every 5 s). */
const STALE_MS = 10_000;

const libraryLockOptions = (libraryDir: string) => ({ realpath: false, stale: STALE_MS, lockfilePath: path.join(libraryDir, LIBRARY_LOCK) });

export interface HeldLock {
  release(): Promise<void>;
}

/**
 * Takes the library lock for a long-running host, or returns null when another live process holds
 * it (that host then runs without it; the command line still sees the library as busy).
 */
export async function holdLibraryLock(libraryDir: string, log: Log): Promise<HeldLock | null> {
  try {
    const release = await lockfile.lock(libraryDir, {
      ...libraryLockOptions(libraryDir),
      // Compromised (the folder removed or taken over while held, or the clock jumped): say so and go on.
      onCompromised: (error) => log('The library lock was lost; another Quire may now write to this library as well', error),
    });
    return { release: () => release().catch((error: unknown) => log('Releasing the library lock failed', error)) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') return null;
    throw error;
  }
}

/** Whether a live app or `quire serve` holds the library (a stale lock of a crashed one does not count). */
export async function isLibraryLocked(libraryDir: string): Promise<boolean> {
  try {
    return await lockfile.check(libraryDir, libraryLockOptions(libraryDir));
  } catch {
    return false; // no library folder yet: nothing holds it
  }
}

/** Runs `task` while holding the article's lock (waiting a little for another process to finish its change). */
export async function withArticleLock<T>(libraryDir: string, articleId: string, task: () => Promise<T>): Promise<T> {
  const locks = path.join(libraryDir, ARTICLE_LOCKS);
  await mkdir(locks, { recursive: true });
  const release = await lockfile.lock(path.join(locks, articleId), {
    realpath: false,
    stale: STALE_MS,
    // A change holds it for milliseconds: retry quickly, for up to about fifteen seconds (past the point where a crashed holder's lock counts as stale).
    retries: { retries: 300, minTimeout: 5, maxTimeout: 50, factor: 1.5 },
  });
  try {
    return await task();
  } finally {
    await release().catch(() => undefined);
  }
}

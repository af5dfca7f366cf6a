/**
 * Background work (imports, the library watcher's first scan) runs below Quire's own thread, so
 * that on a machine with as many busy threads as cores the thread that answers the window (or
 * `quire serve`) is not kept waiting for a core for hundreds of milliseconds at a time.
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** How much lower than Quire's own thread background work runs (niceness; Windows maps it to "below normal"). */
export const BACKGROUND_PRIORITY_DROP = 10;

/** Lowers this process's priority; threads started afterwards inherit it. */
export function runProcessInBackground(): void {
  try {
    setPriority(Math.min(19, getPriority() + BACKGROUND_PRIORITY_DROP));
  } catch {
    // Not allowed here (a sandbox, an unusual system): the work runs at normal priority.
  }
}

/**
 * Lowers the priority of the calling thread alone (a worker thread). Only Linux gives each thread
 * a priority of its own (a thread id is accepted where a process id is); elsewhere the thread stays
 * at its process's priority.
 */
export function runThreadInBackground(): void {
  if (process.platform !== 'linux') return;
  try {
    // "/proc/thread-self" links to "<pid>/task/<tid>".
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(threadId) || threadId <= 0) return;
    setPriority(threadId, Math.min(19, getPriority(threadId) + BACKGROUND_PRIORITY_DROP));
  } catch {
    // No /proc, or not allowed: the thread runs at normal priority.
  }
}

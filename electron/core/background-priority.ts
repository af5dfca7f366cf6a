/**
 * Background work (imports, the library watcher's first scan) runs below Quire's own thread, so
 * that on a machine with as many busy threads as cores the thread that answers the window (or
 * `quire serve`) is not kept waiting for a core for hundreds of milliseconds at a time.
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** How much lower than Quire's own thread background work runs (niceness; Windows maps it to "below normal"). */
export const BACKGROUND_PRIORITY_DROP = 10;

/** The niceness `current` becomes once lowered (19 is the lowest priority there is). */
const lowered = (current: number): number => Math.min(19, current + BACKGROUND_PRIORITY_DROP);

/**
 * Lowers this process's priority; threads started afterwards inherit it. On Linux, where a
 * priority belongs to a thread, the threads Node started before any code ran keep theirs: V8's
 * helpers, which compile and collect garbage for the workers (about a third of the host's CPU
 * time). That is on purpose: lowered with the workers, in one run each, 2,000 Debian pages took
 * 133.5 against 119.4 s and 241 against 214 CPU-s, all 4,849 pages 301 against 285 s with the
 * host's peak 673 against 592 MB, and Quire's thread waited no less (docs/benchmarks.md, 2026-12-06).
 */
export function runProcessInBackground(): void {
  try {
    setPriority(lowered(getPriority()));
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
    setPriority(threadId, lowered(getPriority(threadId)));
  } catch {
    // No /proc, or not allowed: the thread runs at normal priority.
  }
}

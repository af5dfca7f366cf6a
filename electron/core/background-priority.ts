/**
 * Background work (imports, the library watcher's first scan) runs below Quire's own thread, so
 * that on a machine with as many busy threads as cores the thread that answers the window (or
 * `quire serve`) is not kept waiting for a core for hundreds of milliseconds at a time.
 */
import { readdirSync, readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** How much lower than Quire's own thread background work runs (niceness; Windows maps it to "below normal"). */
export const BACKGROUND_PRIORITY_DROP = 10;

/** The niceness `current` becomes once lowered (19 is the lowest priority there is). */
const lowered = (current: number): number => Math.min(19, current + BACKGROUND_PRIORITY_DROP);

/**
 * Lowers the priority of this whole process: every thread it has now, and so every thread started
 * afterwards (a thread inherits its creator's). On Linux a priority belongs to one thread, and
 * the process's call lowers only the calling one, while the threads Node started before any of
 * Quire's code ran (V8's four helpers, which compile and collect garbage for every worker, about a
 * third of an import's CPU time) would stay at Quire's own: each is lowered by its thread id.
 * Elsewhere the call lowers the whole process.
 */
export function runProcessInBackground(): void {
  let target: number;
  try {
    target = lowered(getPriority());
    setPriority(target);
  } catch {
    // Not allowed here (a sandbox, an unusual system): the work runs at normal priority.
    return;
  }
  if (process.platform !== 'linux') return;
  let threadIds: string[];
  try {
    threadIds = readdirSync('/proc/self/task');
  } catch {
    return;
  }
  for (const name of threadIds) lowerThread(Number(name), target);
}

/**
 * Lowers the priority of the calling thread alone (a worker thread). Only Linux gives each thread
 * a priority of its own (a thread id is accepted where a process id is); elsewhere the thread stays
 * at its process's priority.
 */
export function runThreadInBackground(): void {
  if (process.platform !== 'linux') return;
  try {
    // "/proc/thread-self" links to "<pid>/task/<tid>"; the process's call answers for the calling thread.
    lowerThread(Number(readlinkSync('/proc/thread-self').split('/').pop()), lowered(getPriority()));
  } catch {
    // No /proc: the thread runs at normal priority.
  }
}

/**
 * Linux: lowers one thread to `target`, unless it is that low already (the calling thread, lowered
 * with its process, is not lowered twice). A thread that ended meanwhile, or one this process may
 * not change, keeps what it has.
 */
function lowerThread(threadId: number, target: number): void {
  if (!Number.isInteger(threadId) || threadId <= 0) return;
  try {
    if (getPriority(threadId) < target) setPriority(threadId, target);
  } catch {
    // Gone, or not allowed: it runs as it did.
  }
}

/**
 * How often a worker says how far it has read a file. A book reports every spine document and a
 * PDF every page: a thousand chapters can go by in a second, and each message would cross two
 * threads and a process boundary and wake the import host's and Quire's event loops. At most
 * five a second per file is enough for a bar that moves.
 */
import type { FileReading } from '../../shared/models';

export const PROGRESS_EVERY_MS = 200;

/**
 * `send`, called with the first report and then with a report only when `intervalMs` have passed
 * since the last one sent (the ones between are dropped: each report replaces the one before). A
 * report of the same part as the last one sent is dropped too.
 */
export function throttleProgress(
  send: (progress: FileReading) => void,
  { intervalMs = PROGRESS_EVERY_MS, now = Date.now }: { intervalMs?: number; now?: () => number } = {},
): (progress: FileReading) => void {
  let lastAt = -Infinity;
  let last: FileReading | null = null;
  return (progress) => {
    const at = now();
    if (at - lastAt < intervalMs) return;
    if (last && last.part === progress.part && last.parts === progress.parts && last.unit === progress.unit) return;
    lastAt = at;
    last = progress;
    send(progress);
  };
}

/**
 * An importer's `onProgress(done, total)` (parts finished before the next one starts) as the part
 * being read: `done` 40 of 720 is chapter 41; the last call (720 of 720) stays at the last part.
 */
export const partBeingRead = (done: number, total: number): number => Math.min(done + 1, total);

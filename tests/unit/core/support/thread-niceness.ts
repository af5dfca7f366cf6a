/**
 * Linux: each thread of a process with its name and niceness, by thread id, read from /proc (the
 * name from `comm`, the niceness from field 19 of the `stat` line). A priority belongs to a thread
 * there, not to its process.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readProcStat } from './proc-stat';

export interface ThreadPriority {
  /** as Node names its threads: "MainThread", "WorkerThread", "V8Worker", "libuv-worker"… */
  name: string;
  nice: number;
}

export function threadPriorities(pid: number | 'self' = 'self'): Map<number, ThreadPriority> {
  const byThread = new Map<number, ThreadPriority>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readProcStat(`/proc/${pid}/task/${tid}/stat`);
      const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
      byThread.set(Number(tid), { name, nice: Number(stat.field(19)) });
    } catch {
      // the thread ended meanwhile
    }
  }
  return byThread;
}

/** Each thread's niceness alone, by thread id. */
export function threadNiceness(pid: number | 'self' = 'self'): Map<number, number> {
  return new Map([...threadPriorities(pid)].map(([tid, { nice }]) => [tid, nice]));
}

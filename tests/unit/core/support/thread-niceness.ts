/**
 * Linux: the niceness of each thread of a process, by thread id, read from /proc (field 19 of a
 * thread's `stat` line). A priority belongs to a thread there, not to its process.
 */
import { readdirSync, readFileSync } from 'node:fs';

export function threadNiceness(pid: number | 'self' = 'self'): Map<number, number> {
  const byThread = new Map<number, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // the thread ended meanwhile
    }
    // After the command name in parentheses (which may hold spaces), fields 3 onwards.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    byThread.set(Number(tid), Number(fields[19 - 3]));
  }
  return byThread;
}

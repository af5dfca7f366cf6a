/**
 * The CPU time a process has used so far (all its threads, user and system), read from Linux's
 * /proc (fields 14 and 15 of the `stat` line, in clock ticks of 10 ms); null elsewhere, or once the
 * process has ended. Unlike the time on a clock, it does not grow while the process waits for a
 * core, so a limit on it holds on a machine that other work keeps busy.
 */
import { readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc counts CPU time in hundredths of a second on every architecture. */
const MS_PER_TICK = 10;

export function processCpuMs(pid: number): number | null {
  if (process.platform !== 'linux') return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After the command name in parentheses (which may hold spaces), fields 3 onwards.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[14 - 3]) + Number(fields[15 - 3])) * MS_PER_TICK;
  } catch {
    return null;
  }
}

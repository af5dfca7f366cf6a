/**
 * The CPU time a process has used so far (all its threads, user and system), read from Linux's
 * /proc (the `stat` line's user and system time, in clock ticks of 10 ms); null elsewhere, or once the
 * process has ended. Unlike the time on a clock, it does not grow while the process waits for a
 * core, so a limit on it holds on a machine that other work keeps busy.
 */
import { readProcStat } from './proc-stat';

/** Linux's USER_HZ: /proc counts CPU time in hundredths of a second on every architecture. */
const MS_PER_TICK = 10;

export function processCpuMs(pid: number): number | null {
  if (process.platform !== 'linux') return null;
  try {
    const stat = readProcStat(`/proc/${pid}/stat`);
    return (Number(stat.field(14)) + Number(stat.field(15))) * MS_PER_TICK;
  } catch {
    return null;
  }
}

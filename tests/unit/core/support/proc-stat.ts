/**
 * Linux's /proc `stat` line of a process or thread, read by its field numbers as proc(5) gives them:
 * `field(3)` is the state, 14 and 15 the CPU time in user and system mode, 19 the niceness. The
 * command name, field 2, is in parentheses and may hold spaces, so fields are counted after it.
 */
import { readFileSync } from 'node:fs';

export function readProcStat(file: string): { field: (number: number) => string } {
  const stat = readFileSync(file, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { field: (number) => fields[number - 3] ?? '' };
}

/**
 * Samples, every 50 ms in a process of its own, the resident memory of the benchmark's process
 * (Quire's core) and of that process's other children (the import host) and the load average;
 * answers a `stop` message with the peaks.
 *
 * Reading /proc is synchronous and, while the process read is faulting in memory, a read of its
 * status can wait on that process's memory lock: done on the main thread, one such read was a
 * 100 ms block of the very event loop the import benchmark measures (a profile of an import). On
 * a thread of Quire's process it added that thread's own 30 MB to Quire's memory; a process of its
 * own is counted as neither.
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { usageOf } from './process-usage.mjs';

/** The children of `parent` (Linux: read from /proc), but for `except`. */
export function childPids(parent = process.pid, except = -1) {
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === except) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The fields after the command name (which may hold spaces) start with state, then ppid.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent) pids.push(Number(entry));
    } catch {
      // It ended while we looked.
    }
  }
  return pids;
}

if (process.send && process.argv[2] !== undefined) {
  const watched = Number(process.argv[2]);
  const rssOf = (pid) => usageOf(pid)?.rss ?? 0;
  let peakRss = rssOf(watched);
  const quireRssAtStart = peakRss;
  let peakQuireRss = peakRss;
  let peakHostRss = 0;
  const loads = [];
  /** CPU seconds of each child (the import host, which runs the workers) when last seen */
  const childCpu = new Map();
  const sample = () => {
    let rss = rssOf(watched);
    peakQuireRss = Math.max(peakQuireRss, rss);
    for (const pid of childPids(watched, process.pid)) {
      const usage = usageOf(pid);
      if (!usage) continue;
      rss += usage.rss;
      peakHostRss = Math.max(peakHostRss, usage.rss);
      childCpu.set(pid, usage.cpuSeconds);
    }
    peakRss = Math.max(peakRss, rss);
    loads.push(os.loadavg()[0]);
  };
  const timer = setInterval(sample, 50);
  process.send({ type: 'started' });
  process.on('message', () => {
    clearInterval(timer);
    sample();
    process.send({ type: 'peaks', peakRss, quireRssAtStart, peakQuireRss, peakHostRss, loads, childCpu: [...childCpu] }, () => process.exit(0));
  });
}

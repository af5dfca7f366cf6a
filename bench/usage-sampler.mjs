/**
 * Samples, every 50 ms on a thread of its own, the resident memory of this process and of its
 * children (the import host) and the load average; answers a `stop` message with the peaks.
 *
 * Reading /proc is synchronous and, while the process read is faulting in memory, a read of its
 * status can wait on that process's memory lock: done on the main thread, one such read was a
 * 100 ms block of the very event loop the import benchmark measures (a profile of an import).
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { usageOf } from './process-usage.mjs';

/** The import host and any other child of this process (Linux: read from /proc). */
export function childPids() {
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The fields after the command name (which may hold spaces) start with state, then ppid.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid) pids.push(Number(entry));
    } catch {
      // It ended while we looked.
    }
  }
  return pids;
}

if (parentPort) {
  const port = parentPort;
  let peakRss = process.memoryUsage().rss;
  const quireRssAtStart = peakRss;
  let peakQuireRss = peakRss;
  let peakHostRss = 0;
  const loads = [];
  /** CPU seconds of each child (the import host, which runs the workers) when last seen */
  const childCpu = new Map();
  const sample = () => {
    // The whole process's resident memory, whichever thread asks.
    let rss = process.memoryUsage().rss;
    peakQuireRss = Math.max(peakQuireRss, rss);
    for (const pid of childPids()) {
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
  port.postMessage({ type: 'started' });
  port.on('message', () => {
    clearInterval(timer);
    sample();
    port.postMessage({ type: 'peaks', peakRss, quireRssAtStart, peakQuireRss, peakHostRss, loads, childCpu: [...childCpu] });
    port.close();
  });
}

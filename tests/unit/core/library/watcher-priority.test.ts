/**
 * The library watcher's first scan (seconds of listing and watching on 10,000 articles) runs in a
 * thread below the priority of the thread that answers the app, on Linux where a thread has a
 * priority of its own. Checked on the built watcher the app runs, through /proc.
 */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKGROUND_PRIORITY_DROP } from '../../../../electron/core/background-priority';
import { useTempDir } from '../support/temp-dir';
import { threadNiceness } from '../support/thread-niceness';

const WATCHER = path.resolve('out/worker/library-watcher.js');
const tempDir = useTempDir('quire-watch-priority-');

let worker: Worker | null = null;
afterEach(async () => {
  await worker?.terminate();
  worker = null;
});

describe.skipIf(process.platform !== 'linux')('the library watcher thread (Linux: threads have priorities of their own)', () => {
  it('scans and watches below the priority of the thread that answers, which keeps its own', async () => {
    const root = tempDir();
    for (const folder of ['articles/a1/annotations', 'trash']) mkdirSync(path.join(root, folder), { recursive: true });
    const before = threadNiceness();
    const own = os.getPriority();
    // The lowest niceness allowed is 19: from there nothing can be lowered.
    expect(own).toBeLessThanOrEqual(19 - BACKGROUND_PRIORITY_DROP);

    worker = new Worker(WATCHER, { workerData: { root, folders: [path.join(root, 'articles'), path.join(root, 'trash')] } });
    await new Promise<void>((resolve, reject) => {
      worker!.on('message', (message: { type: string }) => {
        if (message.type === 'ready') resolve();
      });
      worker!.on('error', reject);
    });

    const after = threadNiceness();
    const started = [...after].filter(([tid]) => !before.has(tid));
    expect(started.map(([, nice]) => nice)).toContain(own + BACKGROUND_PRIORITY_DROP);
    // This thread, and every thread that was there before, kept its priority.
    expect(after.get(process.pid)).toBe(own);
    for (const [tid, nice] of before) if (after.has(tid)) expect(after.get(tid)).toBe(nice);
  });
});

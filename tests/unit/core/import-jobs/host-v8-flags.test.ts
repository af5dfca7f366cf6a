/**
 * The import host's V8 flags however it was started. Electron starts the desktop app's host (a
 * utility process) with none, so the host sets them itself; here a Node process started with no
 * flags stands for it, and does what the host's thread does all import long: it passes on objects
 * that survive a scavenge or two (each file's bytes, each result) while a worker reads.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORT_HOST_V8_FLAGS, v8FlagsToSetInside, WORKER_SEMI_SPACE_MB } from '../../../../electron/core/import-jobs/host-v8-flags';

const FLAGS_MODULE = path.resolve('electron/core/import-jobs/host-v8-flags.ts');

/** A process started as Electron starts the host: new space of its own thread and of a worker, in MB. */
function newSpaceWithoutFlags(setFlagsInside: boolean): { host: number; worker: number } {
  const script = `
    const { setImportHostV8Flags, WORKER_YOUNG_GENERATION_MB } = await import(${JSON.stringify(FLAGS_MODULE)});
    const { Worker } = await import('node:worker_threads');
    const v8 = await import('node:v8');
    if (${setFlagsInside}) setImportHostV8Flags();
    const churn = 'const passing = []; for (let round = 0; round < 8; round += 1) { passing.push(Array.from({ length: 60000 }, (_, i) => ({ i, text: "page " + i }))); if (passing.length > 3) passing.shift(); }';
    const newSpaceMb = "process.getBuiltinModule('node:v8').getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size / 1048576";
    const worker = new Worker(churn + '; process.getBuiltinModule("node:worker_threads").parentPort.postMessage(' + newSpaceMb + ')', {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    const workerMb = await new Promise((resolve, reject) => { worker.on('message', resolve); worker.on('error', reject); });
    eval(churn);
    const hostMb = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size / 1048576;
    console.log(JSON.stringify({ host: hostMb, worker: workerMb }));
  `;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(output.trim().split('\n').at(-1)!) as { host: number; worker: number };
}

describe("the import host's V8 flags", () => {
  it('the host started with its flags (the command line, quire serve) sets none again', () => {
    expect(v8FlagsToSetInside(IMPORT_HOST_V8_FLAGS)).toEqual([]);
  });

  it("started with none (the desktop app's utility process), it sets them all, and its own thread's young generation does not grow", () => {
    expect(v8FlagsToSetInside([])).toEqual(expect.arrayContaining([...IMPORT_HOST_V8_FLAGS]));
    // V8's defaults: the thread passing results on grows its young generation many times over.
    const unset = newSpaceWithoutFlags(false);
    expect(unset.host).toBeGreaterThan(8 * WORKER_SEMI_SPACE_MB);
    const set = newSpaceWithoutFlags(true);
    // Two semi-spaces of one megabyte, where V8 starts them.
    expect(set.host).toBeLessThanOrEqual(2);
    // The workers' young generation as the command line's host gives it (two semi-spaces at the cap).
    expect(set.worker).toBeLessThanOrEqual(2 * WORKER_SEMI_SPACE_MB);
  }, 60_000);
});

/**
 * Quire's process stops V8 from growing its threads' young generations (young-generation.ts): a
 * runtime flag that V8 happens to read each time it would grow one. A V8 that stopped reading it so
 * (a Node or Electron upgrade) would bring back the import's extra 100–150 MB without a word; this
 * notices. Each case runs in a process of its own, since the flag is the process's.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const MODULE = pathToFileURL(path.resolve('electron/core/young-generation.ts')).href;

/**
 * A thread's new space after it has made 1.5 million small objects, keeping each of the last
 * 200,000 alive for a while as an import keeps results on their way to the files: enough survivors
 * for V8 to double a young generation it may grow several times over.
 */
const CHURN = `
  const newSpaceMb = () => Math.round(getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size / 2 ** 20);
  const churn = () => { let kept = []; for (let i = 0; i < 1.5e6; i++) { kept.push({ i, text: 'x' + i }); if (kept.length > 200000) kept = []; } };
`;

/** Main thread's and a worker's (started afterwards, with a cap of its own as the search worker has) new space, in MB. */
function newSpaceAfterChurn(stopGrowth: boolean): { main: number; worker: number } {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    import { Worker } from 'node:worker_threads';
    ${stopGrowth ? `(await import(${JSON.stringify(MODULE)})).stopYoungGenerationGrowth();` : ''}
    ${CHURN}
    churn();
    const main = newSpaceMb();
    const worker = new Worker(\`import { getHeapSpaceStatistics } from 'node:v8'; import { parentPort } from 'node:worker_threads'; ${CHURN} churn(); parentPort.postMessage(newSpaceMb());\`, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 48 } });
    worker.once('message', (mb) => console.log(JSON.stringify({ main, worker: mb })));
  `;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(output.trim()) as { main: number; worker: number };
}

describe('the young generation of Quire’s threads', () => {
  it('stays at V8’s first size, in the thread that stops its growth and in a worker started after', () => {
    const stopped = newSpaceAfterChurn(true);
    // Two semi-spaces of V8's first size, 1 MB each on 64-bit. A worker's new space sometimes holds
    // a page or a few more after a scavenge (3–6 MB in 2 of 24 runs on a busy machine), never the
    // doubling left alone gives (64 MB here for the main thread, 32 for the worker).
    expect(stopped.main).toBeLessThanOrEqual(8);
    expect(stopped.worker).toBeLessThanOrEqual(8);
  });

  it('grows without it, so the test above measures the stop and not a small churn', () => {
    const grown = newSpaceAfterChurn(false);
    expect(grown.main).toBeGreaterThanOrEqual(24);
    expect(grown.worker).toBeGreaterThanOrEqual(24);
  });
});

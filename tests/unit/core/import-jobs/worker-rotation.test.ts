import { describe, expect, it } from 'vitest';
import { WorkerRotation } from '../../../../electron/core/import-jobs/worker-rotation';

/** A pool that counts how often its workers were replaced. */
function countingPool() {
  const pool = { replaced: 0, recycleWorkers: async () => void (pool.replaced += 1) };
  return pool;
}

describe('the import workers’ rotation', () => {
  it('replaces the workers once they have read their share of files', () => {
    const pool = countingPool();
    const rotation = new WorkerRotation(pool, 3);
    for (let file = 0; file < 7; file += 1) rotation.afterFile();
    expect(pool.replaced).toBe(2);
  });

  it('replaces the ordinary workers before a large file, and counts their share again from there', () => {
    const pool = countingPool();
    const rotation = new WorkerRotation(pool, 3);
    rotation.afterFile();
    rotation.afterFile();
    rotation.beforeLarge();
    expect(pool.replaced).toBe(1);
    // Two more files would have made three since the last replacement without it.
    rotation.afterFile();
    rotation.afterFile();
    expect(pool.replaced).toBe(1);
    rotation.afterFile();
    expect(pool.replaced).toBe(2);
  });
});

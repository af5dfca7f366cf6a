import { execFileSync } from 'node:child_process';

/**
 * Builds out/ (main, preload, CLI, search worker) so tests run the code that ships.
 * QUIRE_SKIP_BUILD=1 skips it when out/ is known to be fresh (npm test builds just before).
 */
export default function buildOnce(): void {
  if (process.env.QUIRE_SKIP_BUILD === '1') return;
  execFileSync(process.execPath, ['scripts/build-node.mjs'], { stdio: 'inherit' });
}

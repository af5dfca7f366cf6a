import { execFileSync } from 'node:child_process';

/** Builds out/ (main, preload, CLI, search worker) so tests run the code that ships. */
export default function buildOnce(): void {
  execFileSync(process.execPath, ['scripts/build-node.mjs'], { stdio: 'inherit' });
}

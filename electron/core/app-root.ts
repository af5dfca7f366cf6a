/**
 * Finds Quire's own folder (the one holding its package.json) from wherever the code runs: the
 * sources in tests, out/main or out/cli once bundled, app.asar in an installed app.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unpackedAsarPath } from './unpacked-path';

export function findProjectRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = path.dirname(from);
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'quire') return dir;
      } catch {
        // An unreadable package.json is not ours: keep walking up.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Quire cannot find its own folder (no package.json named "quire" above it).');
    dir = parent;
  }
}

/**
 * A bundled worker entry (out/worker/<fileName>), or the file named by `envVar` when set (tests
 * run workers they built themselves). In a packaged app the entry is the copy in
 * `app.asar.unpacked`: a worker thread started there loads its chunks and dependencies from disk
 * and never needs the archive (see "Packaging" in docs/architecture.md).
 */
export function bundledWorkerPath(fileName: string, envVar: string): string {
  const override = process.env[envVar];
  if (override !== undefined && override !== '') return path.resolve(override);
  return unpackedAsarPath(path.join(findProjectRoot(), 'out', 'worker', fileName));
}

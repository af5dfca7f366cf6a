// For the import benchmarks (import-bench.mjs, first-import.mjs).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import { externalPackagesButBundled, REQUIRE_BANNER } from '../scripts/bundled-packages.mjs';

/**
 * Quire's core and its import processes bundled as `npm run build` bundles them (scripts/build-node.mjs):
 * split into chunks that load when first used. Bundled whole, the core's process would load every
 * importer's packages (jsdom, linkedom, language detection: about 130 MB) at start, which Quire's
 * own process never does — it only writes what the workers read — and the bench would count them.
 */
export async function bundleImportPath(electronDir, outdir) {
  const jobs = path.join(electronDir, 'core', 'import-jobs');
  // Before the import host (0911f77), Quire's own process ran the workers: such a commit has none.
  const host = existsSync(path.join(jobs, 'import-host.ts'));
  await esbuild({
    entryPoints: {
      'open-quire': path.join(electronDir, 'core', 'open-quire.ts'),
      ...(host ? { 'worker/import-host': path.join(jobs, 'import-host.ts') } : {}),
      'worker/import-worker': path.join(jobs, 'import-worker.ts'),
    },
    outdir,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    plugins: [externalPackagesButBundled],
    banner: REQUIRE_BANNER,
    logLevel: 'warning',
  });
  return {
    core: path.join(outdir, 'open-quire.js'),
    env: {
      ...(host ? { QUIRE_IMPORT_HOST: path.join(outdir, 'worker', 'import-host.js') } : {}),
      QUIRE_IMPORT_WORKER: path.join(outdir, 'worker', 'import-worker.js'),
    },
  };
}

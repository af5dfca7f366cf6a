// Bundles the Node side (Electron main, preload, CLI, and the worker threads and import host) into out/ with esbuild.
// Most dependencies stay external (they ship in node_modules); those of bundled-packages.mjs are
// bundled into the chunks instead. The preload is CommonJS because sandboxed preloads
// cannot be ES modules.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { externalPackagesButBundled, REQUIRE_BANNER } from './bundled-packages.mjs';
import { pruneStaleFiles } from './prune-build-output.mjs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  sourcemap: true,
  plugins: [externalPackagesButBundled],
  logLevel: 'warning',
  // The list of files written, so that what earlier builds left is removed (prune-build-output.mjs).
  metafile: true,
};

/** The folders only this script writes into (out/renderer is Vite's; out/package.json and out/sample-library.json are written below). */
const ESBUILD_FOLDERS = ['out/main', 'out/cli', 'out/worker', 'out/chunks', 'out/preload', 'out/tools'];

const results = await Promise.all([
  build({
    ...common,
    format: 'esm',
    banner: REQUIRE_BANNER,
    entryPoints: {
      'main/index': 'electron/main/index.ts',
      'cli/index': 'electron/cli/index.ts',
      'worker/search-worker': 'electron/core/search/worker.ts',
      'worker/import-worker': 'electron/core/import-jobs/import-worker.ts',
      'worker/import-host': 'electron/core/import-jobs/import-host.ts',
      'worker/library-watcher': 'electron/core/library/watch-worker.ts',
      'worker/library-prefetch': 'electron/core/library/prefetch-worker.ts',
      // A build step, not shipped (electron-builder.yml leaves out/tools out).
      'tools/prepare-samples': 'electron/core/library/prepare-samples-tool.ts',
    },
    outdir: 'out',
    // Split so that lazily imported modules (the importers and jsdom) load only when used.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    external: ['electron'],
  }),
  build({
    ...common,
    format: 'cjs',
    entryPoints: { 'preload/index': 'electron/preload/index.ts' },
    outExtension: { '.js': '.cjs' },
    outdir: 'out',
    external: ['electron'],
  }),
]);

pruneStaleFiles(
  process.cwd(),
  ESBUILD_FOLDERS,
  results.flatMap((result) => Object.keys(result.metafile.outputs)),
);

// out/**/*.js are ES modules even where the project's package.json is not above them: a packaged
// app runs its workers and their chunks from app.asar.unpacked, outside the archive that holds it.
writeFileSync('out/package.json', `${JSON.stringify({ type: 'module' })}\n`);

// The sample library read ahead of time by the importers just built (prepared-samples.ts): a new
// library is made from it without loading them. They run on Node 24, as Quire does.
const requiredNode = Number(/\d+/.exec(JSON.parse(readFileSync('package.json', 'utf8')).engines.node)?.[0]);
if (Number(process.versions.node.split('.')[0]) < requiredNode) {
  console.error(`The build runs Quire's importers, which need Node.js ${requiredNode}, but this is Node.js ${process.versions.node}: build with \`npm run build\` (npm install brings Node ${requiredNode}).`);
  process.exit(1);
}
execFileSync(process.execPath, ['out/tools/prepare-samples.js', 'resources/sample-library', 'out/sample-library.json'], { stdio: 'inherit' });

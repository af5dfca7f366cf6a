// Bundles the Node side (Electron main, preload, CLI, and the worker threads and import host) into out/ with esbuild.
// Most dependencies stay external (they ship in node_modules); the packages in BUNDLED_PACKAGES are
// bundled into the chunks instead (see there). The preload is CommonJS because sandboxed preloads
// cannot be ES modules.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { pruneStaleFiles } from './prune-build-output.mjs';

/**
 * The packages bundled into Quire's chunks rather than loaded from node_modules:
 * - zod: the schemas use its functional build (electron/shared/zod.ts), which bundling cuts down
 *   to the parts they use, where loading the package builds all of it at every start;
 * - the plain-JavaScript packages every command or the search worker loads at start: each one
 *   loaded from node_modules costs Node's ES module loader a resolution through its package.json,
 *   and a CommonJS one (most of these) a read of its source to find its exports; lunr, which says
 *   neither, a parse to tell which kind it is (`quire --help` loaded 29 files of node_modules, 3
 *   now; in a profile of `quire search` the search worker spent 14 ms resolving and telling them
 *   apart).
 * Only packages that never look for their own files (no `__dirname`, `__filename`, `require` of
 * a computed name), and none that `npm install` patches (patches/), whose patched files
 * must be the ones loaded. Bundled CommonJS gets its `require` of Node's modules from the banner.
 */
const BUNDLED_PACKAGES = [
  'zod',
  'lunr',
  'intl-messageformat',
  '@formatjs/icu-messageformat-parser',
  '@formatjs/icu-skeleton-parser',
  '@formatjs/fast-memoize',
  'commander',
  'proper-lockfile',
  'graceful-fs',
  'retry',
  'signal-exit',
  'yazl',
  'buffer-crc32',
  'approx-string-match',
];
const bundledPackage = (specifier) => BUNDLED_PACKAGES.some((name) => specifier === name || specifier.startsWith(`${name}/`));

/** Bare imports (packages and node: builtins) stay imports, the bundled packages' aside. */
const externalPackagesButBundled = {
  name: 'external-packages-but-bundled',
  setup(plugin) {
    plugin.onResolve({ filter: /^[^./]/ }, (args) => (bundledPackage(args.path) ? undefined : { path: args.path, external: true }));
  },
};

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
    // Node's `require` for the bundled CommonJS packages (esbuild's ES module output has none).
    banner: { js: "import { createRequire as createRequireForBundledPackages } from 'node:module'; const require = createRequireForBundledPackages(import.meta.url);" },
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

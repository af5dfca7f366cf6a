// Which packages Quire's Node bundles carry inside their chunks, for the build (build-node.mjs) and
// for the benchmarks that bundle Quire's code as the build does (bench/bundle-import-path.mjs,
// bench/run.mjs), so that they measure what ships.

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
 * (yazl and buffer-crc32 load only with the first zip since; bundled, that load too is spared the
 * resolution.)
 * Only packages that never look for their own files (no `__dirname`, `__filename`, `require` of
 * a computed name), and none that `npm install` patches (patches/), whose patched files
 * must be the ones loaded. Bundled CommonJS gets its `require` of Node's modules from the banner.
 */
export const BUNDLED_PACKAGES = [
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
export const externalPackagesButBundled = {
  name: 'external-packages-but-bundled',
  setup(plugin) {
    plugin.onResolve({ filter: /^[^./]/ }, (args) => (bundledPackage(args.path) ? undefined : { path: args.path, external: true }));
  },
};

/** Node's `require` for the bundled CommonJS packages (esbuild's ES module output has none). */
export const REQUIRE_BANNER = {
  js: "import { createRequire as createRequireForBundledPackages } from 'node:module'; const require = createRequireForBundledPackages(import.meta.url);",
};

/**
 * `npm run bench` (from the project root): builds the 10,000-article library, then measures each
 * engine in fresh processes — build, size on disk, cold start to first answer, query latencies by
 * kind, one new article searchable, memory — and writes the "Search" section of
 * docs/benchmarks.md. `node bench/run.mjs quire fts5` measures only the engines named (the others
 * keep their last numbers); `node bench/run.mjs --report` only rewrites the section.
 *
 * `--articles 100000` measures a library of that many articles made from the same documents
 * (corpus.mjs), in its own folder and its own section ("Search at 100,000 articles").
 * `--baseline DIR` also measures Quire's engine as the checkout DIR has it (`quire-baseline`),
 * in the same run: a before/after that the load of a shared machine cannot skew.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build as esbuild } from 'esbuild';
import { externalPackagesButBundled, REQUIRE_BANNER } from '../scripts/bundled-packages.mjs';
import { renderSearchSection, replaceSection } from './report.mjs';

const args = process.argv.slice(2);
/** The value after `--name`, if given. */
function option(name) {
  const at = args.indexOf(name);
  if (at === -1) return undefined;
  const value = args[at + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
  return value;
}
const articleCount = option('--articles');
// corpus.mjs reads it (the children inherit it): each size has its own folder.
if (articleCount !== undefined) process.env.QUIRE_BENCH_ARTICLES = articleCount;
const baseline = option('--baseline');
const { ROOT, WORK, loadArticles, makeKnownItems, makeQueries } = await import('./corpus.mjs');

const ALL = ['lunr', 'quire', 'quire-baseline', 'minisearch', 'flexsearch', 'fts5'];
const chosen = args.filter((arg) => ALL.includes(arg));
if (baseline !== undefined && !chosen.includes('quire-baseline')) chosen.push('quire-baseline');
if (chosen.includes('quire-baseline') && baseline === undefined) throw new Error('quire-baseline needs --baseline DIR (a checkout of Quire)');
// `--report`: only rewrite docs/benchmarks.md from the last measurements.
const reportOnly = args.includes('--report');
const engines = reportOnly ? [] : chosen.length > 0 ? chosen : ALL.filter((name) => name !== 'quire-baseline');

mkdirSync(WORK, { recursive: true });
const articles = loadArticles();
// The measured queries, and as many again of another seed to warm each engine up first (a search
// worker that has answered a few hundred queries, as an app's does within minutes of typing).
// Known-item queries (titles, sentences with a word changed and one misspelt) measure relevance.
writeFileSync(
  path.join(WORK, 'queries.json'),
  JSON.stringify({ ...makeQueries(articles), warmUp: makeQueries(articles, 7, 50), knownItems: makeKnownItems(articles) }),
);

// Quire's engine reads text.txt of the top hits for snippets and phrases, as in a real library.
const library = path.join(WORK, 'library', 'articles');
if (!existsSync(path.join(library, articles.at(-1).id, 'text.txt'))) {
  for (const article of articles) {
    mkdirSync(path.join(library, article.id), { recursive: true });
    writeFileSync(path.join(library, article.id, 'text.txt'), article.body);
  }
}
/** Bundles the search engine of a checkout into WORK/`outfile`. */
async function bundleEngine(checkout, outfile) {
  await esbuild({
    entryPoints: [path.join(checkout, 'electron', 'core', 'search', 'engine.ts')],
    outfile: path.join(WORK, outfile),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    // The packages the build bundles are bundled here too (the engine's start loads them).
    plugins: [externalPackagesButBundled],
    banner: REQUIRE_BANNER,
    // A checkout without its own node_modules (a plain `git worktree add`) uses this one's.
    nodePaths: [path.join(ROOT, 'node_modules')],
    logLevel: 'warning',
  });
}
await bundleEngine(ROOT, 'quire-engine.js');
// The app's search worker runs with a capped young generation (worker-limits.ts); the benchmark's
// processes for Quire's engine get that cap as a flag, from the same constant: each checkout's own,
// so that a change of the cap is measured against the cap before it. A baseline from before the
// cap existed gets this checkout's (an uncapped engine against a capped one measured the cap, not
// the change).
/** The semi-space size (MB) a checkout's search worker runs with; undefined when it has no cap. */
async function semiSpaceOf(checkout, outfile) {
  const source = path.join(checkout, 'electron', 'core', 'search', 'worker-limits.ts');
  if (!existsSync(source)) return undefined;
  await esbuild({ entryPoints: [source], outfile: path.join(WORK, outfile), format: 'esm', logLevel: 'warning' });
  const { SEARCH_SEMI_SPACE_MB } = await import(pathToFileURL(path.join(WORK, outfile)).href);
  return SEARCH_SEMI_SPACE_MB;
}
const semiSpaceMb = { quire: await semiSpaceOf(ROOT, 'quire-limits.js') };
/** Node flags of an engine's processes, beyond the common ones. */
const flagsOf = (name) => {
  const mb = semiSpaceMb[name] ?? (name === 'quire-baseline' ? semiSpaceMb.quire : undefined);
  return mb === undefined ? [] : [`--max-semi-space-size=${mb}`];
};
/** What the baseline is, for the report: its commit when it is a git checkout. */
let baselineLabel = null;
if (baseline !== undefined) {
  await bundleEngine(path.resolve(baseline), 'quire-baseline-engine.js');
  semiSpaceMb['quire-baseline'] = await semiSpaceOf(path.resolve(baseline), 'quire-baseline-limits.js');
  try {
    baselineLabel = execFileSync('git', ['-C', baseline, 'log', '-1', '--format=%h %cs'], { encoding: 'utf8' }).trim();
  } catch {
    baselineLabel = path.basename(path.resolve(baseline));
  }
}

function child(name, job) {
  const out = execFileSync(process.execPath, ['--max-old-space-size=8192', ...flagsOf(name), path.join(import.meta.dirname, 'child.mjs'), name, job], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').at(-1));
}

// Results are kept per engine, so measuring one engine again keeps the others' last numbers.
const resultsFile = path.join(WORK, 'results.json');
const kept = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : {};
for (const name of engines) {
  console.error(`${name}: building…`);
  const built = child(name, 'build');
  console.error(`${name}: querying…`);
  const queried = child(name, 'query');
  const result = { ...built, ...queried, buildPeakRssMb: built.peakRssMb, queryPeakRssMb: queried.peakRssMb };
  console.error(JSON.stringify(result));
  kept[name] = { ...result, measuredAt: new Date().toISOString(), ...(name === 'quire-baseline' ? { baseline: baselineLabel } : {}) };
  writeFileSync(resultsFile, JSON.stringify(kept, null, 2));
}
const results = ALL.filter((name) => kept[name] !== undefined).map((name) => kept[name]);

const cpus = os.cpus();
const machine = `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
const { title, section } = renderSearchSection({ results, machine, date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC', articles: articles.length, semiSpaceMb });
const file = path.join(ROOT, 'docs', 'benchmarks.md');
const previous = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
writeFileSync(file, replaceSection(previous, title, section));
console.error(`wrote ${path.relative(ROOT, file)}`);

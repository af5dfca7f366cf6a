/**
 * `npm run bench` (from the project root): builds the 10,000-article library, then measures each
 * engine in fresh processes — build, size on disk, cold start to first answer, query latencies by
 * kind, one new article searchable, memory — and writes the "Search" section of
 * docs/benchmarks.md. `node bench/run.mjs quire fts5` measures only the engines named (the others
 * keep their last numbers); `node bench/run.mjs --report` only rewrites the section.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import { ROOT, WORK, loadArticles, makeKnownItems, makeQueries } from './corpus.mjs';
import { renderSearchSection, replaceSection } from './report.mjs';

const ALL = ['lunr', 'quire', 'minisearch', 'flexsearch', 'fts5'];
const chosen = process.argv.slice(2).filter((arg) => ALL.includes(arg));
// `--report`: only rewrite docs/benchmarks.md from the last measurements.
const reportOnly = process.argv.includes('--report');
const engines = reportOnly ? [] : chosen.length > 0 ? chosen : ALL;

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
await esbuild({
  entryPoints: [path.join(ROOT, 'electron', 'core', 'search', 'engine.ts')],
  outfile: path.join(WORK, 'quire-engine.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  packages: 'external',
  logLevel: 'warning',
});

function child(name, job) {
  const out = execFileSync(process.execPath, ['--max-old-space-size=8192', path.join(import.meta.dirname, 'child.mjs'), name, job], {
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
  kept[name] = { ...result, measuredAt: new Date().toISOString() };
  writeFileSync(resultsFile, JSON.stringify(kept, null, 2));
}
const results = ALL.filter((name) => kept[name] !== undefined).map((name) => kept[name]);

const cpus = os.cpus();
const machine = `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
const section = renderSearchSection({ results, machine, date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC', articles: articles.length });
const file = path.join(ROOT, 'docs', 'benchmarks.md');
const previous = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
writeFileSync(file, replaceSection(previous, 'Search', section));
console.error(`wrote ${path.relative(ROOT, file)}`);

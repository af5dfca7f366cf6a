/**
 * One engine, one job, one fresh process (so load times and memory are not shared):
 *   node child.mjs ENGINE build   → builds the index into .cache/bench/ENGINE/
 *   node child.mjs ENGINE query   → cold start to first answer, query latencies, known-item
 *                                   relevance, one new article
 * Prints one JSON line. An engine that throws on a query has that query counted as an error (and
 * as unanswered); the run goes on.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { NEW_ARTICLE, WORK, loadArticles } from './corpus.mjs';

const [name, job] = process.argv.slice(2);
const dir = path.join(WORK, name);

function sizeOf(folder) {
  let total = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    total += entry.isDirectory() ? sizeOf(file) : statSync(file).size;
  }
  return total;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
const cpuMs = ({ user, system }) => (user + system) / 1000;

/** Exceptions of an engine, counted per kind of query, with the first message of each kind. */
class Errors {
  counts = new Map();
  firsts = new Map();

  async guard(kind, run, fallback) {
    try {
      return await run();
    } catch (error) {
      this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
      if (!this.firsts.has(kind)) this.firsts.set(kind, String(error?.message ?? error).slice(0, 160));
      return fallback;
    }
  }

  count(kind) {
    return this.counts.get(kind) ?? 0;
  }

  reset() {
    this.counts.clear();
    this.firsts.clear();
  }

  examples() {
    return Object.fromEntries(this.firsts);
  }
}

const CUTOFF = 10;

/**
 * Known-item search: each query names the one article it should find. MRR@10 is the mean of
 * 1/rank of that article within the first 10 results (0 when it is not there); recall@10 the
 * share of queries that find it in the first 10.
 */
async function knownItemSearch(engine, handle, list, guard) {
  let reciprocal = 0;
  let found = 0;
  let first = 0;
  const times = [];
  for (const q of list) {
    const started = performance.now();
    const ids = await guard(() => engine.rank(handle, q.text, CUTOFF));
    times.push(performance.now() - started);
    const rank = ids.slice(0, CUTOFF).indexOf(q.id);
    if (rank === -1) continue;
    reciprocal += 1 / (rank + 1);
    found += 1;
    if (rank === 0) first += 1;
  }
  times.sort((a, b) => a - b);
  return { mrr: reciprocal / list.length, recall: found / list.length, first: first / list.length, count: list.length, p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function build() {
  const articles = loadArticles();
  const engine = (await import(`./engines/${name}.mjs`)).default;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const cpu = process.cpuUsage();
  await engine.build(articles, dir);
  const buildMs = performance.now() - started;
  // CPU time (all threads) says how much work it was, whatever else the shared machine ran.
  const buildCpuMs = cpuMs(process.cpuUsage(cpu));
  return { engine: name, job, articles: articles.length, buildMs, buildCpuMs, diskBytes: sizeOf(dir), peakRssMb: peakRssMb(), buildLoad: os.loadavg()[0] };
}

async function query() {
  const queries = JSON.parse(readFileSync(path.join(WORK, 'queries.json'), 'utf8'));
  // From here on, everything counts toward the cold start: loading the engine code and the index.
  const engine = (await import(`./engines/${name}.mjs`)).default;
  const handle = await engine.load(dir);
  await engine.query(handle, 'single', queries.single[0].words);
  const firstAnswerMs = performance.now();
  const firstAnswerCpuMs = cpuMs(process.cpuUsage());
  // Work an engine leaves for after its first answer (Quire verifies its segments' checksums),
  // done before the queries are timed: in an app it runs between requests.
  const backgroundCpu = process.cpuUsage();
  await engine.afterFirstAnswer?.(handle);
  const backgroundCpuMs = cpuMs(process.cpuUsage(backgroundCpu));

  const { warmUp, knownItems, ...measured } = queries;
  const errors = new Errors();
  for (const [kind, list] of Object.entries(warmUp)) {
    for (const q of list) await errors.guard(kind, () => engine.query(handle, kind, q.words), 0);
  }
  errors.reset();
  const kinds = {};
  for (const [kind, list] of Object.entries(measured)) {
    const times = [];
    let answered = 0;
    const cpu = process.cpuUsage();
    for (const q of list) {
      const started = performance.now();
      const found = await errors.guard(kind, () => engine.query(handle, kind, q.words), 0);
      times.push(performance.now() - started);
      if (found > 0) answered += 1;
    }
    times.sort((a, b) => a - b);
    const cpuPerQueryMs = cpuMs(process.cpuUsage(cpu)) / list.length;
    kinds[kind] = { p50: percentile(times, 50), p95: percentile(times, 95), cpuPerQueryMs, answered, count: list.length, errors: errors.count(kind) };
  }
  // Memory after the speed queries (as measured before relevance was added), then after the known items.
  const rssMb = process.memoryUsage().rss / 1024 / 1024;
  const relevance = {};
  for (const [kind, list] of Object.entries(knownItems)) {
    relevance[kind] = await knownItemSearch(engine, handle, list, (run) => errors.guard(`known ${kind}`, run, []));
    relevance[kind].errors = errors.count(`known ${kind}`);
  }
  const rssAfterKnownItemsMb = process.memoryUsage().rss / 1024 / 1024;

  // Lunr rebuilds from the articles: read them before the clock starts.
  const articles = name === 'lunr' ? loadArticles() : [];
  mkdirSync(path.join(WORK, 'library', 'articles', NEW_ARTICLE.id), { recursive: true });
  const started = performance.now();
  const found = await engine.addOne(handle, NEW_ARTICLE, 'quokkaflux', articles);
  const addMs = performance.now() - started;
  if (!found) throw new Error(`${name}: the new article was not found`);
  return { engine: name, job, firstAnswerMs, firstAnswerCpuMs, backgroundCpuMs, kinds, relevance, errors: errors.examples(), rssMb, rssAfterKnownItemsMb, peakRssMb: peakRssMb(), addMs, queryLoad: os.loadavg()[0] };
}

const result = job === 'build' ? await build() : await query();
process.stdout.write(`${JSON.stringify(result)}\n`);
// Engines may keep timers or handles (a SQLite connection, a save timer): the job is done.
process.exit(0);

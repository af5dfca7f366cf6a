/**
 * `npm run bench:open`: how long the command line takes, end to end, on the 10,000-article
 * library (`articles-10k.jsonl`, see corpus.mjs) written as a Quire library: `quire --help`,
 * `quire list`, `quire show <id>`, `quire search` (right after a change, then again), and the
 * commands that write (`quire tag` / `untag`, `delete` / `restore`), each run as a fresh process,
 * the median of `--runs` (5).
 * The library is written once into .cache/bench-open/ (article folders as an import leaves them;
 * about a minute), with its own app-data folder, so nothing of the user's own Quire is touched.
 * A first `quire list` builds the search index and the caches before anything is timed.
 *
 *   npm run bench:open [-- --runs 5] [-- --compare <another checkout, built>]
 *
 * `--compare` times that checkout's `quire` too, on a copy of the same library made at the start
 * (each build's writes must not be the other's outside changes), in the same run, each command
 * alternating between the two, so a change is measured against what it replaces under the same load.
 *
 * Then the first start: `quire serve` on a library that does not exist yet (it is made, with the
 * sample articles), until it prints its address, and its resident memory then.
 *
 * Then the library as the app shows it, in browser mode: `quire serve` started (it prints its address
 * once the library watcher has scanned the folders), the page loaded in Chromium (launched once
 * beforehand), and the time from the page's request until the newest article's row is on screen
 * and until the whole library is in the list (the count shown, the list no longer busy), with the
 * page's own timings on the way: its script arrived, the whole list asked for, the whole list arrived.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadArticles, ROOT } from './corpus.mjs';
import { CHROMIUM_ARGS, debianChromium } from '../scripts/test-browser.mjs';
import { requireBenchBrowser } from './bench-browser.mjs';

const { values: options } = parseArgs({ options: { runs: { type: 'string', default: '5' }, compare: { type: 'string' } } });
const RUNS = Number(options.runs);
await requireBenchBrowser();
const WORK = path.join(ROOT, '.cache', 'bench-open');
const LIBRARY = path.join(WORK, 'library');
// Each build has an app-data folder of its own: caches of two versions in one folder would make
// each rewrite the other's at every command.
// Each build has a library of its own too (the compared one a copy made at the start), or one's
// writes would be changes from outside to the other.
const builds = [['this checkout', path.join(ROOT, 'bin', 'quire.js'), path.join(WORK, 'home'), LIBRARY]];
if (options.compare) builds.unshift([path.resolve(options.compare), path.join(path.resolve(options.compare), 'bin', 'quire.js'), path.join(WORK, 'home-compared'), path.join(WORK, 'library-compared')]);
// Each command runs as an installed `quire` does: the bin file itself, started by its first line
// (`env -S node` and the flags there), with the node this bench runs on found first on the PATH.
const envFor = (home, more = {}) => ({
  ...process.env,
  PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
  XDG_CONFIG_HOME: home,
  NO_COLOR: '1',
  ...more,
});

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The library as imports leave it: article.json, content.html and text.txt per article, newest last. */
function writeLibrary() {
  const done = path.join(LIBRARY, '.bench-complete');
  if (existsSync(done)) return;
  rmSync(WORK, { recursive: true, force: true });
  const articles = loadArticles();
  const start = Date.UTC(2024, 0, 1);
  mkdirSync(path.join(LIBRARY, 'articles'), { recursive: true });
  writeFileSync(path.join(LIBRARY, 'quire-library.json'), JSON.stringify({ formatVersion: 1, createdAt: new Date(start).toISOString() }));
  articles.forEach(({ id, title, body }, i) => {
    const dir = path.join(LIBRARY, 'articles', id);
    mkdirSync(path.join(dir, 'annotations'), { recursive: true });
    const text = `${title}\n\n${body}`;
    const paragraphs = body.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
    writeFileSync(path.join(dir, 'content.html'), `<h1>${escapeHtml(title)}</h1>\n${paragraphs}`);
    writeFileSync(path.join(dir, 'text.txt'), text);
    const at = new Date(start + i * 60_000).toISOString();
    const meta = {
      id, title, byline: null, siteName: 'Debian documentation', url: null, lang: 'en', dir: null, format: 'html',
      addedAt: at, updatedAt: at, publishedAt: null, excerpt: body.slice(0, 200), tags: i % 10 === 0 ? ['manual'] : [],
      contentHash: createHash('sha256').update(text).digest('hex'), readState: 'unread', progress: 0, position: 0,
      wordCount: body.split(/\s+/).length, source: null,
    };
    writeFileSync(path.join(dir, 'article.json'), JSON.stringify(meta, null, 2));
  });
  writeFileSync(done, '');
}

// The process's own CPU time (all its threads), printed as it exits: on a shared machine this
// changes far less with the load than the wall time does.
// Loaded through NODE_OPTIONS, which the bin's first line leaves to the node it starts.
const REPORT_CPU = path.join(WORK, 'report-cpu.mjs');
const REPORT_CPU_SOURCE = "process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write(`\\ncpu-us ${u.user + u.system}\\n`); });\n";

function quire(bin, home, library, args) {
  const begin = process.hrtime.bigint();
  const run = spawnSync(bin, ['--library', library, ...args], { env: envFor(home, { NODE_OPTIONS: `--import="${REPORT_CPU}"` }), stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - begin) / 1e6;
  if (run.status !== 0) throw new Error(`quire ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  const cpu = Number(/cpu-us (\d+)/.exec(run.stderr)?.[1]) / 1000;
  return { wall, cpu };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

writeLibrary();
for (const [, , , library] of builds) {
  if (library === LIBRARY) continue;
  rmSync(library, { recursive: true, force: true });
  cpSync(LIBRARY, library, { recursive: true });
}
console.error('building the search index and the caches (first open)…');
writeFileSync(REPORT_CPU, REPORT_CPU_SOURCE);
for (const [, bin, home, library] of builds) execFileSync(bin, ['--library', library, 'search', 'kernel'], { env: envFor(home), stdio: ['ignore', 'ignore', 'inherit'] });

// Commands that write (a tag added, then removed; an article moved to the trash, then back): the
// next run's commands meet a library a command just changed, as in daily use; the second search
// meets one the first search left.
const commands = [['--help'], ['list'], ['show', 'a05000'], ['search', 'kernel'], ['search', 'memory'], ['tag', 'a05000', 'bench'], ['untag', 'a05000', 'bench'], ['delete', 'a05001'], ['restore', 'a05001']];
const times = new Map(builds.flatMap(([name]) => commands.map((args) => [`${name}: quire ${args.join(' ')}`, []])));
const load = [];
// Interleaved, so a burst of load on the machine is shared by every command and build.
for (let run = 0; run < RUNS; run += 1) {
  for (const args of commands) {
    for (const [name, bin, home, library] of builds) {
      load.push(os.loadavg()[0]);
      times.get(`${name}: quire ${args.join(' ')}`).push(quire(bin, home, library, args));
    }
  }
}
console.log(`10,000 articles; median of ${RUNS} runs each, ms from process start to exit (wall) and the process's CPU time; load average ${median(load).toFixed(1)} (median over the runs) on ${os.cpus().length} cores`);
for (const [command, runs] of times) {
  const walls = runs.map((r) => r.wall);
  console.log(`${command}: wall ${median(walls).toFixed(0)} ms, CPU ${median(runs.map((r) => r.cpu)).toFixed(0)} ms  (wall of each run: ${walls.map((v) => v.toFixed(0)).join(', ')})`);
}

/** `quire serve` started; resolves with the process and its address once it prints it. */
function serve(bin, home, library = LIBRARY) {
  const child = spawn(bin, ['--library', library, 'serve', '--port', '0'], { env: envFor(home), stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.on('exit', (code) => reject(new Error(`quire serve exited (${code}) before printing its address: ${output}`)));
    child.stdout.on('data', (chunk) => {
      output += chunk.toString();
      const match = /Quire is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (match) resolve({ child, url: match[1] });
    });
  });
}

/** Resident memory of a running process, MB (Linux). */
const residentMb = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;

// The first start: `quire serve` on a library that does not exist yet (made with its sample
// articles), each run a new one, each build with a new app-data folder too.
const firstStarts = new Map(builds.map(([name]) => [name, []]));
const firstLoad = [];
for (let run = 0; run < RUNS; run += 1) {
  for (const [name, bin] of builds) {
    firstLoad.push(os.loadavg()[0]);
    const fresh = path.join(WORK, 'first-start');
    rmSync(fresh, { recursive: true, force: true });
    const begin = performance.now();
    const { child } = await serve(bin, path.join(fresh, 'home'), path.join(fresh, 'library'));
    firstStarts.get(name).push({ served: performance.now() - begin, resident: residentMb(child.pid) });
    child.removeAllListeners('exit');
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}
rmSync(path.join(WORK, 'first-start'), { recursive: true, force: true });
console.log(`\nFirst start (quire serve on a new library, which it makes with the sample articles), median of ${RUNS} runs, load average ${median(firstLoad).toFixed(1)}`);
for (const [name, runs] of firstStarts) {
  console.log(`${name}: address printed ${median(runs.map((r) => r.served)).toFixed(0)} ms after the server's start, ${median(runs.map((r) => r.resident)).toFixed(0)} MB resident then  (each run: ${runs.map((r) => r.served.toFixed(0)).join(', ')} ms)`);
}

const newestTitle = JSON.parse(readFileSync(path.join(LIBRARY, 'articles', 'a09999', 'article.json'), 'utf8')).title;
const { chromium } = await import('@playwright/test');
const browser = await chromium.launch({ executablePath: debianChromium(), args: CHROMIUM_ARGS });
const listTimes = new Map(builds.map(([name]) => [name, []]));
const listLoad = [];
for (let run = 0; run < RUNS; run += 1) {
  for (const [name, bin, home, library] of builds) {
    listLoad.push(os.loadavg()[0]);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const begin = performance.now();
    const { child, url } = await serve(bin, home, library);
    const served = performance.now() - begin;
    await page.goto(url);
    await page.getByRole('main').getByRole('button', { name: newestTitle }).first().waitFor({ state: 'visible', timeout: 60_000 });
    const shown = performance.now() - begin;
    // The whole library taken in: its count is in the header and the list no longer says it is busy
    // (a page may show its newest rows first, with the count, while the rest is on its way).
    await page.getByText('10,000 articles', { exact: true }).waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator('[aria-label="Articles"]:not([aria-busy="true"])').waitFor({ state: 'attached', timeout: 60_000 });
    const whole = performance.now() - begin;
    // The page's own timings: when its script had arrived, when it asked for the whole list, when
    // that had arrived (what is left until the count shows is taking the list in and laying it out).
    const timings = await page.evaluate(() => {
      const entries = performance.getEntriesByType('resource');
      const script = entries.find((entry) => /\/assets\/index-[^/]*\.js$/.test(entry.name));
      // The whole list is the largest answer of listArticles (a first screen's is a hundred articles).
      const [list] = entries.filter((entry) => entry.name.endsWith('/api/listArticles')).sort((a, b) => b.encodedBodySize - a.encodedBodySize);
      return { scriptEnd: script?.responseEnd ?? NaN, listStart: list?.startTime ?? NaN, listEnd: list?.responseEnd ?? NaN };
    });
    listTimes.get(name).push({ served, shown, whole, ...timings });
    await page.close();
    child.removeAllListeners('exit');
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}
await browser.close();
console.log(`\nBrowser mode (the app's page served by quire serve), median of ${RUNS} runs, load average ${median(listLoad).toFixed(1)}`);
for (const [name, runs] of listTimes) {
  const onScreen = runs.map((r) => r.shown - r.served);
  const wholeIn = runs.map((r) => r.whole - r.served);
  console.log(`${name}: address printed ${median(runs.map((r) => r.served)).toFixed(0)} ms after the server's start; newest article's row on screen ${median(onScreen).toFixed(0)} ms after the page was asked for  (each run: ${onScreen.map((v) => v.toFixed(0)).join(', ')})`);
  console.log(`${name}: the whole library in the list ${median(wholeIn).toFixed(0)} ms after the page was asked for  (each run: ${wholeIn.map((v) => v.toFixed(0)).join(', ')})`);
  console.log(`${name}: in the page: its script arrived at ${median(runs.map((r) => r.scriptEnd)).toFixed(0)} ms, the whole list was asked for ${median(runs.map((r) => r.listStart - r.scriptEnd)).toFixed(0)} ms later and had arrived at ${median(runs.map((r) => r.listEnd)).toFixed(0)} ms (from the page's own start)`);
}

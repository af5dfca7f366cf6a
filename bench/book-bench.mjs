/**
 * `npm run bench:book` (after `npm run build`): a long book, imported and opened as a reader would.
 * The book is the corpus's Moby-Dick with its spine repeated five times (scripts/long-book.mjs,
 * about 1,080,000 words). Measured for each version of Quire:
 * - import: `quire import` of the book into a fresh library — wall time, CPU time of the command and
 *   its import host (every thread), peak resident memory of the two together;
 * - open: `quire serve` on that library, the reading position saved at 70 % of the book, the book
 *   opened from the library list in Chromium: time from the click to the text at the saved
 *   position on screen, and the longest main-thread task (Long Tasks API) while opening and while
 *   scrolling through the next 40 screens; a screenshot of the open book; then, in two columns of
 *   pages, the time of a page turn from the key to the painted frame.
 *
 * `--before REF` also measures the commit REF in the same run (its tree built in
 * .cache/bench-book/at-<commit>, with this checkout's node_modules). `--copies N` repeats the spine
 * N times. `--runs N` opens each version's library N times, the versions taking turns (A B A B…),
 * and reports the medians beside every run. Prints one JSON line per version and a table for
 * docs/benchmarks.md.
 */
/* global window, document, requestAnimationFrame -- the functions handed to page.evaluate run in the page */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { longBookEpub } from '../scripts/long-book.mjs';
import { CHROMIUM_ARGS, debianChromium } from '../scripts/test-browser.mjs';
import { requireBenchBrowser } from './bench-browser.mjs';
import { usageOf } from './process-usage.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const WORK = path.join(ROOT, '.cache', 'bench-book');
const argument = (name) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const copies = Number(argument('--copies') ?? 5);
await requireBenchBrowser();
const mb = (bytes) => Math.round(bytes / (1024 * 1024));

mkdirSync(WORK, { recursive: true });
const bookFile = path.join(WORK, `moby-dick-x${copies}.epub`);
if (!existsSync(bookFile)) writeFileSync(bookFile, await longBookEpub({ copies }));

/** Every descendant of `pid` (Linux: read from /proc), itself included. */
function treeOf(pid) {
  const parents = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i += 1) for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  return tree;
}

/** The built CLI of this checkout, or of commit `ref` (built once into .cache). */
function cliOf(ref) {
  if (ref === undefined) return { label: 'now', cli: path.join(ROOT, 'out', 'cli', 'index.js') };
  const commit = execFileSync('git', ['rev-parse', '--short', ref], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dir = path.join(WORK, `at-${commit}`);
  const cli = path.join(dir, 'out', 'cli', 'index.js');
  if (!existsSync(cli)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C "${dir}"`], { cwd: ROOT });
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    execFileSync(process.execPath, ['scripts/build-node.mjs'], { cwd: dir, stdio: 'inherit' });
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: dir, stdio: 'inherit' });
  }
  return { label: commit, cli };
}

const homeOf = (root) => ({ ...process.env, HOME: root, XDG_CONFIG_HOME: path.join(root, 'config'), QUIRE_LIBRARY: '', NO_COLOR: '1' });

/** `quire import` of the book into a fresh library, sampled every 50 ms. */
async function measureImport(version, root) {
  const library = path.join(root, 'library');
  const started = performance.now();
  const child = spawn(process.execPath, [version.cli, '--library', library, 'import', bookFile], { env: homeOf(root), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  let peak = 0;
  const cpu = new Map();
  const loads = [];
  const sampler = setInterval(() => {
    let rss = 0;
    for (const pid of treeOf(child.pid)) {
      const usage = usageOf(pid);
      if (!usage) continue;
      rss += usage.rss;
      cpu.set(pid, usage.cpuSeconds);
    }
    peak = Math.max(peak, rss);
    loads.push(os.loadavg()[0]);
  }, 50);
  const code = await new Promise((resolve) => child.once('exit', resolve));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`quire import exited with ${code}:\n${output}`);
  const id = /imported\s+([0-9a-f-]{36})/.exec(output)?.[1];
  return {
    id,
    seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    cpuSeconds: Number([...cpu.values()].reduce((sum, seconds) => sum + seconds, 0).toFixed(1)),
    peakRssMb: mb(peak),
    loadAverage: Number((loads.reduce((sum, load) => sum + load, 0) / Math.max(1, loads.length)).toFixed(1)),
  };
}

/** `quire serve`, the position saved at 70 %, the book opened in Chromium. */
async function measureOpen(version, root, id, label) {
  const serve = spawn(process.execPath, [version.cli, '--library', path.join(root, 'library'), 'serve', '--port', '0'], { env: homeOf(root), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output);
      if (match) resolve(match[0]);
    };
    serve.stdout.on('data', onData);
    serve.stderr.on('data', onData);
    serve.once('exit', (code) => reject(new Error(`quire serve exited (${code}):\n${output}`)));
  });
  const browser = await chromium.launch({ executablePath: debianChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const metrics = await page.context().newCDPSession(page);
    await metrics.send('Performance.enable');
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(url);
    const { origin, searchParams } = new URL(url);
    const call = async (method, args) => {
      const answer = await fetch(`${origin}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Quire-Token': searchParams.get('token') }, body: JSON.stringify(args) });
      return answer.json();
    };
    const content = await call('getContent', [id]);
    const text = content.value.text;
    // The saved place: the start of a line at 70 % of the text.
    const position = text.indexOf('\n', Math.floor(text.length * 0.7)) + 1;
    await call('setProgress', [id, { progress: 0.7, position }]);
    const expected = text.slice(position, position + 60).split('\n')[0].trim().slice(0, 40);
    await page.reload();
    await page.getByRole('main').getByRole('button', { name: /Moby-Dick/ }).first().waitFor();
    // The server and Chromium: every process this one started and still runs, itself left out.
    const cpuOf = () => treeOf(process.pid).filter((pid) => pid !== process.pid).reduce((sum, pid) => sum + (usageOf(pid)?.cpuSeconds ?? 0), 0);
    const cpuBefore = cpuOf();
    const openScriptBefore = await scriptMs(metrics);
    const clickedAt = await page.evaluate(() => performance.now());
    await page.getByRole('main').getByRole('button', { name: /Moby-Dick/ }).first().click();
    // The saved line at the top of the reader (`whole`: the reader proper, the book's text all in).
    const atPlace = (whole) =>
      page.waitForFunction(
        ({ expected, whole }) => {
          const scroller = document.querySelector('.reader-scroll');
          if (!scroller || (whole && document.querySelector('.reader-body[aria-busy="true"]'))) return false;
          const top = scroller.getBoundingClientRect().top;
          const probe = document.elementFromPoint(scroller.getBoundingClientRect().left + scroller.clientWidth / 2, top + 30);
          return (probe?.closest('p, h1, h2, h3, div')?.textContent ?? '').includes(expected);
        },
        { expected, whole },
        { timeout: 180_000, polling: 50 },
      );
    // Open: the saved line is at the top of the reader.
    await atPlace(false);
    const openMs = Math.round((await page.evaluate(() => performance.now())) - clickedAt);
    await atPlace(true);
    const readyMs = Math.round((await page.evaluate(() => performance.now())) - clickedAt);
    const openCpuMs = Math.round((cpuOf() - cpuBefore) * 1000);
    const openScriptMs = Math.round((await scriptMs(metrics)) - openScriptBefore);
    await page.waitForTimeout(1500);
    const openTasks = await page.evaluate((from) => window.__longTasks.filter((task) => task.start >= from - 5), clickedAt);
    await page.screenshot({ path: path.join(WORK, `open-midway-${label}.png`) });
    const scrollFrom = await page.evaluate(() => performance.now());
    const scriptBefore = await scriptMs(metrics);
    const scroller = page.locator('.reader-scroll');
    await scroller.hover();
    for (let step = 0; step < 40; step += 1) {
      await page.mouse.wheel(0, 850);
      await page.waitForTimeout(60);
    }
    await page.waitForTimeout(1000);
    const scrollScriptMs = Math.round((await scriptMs(metrics)) - scriptBefore);
    const scrollTasks = await page.evaluate((from) => window.__longTasks.filter((task) => task.start >= from), scrollFrom);
    const longest = (tasks) => Math.round(Math.max(0, ...tasks.map((task) => task.duration)));
    const turns = await measurePageTurns(page, metrics);
    return { openMs, readyMs, openCpuMs, openScriptMs, openLongestTaskMs: longest(openTasks), openTasksOver100Ms: openTasks.filter((task) => task.duration > 100).length, scrollLongestTaskMs: longest(scrollTasks), scrollTasksOver100Ms: scrollTasks.filter((task) => task.duration > 100).length, scrollScriptMs, ...turns };
  } finally {
    await browser.close();
    serve.kill('SIGTERM');
    await new Promise((resolve) => serve.once('exit', resolve));
  }
}

const PAGE_TURNS = 30;

/**
 * The page's JavaScript time (Chromium's `ScriptDuration`, in ms) since `session` enabled its
 * metrics: a session counts only from then, so one session serves the whole page.
 */
async function scriptMs(session) {
  const { metrics } = await session.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'ScriptDuration').value * 1000;
}

/**
 * The open book switched to two columns of pages, then PAGE_TURNS turns with Page Down, one at a
 * time: each from the key's event to the first frame painted after the page moved (a task queued
 * from the animation frame that follows the scroll runs once that frame is painted). Median and
 * longest, in ms.
 */
async function measurePageTurns(page, metrics) {
  await page.getByRole('button', { name: 'Text layout' }).click();
  await page.getByLabel('Layout', { exact: true }).selectOption('two-columns');
  await page.keyboard.press('Escape');
  await page.locator('.reading-status-text').filter({ hasText: /Page \d+ of \d+/ }).waitFor({ timeout: 180_000 });
  await page.locator('.reader-scroll').focus();
  await page.waitForTimeout(1000);
  const scriptBefore = await scriptMs(metrics);
  const times = [];
  for (let turn = 0; turn < PAGE_TURNS; turn += 1) {
    // Listening before the key is sent: the promise waits in the page.
    await page.evaluate(() => {
      window.__turn = new Promise((resolve) => {
        const scroller = document.querySelector('.reader-scroll');
        scroller.addEventListener(
          'keydown',
          (event) => {
            const pressed = event.timeStamp;
            scroller.addEventListener('scroll', () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - pressed))), { once: true });
          },
          { once: true, capture: true },
        );
        setTimeout(() => resolve('no key or no scroll in 30 s'), 30_000);
      });
    });
    const before = await page.locator('.reading-status-text').textContent();
    await page.keyboard.press('PageDown');
    const time = await page.evaluate(() => window.__turn);
    if (typeof time !== 'number') throw new Error(`page turn ${turn + 1}: ${time} (before: ${before}; after: ${await page.locator('.reading-status-text').textContent()})`);
    times.push(time);
    // Apart, as a reader turns them: the next turn starts after this one's work is done.
    await page.waitForTimeout(400);
  }
  const pageTurnsScriptMs = Math.round((await scriptMs(metrics)) - scriptBefore);
  const sorted = times.sort((a, b) => a - b);
  return { pageTurnMs: Math.round(sorted[sorted.length >> 1]), pageTurnLongestMs: Math.round(sorted.at(-1)), pageTurnsScriptMs };
}

const versions = [cliOf(undefined), ...(argument('--before') === undefined ? [] : [cliOf(argument('--before'))])];
const runs = Math.max(1, Number(argument('--runs') ?? 1));
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : Math.round((sorted[middle - 1] + sorted[middle]) / 2);
};
const prepared = [];
try {
  for (const version of versions) {
    const root = mkdtempSync(path.join(os.tmpdir(), 'quire-book-bench-'));
    prepared.push({ version, root, imported: await measureImport(version, root), opens: [] });
  }
  // The versions take turns opening, so a change in the machine's load falls on both.
  for (let run = 0; run < runs; run += 1) {
    for (const each of prepared) {
      const loadBefore = os.loadavg()[0];
      const opened = await measureOpen(each.version, each.root, each.imported.id, runs > 1 ? `${each.version.label}-${run + 1}` : each.version.label);
      const loadAfter = os.loadavg()[0];
      each.opens.push({ ...opened, load: Number(((loadBefore + loadAfter) / 2).toFixed(1)) });
      console.log(JSON.stringify({ version: each.version.label, run: run + 1, ...each.opens.at(-1) }));
    }
  }
} finally {
  for (const { root } of prepared) rmSync(root, { recursive: true, force: true });
}
const results = prepared.map(({ version, imported, opens }) => {
  const of = (key) => median(opens.map((open) => open[key]));
  const result = { version: version.label, ...imported, openMs: of('openMs'), readyMs: of('readyMs'), openCpuMs: of('openCpuMs'), openScriptMs: of('openScriptMs'), openLongestTaskMs: of('openLongestTaskMs'), openTasksOver100Ms: of('openTasksOver100Ms'), scrollLongestTaskMs: of('scrollLongestTaskMs'), scrollTasksOver100Ms: of('scrollTasksOver100Ms'), scrollScriptMs: of('scrollScriptMs'), pageTurnsScriptMs: of('pageTurnsScriptMs'), pageTurnMs: of('pageTurnMs'), pageTurnLongestMs: of('pageTurnLongestMs'), runs: opens.length, loadAfter: Number(os.loadavg()[0].toFixed(1)) };
  delete result.id;
  console.log(JSON.stringify(result));
  return result;
});
const cpus = os.cpus();
console.log(`\nMachine: ${cpus.length} × ${cpus[0]?.model.trim()}, ${mb(os.totalmem()) / 1024 | 0} GB RAM, Node ${process.version}. Book: ${path.basename(bookFile)}.${runs > 1 ? ` Opening: the median of ${runs} runs each, interleaved.` : ''}`);
console.log(`| version | import wall | import CPU | peak RSS (import) | load | open at 70 % | whole reader in (CPU: page, browser, server; the page's script time) | longest task opening | longest task scrolling 40 screens (script time) | page turn in two columns (median, longest of ${PAGE_TURNS}; script time) |`);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  console.log(`| ${r.version} | ${r.seconds} s | ${r.cpuSeconds} s | ${r.peakRssMb} MB | ${r.loadAverage} | ${r.openMs} ms | ${r.readyMs} ms (${r.openCpuMs} ms CPU; ${r.openScriptMs} ms) | ${r.openLongestTaskMs} ms (${r.openTasksOver100Ms} over 100 ms) | ${r.scrollLongestTaskMs} ms (${r.scrollTasksOver100Ms} over 100 ms; ${r.scrollScriptMs} ms) | ${r.pageTurnMs} ms, ${r.pageTurnLongestMs} ms; ${r.pageTurnsScriptMs} ms |`);
}

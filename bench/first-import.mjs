/**
 * `npm run bench:first-import`: how long the first file chosen in the app's open dialog takes to be
 * imported after a while without imports (no import host running), with the host started as the
 * dialog opens (`prepareImport`, what the app does) and without (what it did before). Each run is
 * a fresh process: Quire opens, the dialog "shows" for `--choosing MS` (3000: someone picking a
 * file), then one real web page of the test corpus is imported; the time is from the choice to the
 * article in the library, and the longest block of Quire's thread meanwhile (the longest gap
 * between two turns of a 1 ms timer). The library is a new one, or with `--existing` one made
 * beforehand by another process (as the app's first import of a session meets it: a new library
 * says things at its first open that an existing one does not). With `--before <checkout>`, that
 * checkout's core and this one's are compared instead, both started as the app does. The two kinds
 * of run alternate, `--runs N` (5) of each; medians and ranges are printed.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stop as stopEsbuild } from 'esbuild';
import { bundleImportPath } from './bundle-import-path.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const PAGE = path.join(ROOT, 'tests', 'fixtures', 'corpus', 'web-pages', 'wikipedia', 'source.html');
const argument = (name) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};

/** Quire opened on the library under `root`, with one version's bundled core (`core`) and its import processes (`env`). */
async function openAt({ core, env, root }) {
  Object.assign(process.env, env);
  const settings = new Map();
  const { openQuire } = await import(core);
  return openQuire({
    libraryDir: path.join(root, 'library'),
    cacheDir: path.join(root, 'cache'),
    settings: { get: (key) => settings.get(key), set: (key, value) => void settings.set(key, value) },
    log: () => {},
  });
}

const making = argument('--make-library');
if (making !== undefined) {
  // In a process of its own: a library opened once and closed, for the runs to copy.
  await (await openAt(JSON.parse(making))).close();
  process.exit(0);
}

const measuring = argument('--measure');
if (measuring !== undefined) {
  // One run, in a process of its own: prints the milliseconds from the choice to the article and
  // the longest block of this thread meanwhile.
  const { prepared, choosingMs, ...opening } = JSON.parse(measuring);
  const quire = await openAt(opening);
  if (prepared) await quire.prepareImport();
  await new Promise((resolve) => setTimeout(resolve, choosingMs));
  const chosen = performance.now();
  let lastTurn = chosen;
  let longestBlock = 0;
  const turns = setInterval(() => {
    const now = performance.now();
    longestBlock = Math.max(longestBlock, now - lastTurn);
    lastTurn = now;
  }, 1);
  const [outcome] = await quire.importPaths([PAGE]);
  const elapsed = performance.now() - chosen;
  clearInterval(turns);
  longestBlock = Math.max(longestBlock, performance.now() - lastTurn);
  await quire.close();
  if (outcome?.status !== 'imported') throw new Error(`The page was not imported: ${JSON.stringify(outcome)}`);
  console.log(JSON.stringify({ ms: Math.round(elapsed), longestBlockMs: Math.round(longestBlock) }));
  process.exit(0);
}

const runs = Number(argument('--runs') ?? 5);
const choosingMs = Number(argument('--choosing') ?? 3000);
const existing = process.argv.includes('--existing');
const before = argument('--before');
const work = path.join(ROOT, '.cache', 'bench-first-import');
rmSync(work, { recursive: true, force: true });
const bundledNow = await bundleImportPath(path.join(ROOT, 'electron'), path.join(work, 'now'));
const bundledBefore = before === undefined ? null : await bundleImportPath(path.join(path.resolve(before), 'electron'), path.join(work, 'before'));
await stopEsbuild();

/** The two kinds of run compared: the host started at the choice or as the dialog opens; or two versions. */
const kinds =
  bundledBefore === null
    ? [
        { label: 'started when the file is chosen', bundled: bundledNow, prepared: false },
        { label: 'started as the dialog opens (prepareImport)', bundled: bundledNow, prepared: true },
      ]
    : [
        { label: `before (${before})`, bundled: bundledBefore, prepared: true },
        { label: 'now', bundled: bundledNow, prepared: true },
      ];
const run = (args) => execFileSync(process.execPath, [import.meta.filename, ...args], { encoding: 'utf8' });
// Each version's library made once, by its own core, in a process of its own.
const templates = new Map();
if (existing) {
  for (const { bundled } of kinds) {
    if (templates.has(bundled)) continue;
    const root = mkdtempSync(path.join(os.tmpdir(), 'quire-first-import-library-'));
    run(['--make-library', JSON.stringify({ ...bundled, root })]);
    templates.set(bundled, root);
  }
}

const times = kinds.map(() => []);
const blocks = kinds.map(() => []);
for (let round = 0; round < runs; round++) {
  for (const [i, { bundled, prepared }] of kinds.entries()) {
    const root = mkdtempSync(path.join(os.tmpdir(), 'quire-first-import-'));
    if (existing) cpSync(templates.get(bundled), root, { recursive: true });
    const printed = run(['--measure', JSON.stringify({ ...bundled, prepared, choosingMs, root })]);
    rmSync(root, { recursive: true, force: true });
    const { ms, longestBlockMs } = JSON.parse(printed.trim().split('\n').pop());
    times[i].push(ms);
    blocks[i].push(longestBlockMs);
  }
}
for (const root of templates.values()) rmSync(root, { recursive: true, force: true });
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const summary = (values) => `${median(values)} ms (${Math.min(...values)}–${Math.max(...values)})`;
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)} at the end`;
const command = ['npm run bench:first-import --', `--runs ${runs}`, `--choosing ${choosingMs}`, ...(existing ? ['--existing'] : []), ...(before === undefined ? [] : [`--before ${before}`])].join(' ');
console.log(`\`${command}\` on ${machine}: one web page chosen after ${choosingMs} ms in the dialog, into ${existing ? 'a library made beforehand by another process' : 'a new library'}, ${runs} runs of each in turn, median (range):\n`);
console.log(`| ${bundledBefore === null ? 'the import host' : 'version'} | chosen → in the library | longest block of Quire's thread meanwhile |`);
console.log('|---|---|---|');
for (const [i, { label }] of kinds.entries()) console.log(`| ${label} | ${summary(times[i])} | ${summary(blocks[i])} |`);

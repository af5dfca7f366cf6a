/**
 * `npm run bench:first-import`: how long the first file chosen in the app's open dialog takes to be
 * imported after a while without imports (no import host running), with the host started as the
 * dialog opens (`prepareImport`, what the app does) and without (what it did before). Each run is
 * a fresh process and a fresh library: Quire opens, the dialog "shows" for `--choosing MS` (3000:
 * someone picking a file), then one real web page of the test corpus is imported; the time is from
 * the choice to the article in the library. The two kinds of run alternate, `--runs N` (5) of each;
 * medians and ranges are printed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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

const measuring = argument('--measure');
if (measuring !== undefined) {
  // One run, in a process of its own: prints the milliseconds from the choice to the article.
  const { core, env, prepared, choosingMs, root } = JSON.parse(measuring);
  Object.assign(process.env, env);
  const settings = new Map();
  const { openQuire } = await import(core);
  const quire = await openQuire({
    libraryDir: path.join(root, 'library'),
    cacheDir: path.join(root, 'cache'),
    settings: { get: (key) => settings.get(key), set: (key, value) => void settings.set(key, value) },
    log: () => {},
  });
  if (prepared) await quire.prepareImport();
  await new Promise((resolve) => setTimeout(resolve, choosingMs));
  const chosen = performance.now();
  const [outcome] = await quire.importPaths([PAGE]);
  const elapsed = performance.now() - chosen;
  await quire.close();
  if (outcome?.status !== 'imported') throw new Error(`The page was not imported: ${JSON.stringify(outcome)}`);
  console.log(Math.round(elapsed));
  process.exit(0);
}

const runs = Number(argument('--runs') ?? 5);
const choosingMs = Number(argument('--choosing') ?? 3000);
const work = path.join(ROOT, '.cache', 'bench-first-import');
rmSync(work, { recursive: true, force: true });
const bundled = await bundleImportPath(path.join(ROOT, 'electron'), path.join(work, 'now'));
await stopEsbuild();

const times = { cold: [], prepared: [] };
for (let run = 0; run < runs; run++) {
  for (const kind of ['cold', 'prepared']) {
    const root = mkdtempSync(path.join(os.tmpdir(), 'quire-first-import-'));
    const job = { ...bundled, prepared: kind === 'prepared', choosingMs, root };
    const printed = execFileSync(process.execPath, [import.meta.filename, '--measure', JSON.stringify(job)], { encoding: 'utf8' });
    rmSync(root, { recursive: true, force: true });
    times[kind].push(Number(printed.trim().split('\n').pop()));
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const summary = (values) => `${median(values)} ms (${Math.min(...values)}–${Math.max(...values)})`;
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)} at the end`;
console.log(`\`npm run bench:first-import -- --runs ${runs} --choosing ${choosingMs}\` on ${machine}: one web page chosen after ${choosingMs} ms in the dialog, into a new library, ${runs} runs of each in turn, median (range):\n`);
console.log('| the import host | chosen → in the library |');
console.log('|---|---|');
console.log(`| started when the file is chosen | ${summary(times.cold)} |`);
console.log(`| started as the dialog opens (prepareImport) | ${summary(times.prepared)} |`);

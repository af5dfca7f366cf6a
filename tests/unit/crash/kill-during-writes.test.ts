/**
 * Crash safety, proven (docs/security.md, "Hostile files, crashes and restores"): processes are
 * killed with SIGKILL at seeded random moments while they (a) import a folder of a few hundred real
 * web pages with the built CLI and (b) write bursts of bookmarks and notes through the core
 * (tests/support/crash-child.ts). After every kill the library is checked as a person's next start
 * would find it:
 *
 * 1. `checkLibrary` (deep, with the index) reports only what a crash is allowed to leave and the
 *    next open or `quire check --repair` clears: temp files of interrupted atomic writes
 *    (`<file>.<digits>`), `.tmp-<id>` staging folders, and a search index behind the files
 *    (`reindex`). Anything else (an unreadable article.json or annotation, a missing or
 *    mismatched text.txt/content.html, a quarantine) is a partial write and fails the trial.
 * 2. No partial file: every JSON file of the library and of the index parses, apart from the temp
 *    files above.
 * 3. The repair (`repairLibrary`, then opening the library, which re-indexes) ends with a check
 *    that reports nothing.
 * 4. Every acknowledged write is there with its content (and an acknowledged delete is gone);
 *    a write in flight at the kill is either wholly there or wholly absent.
 * 5. The index agrees with the files: each acknowledged note is found by searching its own
 *    unique word, a deleted one is not, and each imported article is found by a word of its text.
 *
 * Seed: QUIRE_CRASH_SEED (printed); QUIRE_CRASH_LONG=1 runs many more trials with later kills.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheDirFor } from '../../../electron/core/app-paths';
import { isAtomicWriteLeftover, isStagingLeftover } from '../../../electron/core/fs/leftovers';
import { checkLibrary } from '../../../electron/core/library/check/check-library';
import type { CheckProblem } from '../../../electron/core/library/check/check-types';
import { repairLibrary } from '../../../electron/core/library/check/repair-library';
import { openQuire, type QuireCore } from '../../../electron/core/open-quire';
import type { Annotation } from '../../../electron/shared/models';
import { seededRandom, type CrashLine, type CrashOp } from '../../support/crash-protocol';
import { webPages } from '../core/support/corpus';

const LONG = process.env.QUIRE_CRASH_LONG === '1';
const SEED = Number(process.env.QUIRE_CRASH_SEED ?? 7_2026);
/** Default: 50 kills (both kinds of trial) in about two minutes on a loaded 2-core machine. */
const ANNOTATION_TRIALS = LONG ? 300 : 42;
const IMPORT_TRIALS = LONG ? 60 : 8;
/**
 * An import is killed once this many of its articles are in the library, drawn per trial from 1 to
 * this: a count rather than a time, so a loaded machine (slower imports) still gets kills deep into
 * the import, and each trial verifies as many acknowledged articles as it drew. Kept well under
 * the 240 distinct articles the files make: a larger draw let a fast import finish before its kill
 * (the long run's trial 354, when most copies were duplicates and only 78 articles distinct).
 */
const IMPORT_KILL_AFTER_MAX = LONG ? 60 : 24;
/** Copies of each of the 24 corpus pages: 240 distinct files to import, 240 distinct articles. */
const PAGE_COPIES = 10;
/** Trials run side by side; each has its own library copy. */
const CONCURRENCY = Number(process.env.QUIRE_CRASH_CONCURRENCY ?? 4);
const CLI = path.resolve('out/cli/index.js');
const CHILD_DIR = path.resolve('node_modules/.cache/quire-crash');
const CHILD_BUNDLE = path.join(CHILD_DIR, 'crash-child.mjs');

/** Repairs a crash is allowed to leave: exactly what the next open or `check --repair` clears. */
const EXPECTED_AFTER_CRASH = new Set(['remove-leftover', 'reindex']);

const memorySettings = () => {
  const data = new Map<string, unknown>();
  return { get: (k: string) => data.get(k), set: (k: string, v: unknown) => void data.set(k, v) };
};

let work: string;
let template: { libraryDir: string; indexDir: string; articleIds: string[]; annotations: Annotation[] };
let pagesDir: string;
const random = seededRandom(SEED);
const tally = { annotation: 0, import: 0, acked: 0, leftovers: 0, reindexed: 0, imported: 0 };
/** Imported articles verified by each import trial, to show how deep into the imports the kills land. */
const importedPerTrial: number[] = [];

beforeAll(async () => {
  console.log(`crash tests: seed ${SEED} (QUIRE_CRASH_SEED to repeat), ${LONG ? 'long' : 'default'} run`);
  work = mkdtempSync(path.join(tmpdir(), 'quire-crash-'));
  // The core is TypeScript with bundler-style imports: the child runs as one bundle, with its
  // dependencies resolved from node_modules (hence the bundle lives under it) and its workers
  // from out/worker, like the shipped CLI. Split at the core's dynamic imports as the shipped build
  // is (scripts/build-node.mjs): in one file, the importers' packages (jsdom, linkedom, pdf.js…),
  // which bookmark and note writes never use, were loaded at every child's start, about 1 s of
  // CPU each of 42 times, and the early kills met module loading rather than the library's open.
  rmSync(CHILD_DIR, { recursive: true, force: true });
  await build({
    entryPoints: ['tests/support/crash-child.ts'],
    outdir: CHILD_DIR,
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    packages: 'external',
    external: ['electron'],
    logLevel: 'warning',
  });

  // One prepared library, copied per trial: a few short articles with bookmarks and notes.
  const root = path.join(work, 'template');
  const sources = path.join(work, 'template-sources');
  mkdirSync(sources, { recursive: true });
  for (const [i, subject] of ['lighthouses', 'orchards', 'glaciers', 'harbours'].entries()) {
    writeFileSync(
      path.join(sources, `${subject}.md`),
      `# Notes on ${subject}\n\nA short article about ${subject}, written for the crash tests.\n\nIt has a second paragraph, number ${i + 1}, so that passages can be bookmarked.\n`,
    );
  }
  const core = await openQuire({ libraryDir: path.join(root, 'library'), cacheDir: path.join(root, 'cache'), settings: memorySettings(), log: () => {} });
  try {
    const outcomes = await core.importPaths([sources]);
    const articleIds = outcomes.flatMap((o) => (o.status === 'imported' ? [o.article.id] : []));
    expect(articleIds).toHaveLength(4);
    await core.createAnnotation({ articleId: articleIds[0]!, kind: 'bookmark', passage: { quote: 'second paragraph' }, note: 'Template zqtemplatebookvx.' });
    await core.createAnnotation({ articleId: articleIds[1]!, kind: 'note', note: 'Template zqtemplatenotevx.' });
    await core.whenIndexed();
    template = { libraryDir: path.join(root, 'library'), indexDir: path.join(root, 'cache', 'index'), articleIds, annotations: await core.listAllAnnotations() };
  } finally {
    await core.close();
  }
  expect((await checkLibrary(template.libraryDir, { indexDir: template.indexDir })).problems).toEqual([]);

  // 240 distinct real pages, each a distinct article: a numbered paragraph makes each copy unique,
  // and its number begins every paragraph too, since Readability drops the paragraph of most pages
  // (the copies then were the same article: an import read three files for each one it wrote, and
  // most of the wait for the drawn count went to duplicates, where there is nothing to kill).
  pagesDir = path.join(work, 'pages');
  mkdirSync(pagesDir);
  for (const page of webPages()) {
    const html = readFileSync(page.file, 'utf8');
    for (let copy = 1; copy <= PAGE_COPIES; copy += 1) {
      const marked = html
        .replace(/<body([^>]*)>/i, `<body$1><p>Copy ${copy} of ${page.name}, kept for the crash test.</p>`)
        .replace(/<p(?=[\s>])([^>]*)>/gi, `<p$1>Copy ${copy}: `);
      writeFileSync(path.join(pagesDir, `${page.name}-${String(copy).padStart(2, '0')}.html`), marked);
    }
  }
}, 120_000);

afterAll(() => {
  console.log(
    `crash tests: ${tally.annotation} kills during annotation bursts (${tally.acked} acknowledged writes verified), ` +
      `${tally.import} kills during imports (${tally.imported} imported articles verified, per trial: ${importedPerTrial.join(', ')}); ` +
      `${tally.leftovers} temp leftovers and ${tally.reindexed} stale index reports repaired`,
  );
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Every file below `dir` (symlinks are not followed; Quire writes none). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out;
}

/**
 * Steps 1 to 3 of the header: only expected problems, no partial file, and the repair the next
 * start does ends consistent. Returns the library opened after the repair, for the content checks.
 */
async function checkAndRepair(label: string, libraryDir: string, indexDir: string, cacheDir: string): Promise<QuireCore> {
  const before = await checkLibrary(libraryDir, { indexDir });
  const unexpected = before.problems.filter((p: CheckProblem) => p.repair === null || !EXPECTED_AFTER_CRASH.has(p.repair.kind));
  expect(unexpected, `${label}: problems a crash must not leave`).toEqual([]);

  for (const file of [...filesUnder(libraryDir), ...filesUnder(indexDir)]) {
    const name = path.basename(file);
    const inStaging = file.split(path.sep).some(isStagingLeftover);
    if (isAtomicWriteLeftover(name) || inStaging) {
      // Allowed only as a leftover the check reports (and the repair removes).
      const reported = before.problems.some((p) => p.repair?.kind === 'remove-leftover' && (file === p.repair.path || file.startsWith(p.repair.path + path.sep)));
      expect(reported, `${label}: ${file} is a leftover the check did not report`).toBe(true);
      continue;
    }
    if (name.endsWith('.json')) {
      const raw = readFileSync(file, 'utf8');
      expect(() => JSON.parse(raw), `${label}: ${file} is a partial JSON file`).not.toThrow();
    }
    if (name === 'content.html' || name === 'text.txt') expect(statSync(file).size, `${label}: ${file} is empty`).toBeGreaterThan(0);
  }
  tally.leftovers += before.problems.filter((p) => p.repair?.kind === 'remove-leftover').length;
  tally.reindexed += before.problems.filter((p) => p.repair?.kind === 'reindex').length;

  // What `quire check --repair` does: the file repairs, then opening the library re-indexes.
  const outcome = await repairLibrary(libraryDir, before.problems, () => new Date().toISOString());
  expect(outcome.failures, label).toEqual([]);
  const core = await openQuire({ libraryDir, cacheDir, settings: memorySettings(), log: () => {} });
  core.reindexArticles(outcome.touched);
  await core.whenIndexed();
  return core;
}

async function closeAndExpectConsistent(label: string, core: QuireCore, libraryDir: string, indexDir: string): Promise<void> {
  await core.close();
  const after = await checkLibrary(libraryDir, { indexDir });
  expect(after.problems, `${label}: after the repair`).toEqual([]);
}

type Expected = { articleId: string; note: string } | null;

interface TrialPlan {
  kind: 'annotation' | 'import';
  trial: number;
  childSeed: number;
  /** kill before the child is ready (annotations) or before its first article lands (import) */
  early: boolean;
  /** annotations: after the child is ready; import: when early, after the start, else after the kill count is reached */
  delayMs: number;
  burst: number;
  /** import: the number of its articles in the library when the kill comes (unless early) */
  killAfterArticles: number;
}

/** Every trial's choices, drawn from the seed before any runs, so running them side by side stays reproducible. */
function planTrials(): TrialPlan[] {
  const plans: TrialPlan[] = [];
  // Its own stream, so the annotation trials draw exactly what they drew before it existed.
  const importRandom = seededRandom(SEED + 1);
  for (let trial = 1; trial <= ANNOTATION_TRIALS + IMPORT_TRIALS; trial += 1) {
    // Import trials spread evenly among the others (exactly IMPORT_TRIALS of them).
    const total = ANNOTATION_TRIALS + IMPORT_TRIALS;
    const kind = Math.floor((trial * IMPORT_TRIALS) / total) > Math.floor(((trial - 1) * IMPORT_TRIALS) / total) ? 'import' : 'annotation';
    // Mostly mid-write; sometimes while the process is still starting (recovery, index load).
    const early = random() < 0.15;
    // For imports, a short extra delay after the drawn count: the kill lands anywhere in the next
    // article's writes.
    const span = kind === 'import' ? 300 : LONG ? 1500 : 350;
    const killAfterArticles = kind === 'import' ? 1 + Math.floor(importRandom() * IMPORT_KILL_AFTER_MAX) : 0;
    plans.push({ kind, trial, childSeed: Math.floor(random() * 1e6), early, delayMs: early ? random() * 700 : random() * span, burst: 1 + Math.floor(random() * 6), killAfterArticles });
  }
  return plans;
}

/** Runs `tasks` with at most `limit` at once. */
async function runPool(tasks: (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < tasks.length) await tasks[next++]!();
  };
  await Promise.all(Array.from({ length: limit }, lane));
}

/** Kill during a burst of bookmark and note writes. */
async function annotationTrial(plan: TrialPlan): Promise<void> {
  const { trial } = plan;
  const label = `annotation trial ${trial} (seed ${SEED})`;
  const root = path.join(work, `a${trial}`);
  const libraryDir = path.join(root, 'library');
  const cacheDir = path.join(root, 'cache');
  cpSync(template.libraryDir, libraryDir, { recursive: true });
  cpSync(template.indexDir, path.join(cacheDir, 'index'), { recursive: true });

  const { childSeed, early: duringOpen, delayMs, burst } = plan;
  const child = spawn(process.execPath, [CHILD_BUNDLE, JSON.stringify({ libraryDir, cacheDir, seed: childSeed, articleIds: template.articleIds, burst })], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: CrashLine[] = [];
  let stderr = '';
  let buffered = '';
  // 'close' comes after stdout is drained, so every line printed before the kill is here.
  const closed = new Promise<NodeJS.Signals | null>((resolve) => child.once('close', (_code, signal) => resolve(signal)));
  const ready = new Promise<void>((resolve) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const complete = buffered.split('\n');
      buffered = complete.pop()!;
      for (const line of complete) {
        const parsed = JSON.parse(line) as CrashLine;
        lines.push(parsed);
        if (parsed.t === 'ready') resolve();
      }
    });
    child.once('exit', () => resolve());
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  if (!duringOpen) await ready;
  const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
  const signal = await closed;
  clearTimeout(timer);
  expect(signal, `${label}: the child must die by the kill, not by an error: ${stderr}`).toBe('SIGKILL');
  tally.annotation += 1;

  // The expected state: the template's annotations, then every acknowledged write in order.
  const expected = new Map<string, Expected>(template.annotations.map((a) => [a.id, { articleId: a.articleId, note: a.note }]));
  const inFlight = new Map<number, CrashOp>();
  for (const line of lines) {
    if (line.t === 'begin') inFlight.set(line.op.seq, line.op);
    if (line.t !== 'ack') continue;
    inFlight.delete(line.op.seq);
    tally.acked += 1;
    if (line.op.kind === 'delete') expected.set(line.id, null);
    else expected.set(line.id, { articleId: line.op.articleId, note: line.op.note });
  }

  const indexDir = path.join(cacheDir, 'index');
  const core = await checkAndRepair(label, libraryDir, indexDir, cacheDir);
  try {
    const present = new Map((await core.listAllAnnotations()).map((a) => [a.id, a]));
    for (const [id, state] of expected) {
      const pending = [...inFlight.values()].find((op) => op.kind !== 'create' && op.id === id);
      const actual = present.get(id);
      const actualState: Expected = actual ? { articleId: actual.articleId, note: actual.note } : null;
      const allowed: Expected[] = [state];
      if (pending?.kind === 'update') allowed.push({ articleId: pending.articleId, note: pending.note });
      if (pending?.kind === 'delete') allowed.push(null);
      expect(allowed, `${label}: annotation ${id} after the crash`).toContainEqual(actualState);
    }
    for (const [id, actual] of present) {
      if (expected.has(id)) continue;
      // Only a create whose call had not resolved may have left a new annotation, and a whole one.
      const creating = [...inFlight.values()].some((op) => op.kind === 'create' && op.articleId === actual.articleId && op.note === actual.note);
      expect(creating, `${label}: annotation ${id} was never written (${actual.note})`).toBe(true);
    }
    // The index agrees: every note present is found by its own word; a deleted one is not.
    for (const [id, actual] of present) {
      const word = /zq[a-z]+vx/.exec(actual.note)?.[0];
      if (!word) continue;
      const { hits } = await core.search(word, { limit: 50 });
      expect(hits.some((h) => h.annotationId === id), `${label}: note ${id} (${word}) is not in the index`).toBe(true);
    }
    for (const line of lines) {
      if (line.t !== 'ack' || line.op.kind === 'create' || present.has(line.id)) continue;
      const word = /zq[a-z]+vx/.exec(line.op.kind === 'update' ? line.op.note : '')?.[0];
      if (!word) continue;
      const { hits } = await core.search(word, { limit: 50 });
      expect(hits.some((h) => h.annotationId === line.id), `${label}: deleted note ${line.id} is still in the index`).toBe(false);
    }
  } finally {
    await closeAndExpectConsistent(label, core, libraryDir, indexDir);
  }
  rmSync(root, { recursive: true, force: true });
}

/** Kill while the built CLI imports 240 real pages: `quire --library DIR import FOLDER`. */
async function importTrial(plan: TrialPlan): Promise<void> {
  const label = `import trial ${plan.trial} (seed ${SEED})`;
  const root = path.join(work, `i${plan.trial}`);
  const libraryDir = path.join(root, 'library');
  const home = path.join(root, 'home');
  cpSync(template.libraryDir, libraryDir, { recursive: true });
  // Where the CLI keeps this library's index (the same rule as the app: a cache per library).
  const cacheDir = cacheDirFor(path.join(home, 'config', 'Quire'), libraryDir);
  const indexDir = path.join(cacheDir, 'index');
  cpSync(template.indexDir, indexDir, { recursive: true });
  const articlesDir = path.join(libraryDir, 'articles');
  // Article folders only: a `.tmp-<id>` staging folder is an article still being written.
  const articleCount = (): number => readdirSync(articlesDir).filter((name) => !name.startsWith('.')).length;
  const before = articleCount();

  const child = spawn(process.execPath, [CLI, '--library', libraryDir, 'import', pagesDir], {
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), QUIRE_LIBRARY: '', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  // The summary goes to stdout: kept (its end) to explain an import that ended before its kill.
  let stdout = '';
  let exitCode: number | null = null;
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.on('data', (chunk: Buffer) => (stdout = (stdout + chunk.toString()).slice(-4000)));
  const closed = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('close', (code, signal) => {
      exitCode = code;
      resolve(signal);
    }),
  );
  let exited = false;
  void closed.then(() => (exited = true));
  if (!plan.early) {
    // Wait for the drawn number of articles, so the kill lands among the writes, as deep as drawn.
    const deadline = Date.now() + 120_000;
    while (!exited && Date.now() < deadline && articleCount() - before < plan.killAfterArticles) await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const timer = setTimeout(() => child.kill('SIGKILL'), plan.delayMs);
  const signal = await closed;
  clearTimeout(timer);
  expect(signal, `${label}: the import must die by the kill (it was not meant to finish); it exited with code ${exitCode}: ${stderr}\n${stdout}`).toBe('SIGKILL');
  tally.import += 1;

  const core = await checkAndRepair(label, libraryDir, indexDir, cacheDir);
  try {
    const templateIds = new Set(template.articleIds);
    const articles = (await core.listArticles()).filter((a) => !templateIds.has(a.id));
    importedPerTrial.push(articles.length);
    expect(articles.length + templateIds.size, label).toBe((await core.listArticles()).length);
    // The index agrees with the files: each imported article is found by a word of its own text.
    for (const article of articles) {
      const text = readFileSync(path.join(articlesDir, article.id, 'text.txt'), 'utf8');
      const word = text.match(/\p{L}{6,}/u)?.[0] ?? text.match(/\p{L}{2,}/u)?.[0];
      expect(word, `${label}: ${article.id} has no word to search for`).toBeDefined();
      const { hits } = await core.search(word!, { limit: 1000 });
      expect(hits.some((h) => h.articleId === article.id), `${label}: article ${article.id} (${word}) is not in the index`).toBe(true);
      tally.imported += 1;
    }
  } finally {
    await closeAndExpectConsistent(label, core, libraryDir, indexDir);
  }
  rmSync(root, { recursive: true, force: true });
}

describe('SIGKILL during imports and bursts of bookmark and note writes', () => {
  it(`keeps every acknowledged write and leaves a library the next open makes consistent (${ANNOTATION_TRIALS + IMPORT_TRIALS} kills)`, async () => {
    const started = Date.now();
    const plans = planTrials();
    // Side by side: most of a trial is waiting (process start, fsync), and each has its own
    // library.
    await runPool(plans.map((plan) => () => (plan.kind === 'import' ? importTrial(plan) : annotationTrial(plan))), CONCURRENCY);
    console.log(`crash tests: ${plans.length} trials in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, LONG ? 3_600_000 : 240_000);
});

/** Entry point of the `quire` command (bin/quire.js imports the bundled out/cli/index.js). */
import { commandOf, startSearchIndex, type StartedSearchIndex } from './early-search';
import { startEarlyPrefetch, type EarlyPrefetch } from './early-prefetch';

// `quire search` starts its index's worker before the rest of the command line loads, so that
// the worker's start and its reading of the index overlap this thread's (early-search.ts).
const { command, libraryFlag } = commandOf(process.argv.slice(2));
let started: StartedSearchIndex | null = null;
if (command === 'search') {
  try {
    started = startSearchIndex(libraryFlag);
  } catch {
    // The command meets the same problem (a library folder it cannot use) and says it.
  }
}
// The commands that open the whole library have its metadata read ahead meanwhile (early-prefetch.ts).
let early: EarlyPrefetch | null = null;
try {
  early = startEarlyPrefetch(command, libraryFlag);
} catch {
  // As above: the command says what is wrong with the library folder.
}
const [{ default: path }, { logToStderr, openCliCore, searchCliIfInStep }, { runCli }, { findProjectRoot }] = await Promise.all([
  import('node:path'),
  import('./open-core'),
  import('./program'),
  import('../core/app-root'),
]);

/**
 * `on`, not `once`: the library lock's exit hook (signal-exit, under proper-lockfile) ends the
 * process itself on a signal that has no other listener left, before `serve` could close cleanly.
 */
const waitForStop = (): Promise<void> =>
  new Promise((resolve) => {
    process.on('SIGINT', () => resolve());
    process.on('SIGTERM', () => resolve());
  });

/**
 * Whoever reads the output stopped reading (`quire list | head -1`): the rest of the output is
 * dropped, and the command itself runs to its end, so a write in progress is never cut short.
 */
let stdoutClosed = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  stdoutClosed = true;
});

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => {
    if (!stdoutClosed) process.stdout.write(text);
  },
  stderr: (text) => process.stderr.write(text),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  terminal: Boolean(process.stderr.isTTY),
  env: process.env,
  openCore: (flag, options) => openCliCore(flag, options, early),
  searchIfInStep: (flag, query, options) => searchCliIfInStep(flag, query, options, started),
  rendererDir: path.join(findProjectRoot(), 'out', 'renderer'),
  waitForStop,
  log: logToStderr,
});
process.exitCode = code;
// The command's work is done (runCli returns once the core is closed and the index written), so
// the process ends as soon as its output is out, rather than when Node has torn down every thread
// and heap one by one: about 20 ms of a `quire list` over 10,000 articles. Pipes are asynchronous
// on macOS and Windows, hence the wait for what was written to be handed over.
await Promise.all([flushed(process.stdout, stdoutClosed), flushed(process.stderr, false)]);
process.exit(code);

/** Resolves once everything written to `stream` before now has been handed to the system. */
function flushed(stream: NodeJS.WriteStream, closed: boolean): Promise<void> {
  if (closed || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => stream.write('', () => resolve()));
}

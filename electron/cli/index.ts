/** Entry point of the `quire` command (bin/quire.js imports the bundled out/cli/index.js). */
import path from 'node:path';
import { logToStderr, openCliCore } from './open-core';
import { runCli } from './program';
import { findProjectRoot } from '../core/app-root';

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
  openCore: openCliCore,
  rendererDir: path.join(findProjectRoot(), 'out', 'renderer'),
  waitForStop,
  log: logToStderr,
});
process.exitCode = code;
// The core is closed by now; if anything still holds the event loop, do not hang the shell.
setTimeout(() => process.exit(code), 3000).unref();

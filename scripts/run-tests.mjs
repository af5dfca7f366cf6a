// `npm test`: every check, then one closing line ("tests: N passed, N failed, N skipped") that
// counts unit and end-to-end tests together. The read-only checks run at the lowest CPU priority
// beside the build and the unit tests (below); then the end-to-end tests.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureTestBrowser } from './test-browser.mjs';

const reportDir = path.resolve('test-results', 'reports');
// Old reports must never be counted as this run's results.
rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });
const vitestReport = path.join(reportDir, 'vitest.json');
const playwrightReport = path.join(reportDir, 'playwright.json');

/**
 * The checks that only read the sources (types, lint, Doyensec's Electron scanner), side by side:
 * each keeps one core busy for about half a minute. They run at the lowest CPU priority while the
 * build and the unit tests run, in the time those leave (the unit tests' two workers spend much of
 * theirs waiting on the processes they start), instead of taking half a minute of their own before
 * them; where the import host (at priority 10) wants the same core, it outweighs them about seven
 * to one (CPU weights 110 and 15). Their output is printed whole, one after the other, once the
 * unit step has ended.
 */
const readOnlyChecks = [
  { name: 'typecheck', cmd: 'npm', args: ['run', '--silent', 'typecheck'] },
  { name: 'lint', cmd: 'npm', args: ['run', '--silent', 'lint'] },
  // A few seconds, offline: the Electron checklist as Doyensec's scanner sees it (docs/security.md).
  { name: 'electronegativity', cmd: 'npm', args: ['run', '--silent', 'security:electronegativity'] },
];

const steps = [
  { name: 'build', cmd: 'npm', args: ['run', '--silent', 'build'] },
  {
    name: 'unit',
    cmd: 'npx',
    args: ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`],
    // out/ was built by the step before: the tests' global setup need not build it again.
    env: { QUIRE_SKIP_BUILD: '1' },
  },
  {
    name: 'e2e',
    cmd: 'npx',
    args: ['playwright', 'test'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport },
    // A clean clone has no browser yet: find Debian's or fetch Playwright's, or say what to install.
    prepare: ensureTestBrowser,
  },
];

/** `cmd args` at the lowest CPU priority, where `nice` exists. */
const lowestPriority = (cmd, args) => (process.platform === 'win32' ? { cmd, args } : { cmd: 'nice', args: ['-n', '19', cmd, ...args] });

/** Runs a command at the lowest CPU priority with its output kept, for printing once it has ended. */
function runKept(check) {
  const { cmd, args } = lowestPriority(check.cmd, check.args);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => resolve({ status: null, output: `${error.message}\n` }));
    child.on('close', (status) => resolve({ status, output: Buffer.concat(output).toString() }));
  });
}

/** Runs a step with its output shown as it comes; not synchronous, so the checks' pipes keep draining. */
function runShown({ cmd, args, env }) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', (error) => {
      console.log(error.message);
      resolve(null);
    });
    child.on('close', (status) => resolve(status));
  });
}

const failedSteps = [];
const checking = Promise.all(readOnlyChecks.map(runKept));
for (const step of steps) {
  if (step.name === 'e2e') {
    // The read-only checks' reports, once the unit tests (beside which they ran) have ended.
    const checked = await checking;
    readOnlyChecks.forEach((check, i) => {
      console.log(`\n=== ${check.name} ===`);
      process.stdout.write(checked[i].output);
      if (checked[i].status !== 0) failedSteps.push(check.name);
    });
  }
  console.log(`\n=== ${step.name} ===`);
  const cannotRun = step.prepare ? await step.prepare() : null;
  if (cannotRun) {
    console.log(cannotRun);
    failedSteps.push(`${step.name} (not run)`);
    continue;
  }
  if ((await runShown(step)) !== 0) failedSteps.push(step.name);
}

const counts = { passed: 0, failed: 0, skipped: 0 };
if (existsSync(vitestReport)) {
  const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
  counts.passed += report.numPassedTests ?? 0;
  counts.failed += report.numFailedTests ?? 0;
  counts.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
if (existsSync(playwrightReport)) {
  const stats = JSON.parse(readFileSync(playwrightReport, 'utf8')).stats ?? {};
  counts.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  counts.failed += stats.unexpected ?? 0;
  counts.skipped += stats.skipped ?? 0;
}
// A step that failed without failing a test (typecheck, lint, build, a crashed runner) still fails the run.
const stepFailures = failedSteps.filter((name) => name !== 'unit' && name !== 'e2e').length;
if (failedSteps.length > 0) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`tests: ${counts.passed} passed, ${counts.failed + stepFailures} failed, ${counts.skipped} skipped`);
process.exit(failedSteps.length > 0 ? 1 : 0);

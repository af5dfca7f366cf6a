import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * The CI workflow that builds the installers and runs the packaged-app e2e on Windows, macOS and
 * Linux cannot run on this machine; it is checked offline: against the code host's workflow schema
 * (action-validator, which embeds it), and for what it must do.
 */
const WORKFLOW_FILE = path.resolve('.github/workflows/desktop.yml');
const source = readFileSync(WORKFLOW_FILE, 'utf8');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  jobs: Record<string, { 'runs-on': string; strategy: { matrix: { os: string[] } }; steps: Step[] }>;
}

const errorsOf = (yamlText: string) => validateWorkflow(yamlText).errors.map((error) => `${error.code}: ${error.title}`);

describe('.github/workflows/desktop.yml', () => {
  it('is a valid workflow by the workflow schema', () => {
    expect(errorsOf(source)).toEqual([]);
  });

  it('the validator rejects broken copies of it, so the check above can fail', () => {
    // A misspelt key, a job without a runner, a step that both runs and uses an action.
    expect(errorsOf(source.replace('runs-on:', 'runs_on:'))).not.toEqual([]);
    expect(errorsOf(source.replace('    timeout-minutes: 60\n', '    timeout-minutes: sixty\n'))).not.toEqual([]);
    expect(errorsOf(source.replace('        run: npm ci\n', '        run: npm ci\n        uses: actions/cache@v4\n'))).not.toEqual([]);
  });

  it('builds the installers on Windows, macOS and Linux with Node 24 without publishing, runs the packaged-app e2e and uploads the installers', () => {
    const workflow = parse(source) as Workflow;
    const [job] = Object.values(workflow.jobs);
    expect(job?.strategy.matrix.os.toSorted()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);
    expect(job?.['runs-on']).toBe('${{ matrix.os }}');
    const steps = job?.steps ?? [];
    const index = (match: (step: Step) => boolean): number => steps.findIndex(match);

    const checkout = index((step) => step.uses?.startsWith('actions/checkout@') === true);
    const node = index((step) => step.uses?.startsWith('actions/setup-node@') === true && step.with?.['node-version'] === 24);
    const install = index((step) => step.run === 'npm ci');
    const installers = index((step) => /npm run dist -- --publish never/.test(step.run ?? ''));
    const linuxE2e = index((step) => step.if === "runner.os == 'Linux'" && /^xvfb-run .*playwright test --project=electron$/.test(step.run ?? ''));
    const otherE2e = index((step) => step.if === "runner.os != 'Linux'" && /^npx playwright test --project=electron$/.test(step.run ?? ''));
    const upload = index((step) => step.uses?.startsWith('actions/upload-artifact@') === true && /release\/\*\.dmg/.test(String(step.with?.path)));
    for (const found of [checkout, node, install, installers, linuxE2e, otherE2e, upload]) expect(found).toBeGreaterThanOrEqual(0);
    // In order: check out, Node, install, installers, e2e, upload.
    expect([checkout, node, install, installers, Math.min(linuxE2e, otherE2e), upload]).toEqual(
      [checkout, node, install, installers, Math.min(linuxE2e, otherE2e), upload].toSorted((a, b) => a - b),
    );
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain JavaScript on purpose (it must load on any Node), no declarations.
import { nodeVersionProblem } from '../../../bin/node-version.js';

const QUIRE_BIN = path.resolve('bin/quire.js');

/** A Node older than 24 on this machine, if there is one (Debian's /usr/bin/node is 20). */
function olderNode(): string | null {
  for (const candidate of ['/usr/bin/node', '/usr/local/bin/node']) {
    try {
      const version = execFileSync(candidate, ['--version'], { encoding: 'utf8' }).trim();
      if (Number(version.replace(/^v/, '').split('.')[0]) < 24) return candidate;
    } catch {
      // not installed there
    }
  }
  return null;
}

describe('starting quire on the wrong Node', () => {
  it('accepts Node 24 and newer', () => {
    expect(nodeVersionProblem('24.0.0')).toBeNull();
    expect(nodeVersionProblem('v26.1.0')).toBeNull();
  });

  it('names the Node it found and what to do, in one sentence', () => {
    const problem = nodeVersionProblem('20.20.2') as string;
    expect(problem).toContain('Node.js 24');
    expect(problem).toContain('20.20.2');
    expect(problem).toContain('npx quire');
    expect(problem.split(/[.:]\s+[A-Z]/).length).toBe(1);
  });

  const older = olderNode();
  it.skipIf(older === null)(`says so instead of a stack trace when run by an older Node (${older ?? 'none here'})`, () => {
    const run = spawnSync(older!, [QUIRE_BIN, 'list'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^Quire needs Node\.js 24 or newer, but this is Node\.js \d+\./);
  });

  // As an installed `quire` starts: the file run by its first line (env -S node and the flags
  // there), with whichever `node` the PATH finds first.
  const nodeFolder = (node: string): string => `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}`;
  it.skipIf(process.platform === 'win32')('starts by its first line, as an installed command does', () => {
    const run = spawnSync(QUIRE_BIN, ['--help'], { encoding: 'utf8', env: { ...process.env, PATH: nodeFolder(process.execPath) } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: quire /);
  });
  it.skipIf(process.platform === 'win32' || older === null)('says the same in one sentence when its first line finds an older Node', () => {
    const run = spawnSync(QUIRE_BIN, ['list'], { encoding: 'utf8', env: { ...process.env, PATH: nodeFolder(older!) } });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Quire needs Node\.js 24 or newer, but this is Node\.js \d+\.[^\n]*\n$/);
  });
});

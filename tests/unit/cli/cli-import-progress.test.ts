/**
 * `quire import` of a long book (the corpus's Moby-Dick with its spine twice over, 288 chapters),
 * the built command against a real library: on a terminal (a pseudo-terminal from util-linux's
 * `script`, as a person's shell gives it) the line it redraws names the chapter being read, moving
 * forward; with its output going to a pipe it prints what it printed before, no progress at all.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { longBookEpub } from '../../../scripts/long-book.mjs';
import { runQuire } from '../../support/run-quire';

const CLI = path.resolve('out/cli/index.js');
const quoted = (word: string): string => `'${word.replaceAll("'", `'\\''`)}'`;

/** Runs the command with stdin, stdout and stderr on a pseudo-terminal; resolves to all it wrote there. */
function onTerminal(home: string, args: readonly string[]): Promise<{ code: number | null; screen: string }> {
  const command = [process.execPath, CLI, ...args].map(quoted).join(' ');
  return new Promise((resolve, reject) => {
    // -q: no "Script started" lines, -e: its exit code, -c: the command; the typescript goes nowhere.
    const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], {
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), QUIRE_LIBRARY: '', NO_COLOR: '1', COLUMNS: '200' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let screen = '';
    child.stdout.on('data', (chunk: Buffer) => (screen += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (screen += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, screen }));
  });
}

describe('quire import of a long book', () => {
  let root: string;
  let libraryDir: string;
  let book: string;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'quire-cli-progress-'));
    libraryDir = path.join(root, 'library');
    book = path.join(root, 'moby-dick-x2.epub');
    writeFileSync(book, await longBookEpub({ copies: 2, title: 'Moby-Dick Twice' }));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('on a terminal, redraws one line naming the chapter being read, moving forward', async () => {
    const run = await onTerminal(root, ['--library', libraryDir, 'import', book]);
    expect(run.code).toBe(0);
    // The line is redrawn after a carriage return and "erase to the end of the line".
    const screen = run.screen.replaceAll('\r\u001b[K', '<redraw>');
    const chapters = [...screen.matchAll(/<redraw>importing 0 of 1 · \d+:\d\d elapsed · reading moby-dick-x2\.epub: chapter (\d+) of (\d+)/g)];
    expect(chapters.every((match) => match[2] === '288')).toBe(true);
    const parts = chapters.map((match) => Number(match[1]));
    // A few times a second over the seconds the book takes: several lines, each further on.
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(parts.every((part, i) => i === 0 || part > parts[i - 1]!)).toBe(true);
    expect(parts.at(-1)).toBeGreaterThan(parts[0]!);
    // The progress line is cleared before the result is printed.
    expect(screen).toMatch(/<redraw>imported {2}\S+ {2}Moby-Dick Twice/);
  }, 240_000);

  it('with its output to a pipe, prints the result line alone', async () => {
    const run = await runQuire(root, libraryDir, ['import', book]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^duplicate \S+ {2}Moby-Dick Twice \(already in library\)\n$/);
  }, 240_000);
});

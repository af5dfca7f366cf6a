/** Runs the built `quire` command (out/cli/index.js) on a library, with its own settings home. */
import { spawn } from 'node:child_process';
import path from 'node:path';

export interface QuireRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

const CLI = path.resolve('out/cli/index.js');

/** `home` isolates settings and caches, so a test never touches the user's own library; `env` adds variables. */
export function runQuire(home: string, libraryDir: string, args: readonly string[], env: Record<string, string> = {}): Promise<QuireRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, '--library', libraryDir, ...args], {
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), QUIRE_LIBRARY: '', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

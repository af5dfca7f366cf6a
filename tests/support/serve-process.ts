/** `quire serve` (the built CLI) as a child process, and its API called over HTTP as the page calls it. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { TOKEN_HEADER } from '../../electron/shared/browser-mode';
import type { Result } from '../../electron/shared/result';
import { rawRequest } from './http';

export interface ServeProcess {
  port: number;
  /** everything it printed, for a failing test's message */
  output(): string;
  call(method: string, args: readonly unknown[]): Promise<Result<unknown>>;
  /** SIGTERM, then resolves when it has exited (its library lock and index closed) */
  stop(): Promise<number | null>;
}

const CLI = path.resolve('out/cli/index.js');

/** Starts `quire serve --port 0` with `home` for its settings and caches; resolves once it prints its address. */
export async function startServe(home: string, libraryDir: string): Promise<ServeProcess> {
  const child = spawn(process.execPath, [CLI, '--library', libraryDir, 'serve', '--port', '0'], {
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), QUIRE_LIBRARY: '', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const address = await new Promise<{ port: number; token: string }>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+)/.exec(output);
      if (match) resolve({ port: Number(match[1]), token: match[2]! });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`quire serve exited (${code}) before printing its address:\n${output}`)));
  });
  return {
    port: address.port,
    output: () => output,
    async call(method, args) {
      const answer = await rawRequest(address.port, {
        method: 'POST',
        path: `/api/${method}`,
        headers: { [TOKEN_HEADER]: address.token, 'Content-Type': 'application/json' },
        body: JSON.stringify(args),
      });
      return JSON.parse(answer.body) as Result<unknown>;
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

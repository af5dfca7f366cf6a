import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect, type Request } from '@playwright/test';
import { freePort } from '../../support/free-port';

export interface QuireServer {
  /** the address `quire serve` printed, token included */
  url: string;
  origin: string;
  libraryDir: string;
  /** a fresh settings/cache home, so no test sees another's state */
  homeDir: string;
  /** the folder that holds both, to start a server again on the same library and settings */
  root: string;
}

/**
 * Starts `quire serve` (the built CLI) over a brand-new library and waits for its URL; given the
 * `root` of a server that stopped with `keep`, over that library and its settings again.
 */
export async function startQuireServer(
  existingRoot?: string,
): Promise<{ server: QuireServer; stop: (options?: { keep?: boolean }) => Promise<void> }> {
  const root = existingRoot ?? mkdtempSync(path.join(tmpdir(), 'quire-e2e-'));
  const libraryDir = path.join(root, 'library');
  const homeDir = path.join(root, 'home');
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ['out/cli/index.js', '--library', libraryDir, 'serve', '--port', String(port)],
    {
      // LC_ALL: the sample library is made in the server's language, and the tests name it in English
      // whatever this machine speaks.
      env: { ...process.env, HOME: homeDir, XDG_CONFIG_HOME: path.join(homeDir, '.config'), QUIRE_LIBRARY: '', LC_ALL: 'C.UTF-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`quire serve printed no URL in 20 s:\n${output}`)), 20_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`quire serve exited (${code}) before printing its URL:\n${output}`));
    });
  });
  const stop = async ({ keep = false }: { keep?: boolean } = {}): Promise<void> => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    if (!keep) rmSync(root, { recursive: true, force: true });
  };
  return { server: { url, origin: new URL(url).origin, libraryDir, homeDir, root }, stop };
}

/**
 * URLs that never leave the machine: inline data, blobs the page made itself and blank frames.
 * Everything else must be the app's own origin.
 */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

/** Whether a request stays inside Quire: its own `127.0.0.1:<port>` or a local-only scheme. */
export function staysInApp(url: string, appOrigin: string): boolean {
  try {
    const parsed = new URL(url);
    return LOCAL_SCHEMES.has(parsed.protocol) || parsed.origin === appOrigin;
  } catch {
    return false;
  }
}

/**
 * A fresh library and server per test; console errors are collected and must stay empty.
 * `requests` is automatic ("Offline, proven" in docs/security.md): every request any page of the test
 * made is recorded, and the test fails if one went anywhere but the app's own origin, or if the
 * browser holds a cookie at the end.
 */
export const test = base.extend<{ quire: QuireServer; consoleErrors: string[]; requests: string[] }>({
  requests: [
    async ({ context, quire }, use) => {
      const seen: string[] = [];
      // On the context, not the page: popups (window.open) and workers are covered too.
      const record = (request: Request): void => {
        seen.push(request.url());
      };
      context.on('request', record);
      await use(seen);
      context.off('request', record);
      const leaving = seen.filter((url) => !staysInApp(url, quire.origin));
      expect(leaving, `requests that left ${quire.origin}`).toEqual([]);
      // Cookies ignore ports, so every program on 127.0.0.1 would receive one: Quire sets none.
      expect(await context.cookies(), 'cookies Quire set').toEqual([]);
    },
    { auto: true },
  ],
  quire: async ({}, use) => {
    const { server, stop } = await startQuireServer();
    await use(server);
    await stop();
  },
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
  },
});

export { expect } from '@playwright/test';

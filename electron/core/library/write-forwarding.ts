/**
 * While the app or `quire serve` holds a library, the command line sends its changes to it
 * instead of writing under it (as `calibredb` talks to a running calibre): the holder keeps the
 * library in memory and is its one writer, so nothing it holds goes stale.
 *
 * The holder listens on a local socket (a named pipe on Windows) that only this user can open:
 * it lives in a folder of the temp directory made with mode 0700 and checked to be this user's
 * (not a link, nobody else may enter), and every request carries a random token written beside
 * it with mode 0600. A request is one line of JSON, `{ token, method, args }`, answered by one
 * line, the contract's `Result`; arguments are validated by the contract's schemas like any
 * host's (`dispatch`).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { lstatSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import type { ReaderApi, ReaderMethod, ReaderService } from '../../shared/contract';
import { READER_METHODS } from '../../shared/contract';
import { dispatch } from '../../shared/dispatch';
import { fail, type Result } from '../../shared/result';
import type { Log } from '../log';

/** A request line larger than this is refused (an annotation export may be 50 MB as JSON, in JSON). */
const MAX_LINE_BYTES = 120 * 1024 * 1024;

interface Endpoint {
  dir: string;
  socket: string;
  tokenFile: string;
}

/** Where the holder of `libraryDir` listens, the same for every process of this user. */
export function forwardingEndpoint(libraryDir: string): Endpoint {
  const key = createHash('sha256').update(path.resolve(libraryDir)).digest('hex').slice(0, 20);
  const user = process.platform === 'win32' ? userInfo().username.replace(/[^A-Za-z0-9_-]/g, '_') : String(process.getuid?.() ?? 0);
  const dir = path.join(tmpdir(), `quire-${user}`);
  const socket = process.platform === 'win32' ? `\\\\.\\pipe\\quire-${user}-${key}` : path.join(dir, `${key}.sock`);
  return { dir, socket, tokenFile: path.join(dir, `${key}.token`) };
}

/** The folder exists, is a folder (not a link), is this user's and nobody else's. */
function isPrivateFolder(dir: string): boolean {
  const info = lstatSync(dir);
  if (!info.isDirectory()) return false;
  if (process.platform === 'win32') return true; // the token guards the pipe there
  return info.uid === process.getuid?.() && (info.mode & 0o077) === 0;
}

/** Splits a stream into lines, refusing one longer than the limit. */
function onLines(socket: net.Socket, handle: (line: string) => void): void {
  let buffered = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffered += chunk;
    if (buffered.length > MAX_LINE_BYTES) {
      socket.destroy();
      return;
    }
    for (let end = buffered.indexOf('\n'); end !== -1; end = buffered.indexOf('\n')) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      handle(line);
    }
  });
}

const sameToken = (given: unknown, token: string): boolean =>
  typeof given === 'string' && given.length === token.length && timingSafeEqual(Buffer.from(given), Buffer.from(token));

const isReaderMethod = (value: unknown): value is ReaderMethod => (READER_METHODS as readonly unknown[]).includes(value);

export interface ForwardingServer {
  close(): Promise<void>;
}

/** Starts listening for the command line's changes; null (and a log line) when the endpoint cannot be made private. */
export async function serveForwardedWrites(
  service: ReaderService,
  libraryDir: string,
  log: Log,
  /** told of every call that succeeded, so the page can show the command line's change */
  answered: (method: ReaderMethod, args: readonly unknown[]) => void = () => {},
): Promise<ForwardingServer | null> {
  const endpoint = forwardingEndpoint(libraryDir);
  try {
    await mkdir(endpoint.dir, { recursive: true, mode: 0o700 });
    if (!isPrivateFolder(endpoint.dir)) {
      log(`${endpoint.dir} is not a folder only this user can open; the command line will not send changes to this Quire.`);
      return null;
    }
    // This process holds the library lock: whatever is there was left by an earlier holder.
    if (process.platform !== 'win32') await rm(endpoint.socket, { force: true });
    const token = randomBytes(32).toString('hex');
    await writeFile(endpoint.tokenFile, token, { mode: 0o600 });
    const server = net.createServer((connection) => {
      let queue = Promise.resolve();
      onLines(connection, (line) => {
        // One request at a time per connection, answered in order.
        queue = queue.then(async () => {
          const answer = await answerLine(service, token, line, log, answered);
          if (!connection.destroyed) connection.write(`${JSON.stringify(answer)}\n`);
        });
      });
      connection.on('error', () => connection.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(endpoint.socket, () => resolve());
    });
    if (process.platform !== 'win32') await chmod(endpoint.socket, 0o600);
    return {
      close: async () => {
        await new Promise((resolve) => server.close(resolve));
        await rm(endpoint.tokenFile, { force: true });
      },
    };
  } catch (error) {
    log('The command line cannot send changes to this Quire', error);
    return null;
  }
}

async function answerLine(
  service: ReaderService,
  token: string,
  line: string,
  log: Log,
  answered: (method: ReaderMethod, args: readonly unknown[]) => void,
): Promise<Result<unknown>> {
  let request: { token?: unknown; method?: unknown; args?: unknown };
  try {
    request = JSON.parse(line) as typeof request;
  } catch {
    return fail('invalid-argument', 'The request is not JSON.');
  }
  if (!sameToken(request.token, token)) return fail('forbidden', 'The request does not carry this Quire’s token.');
  if (!isReaderMethod(request.method)) return fail('invalid-argument', 'The request names no method Quire has.');
  const method = request.method;
  const answer = await dispatch(service, method, request.args, (error) => log(`A forwarded ${method} failed unexpectedly`, error));
  // dispatch checked the arguments against the contract before the call succeeded.
  if (answer.ok) answered(method, Array.isArray(request.args) ? request.args : []);
  return answer;
}

export interface ForwardedApi {
  api: ReaderApi;
  close(): void;
}

/** The running holder's API over its socket, or null when none answers (then nothing can be forwarded). */
export async function connectForwardedWrites(libraryDir: string): Promise<ForwardedApi | null> {
  const endpoint = forwardingEndpoint(libraryDir);
  let token: string;
  try {
    if (!isPrivateFolder(endpoint.dir)) return null;
    token = (await readFile(endpoint.tokenFile, 'utf8')).trim();
  } catch {
    return null;
  }
  const socket = await new Promise<net.Socket | null>((resolve) => {
    const connection = net.connect(endpoint.socket, () => resolve(connection));
    connection.once('error', () => resolve(null));
  });
  if (socket === null) return null;
  const waiting: ((line: string) => void)[] = [];
  const lost: Result<never> = fail('io', 'The running Quire stopped answering; run the command again.');
  onLines(socket, (line) => waiting.shift()?.(line));
  socket.on('close', () => {
    for (const resolve of waiting.splice(0)) resolve(JSON.stringify(lost));
  });
  const call = (method: ReaderMethod, args: unknown[]): Promise<Result<unknown>> =>
    new Promise((resolve) => {
      waiting.push((line) => {
        try {
          resolve(JSON.parse(line) as Result<unknown>);
        } catch {
          resolve(lost);
        }
      });
      socket.write(`${JSON.stringify({ token, method, args })}\n`);
    });
  const api: Partial<Record<ReaderMethod, (...args: unknown[]) => Promise<Result<unknown>>>> = {};
  for (const method of READER_METHODS) api[method] = (...args: unknown[]) => call(method, args);
  return { api: api as ReaderApi, close: () => socket.end() };
}

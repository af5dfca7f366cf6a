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
import type { ReaderApi, ReaderEventSource, ReaderMethod, ReaderService } from '../../shared/contract';
import { READER_METHODS } from '../../shared/contract';
import { dispatch } from '../../shared/dispatch';
import type { ImportOutcome, ImportProgressEvent } from '../../shared/models';
import type { Result } from '../../shared/result';
import { say } from '../../shared/i18n/core-sentences';
import { failWith } from '../../shared/i18n/english-sentence';
import { EventHub } from '../events';
import type { Log } from '../log';

/** The process holding the library: the contract, its events, and the job id of an import it runs (so that import's progress goes to the command line that asked). */
export interface ForwardingHolder extends ReaderService {
  readonly events: ReaderEventSource;
  importPaths(paths: string[], onJob?: (jobId: string) => void): Promise<ImportOutcome[]>;
}

/** A line the holder sends before the answer of an import: one of its progress events. */
interface ProgressLine {
  progress: ImportProgressEvent;
}

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
  service: ForwardingHolder,
  libraryDir: string,
  log: Log,
  /** told of every call that succeeded (with its value), so the page can show the command line's change */
  answered: (method: ReaderMethod, args: readonly unknown[], value: unknown) => void = () => {},
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
          const send = (value: Result<unknown> | ProgressLine): void => {
            if (!connection.destroyed) connection.write(`${JSON.stringify(value)}\n`);
          };
          send(await answerLine(service, token, line, log, answered, send));
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
  service: ForwardingHolder,
  token: string,
  line: string,
  log: Log,
  answered: (method: ReaderMethod, args: readonly unknown[], value: unknown) => void,
  send: (progress: ProgressLine) => void,
): Promise<Result<unknown>> {
  let request: { token?: unknown; method?: unknown; args?: unknown };
  try {
    request = JSON.parse(line) as typeof request;
  } catch {
    return failWith('invalid-argument', say('core.error.forwardFailed'), 'The request is not JSON.');
  }
  if (!sameToken(request.token, token)) return failWith('forbidden', say('core.error.forwardFailed'), 'The request does not carry this Quire’s token.');
  if (!isReaderMethod(request.method)) return failWith('invalid-argument', say('core.error.forwardFailed'), 'The request names no method Quire has.');
  const method = request.method;
  const onUnexpected = (error: unknown): void => log(`A forwarded ${method} failed unexpectedly`, error);
  const answer = method === 'importPaths' ? await importWithProgress(service, request.args, send, onUnexpected) : await dispatch(service, method, request.args, onUnexpected);
  // dispatch checked the arguments against the contract before the call succeeded.
  if (answer.ok) answered(method, Array.isArray(request.args) ? request.args : [], answer.value);
  return answer;
}

/** `importPaths` as any host calls it, with the progress events of this import (not of others the holder runs) sent along. */
async function importWithProgress(
  service: ForwardingHolder,
  args: unknown,
  send: (progress: ProgressLine) => void,
  onUnexpected: (error: unknown) => void,
): Promise<Result<unknown>> {
  let jobId: string | null = null;
  const stop = service.events.on('import-progress', (progress) => {
    if (progress.jobId === jobId) send({ progress });
  });
  // The holder with its import reporting its job: the contract's validation and error handling stay dispatch's.
  const reporting: ReaderService = Object.create(service) as ReaderService;
  reporting.importPaths = (paths) => service.importPaths(paths, (id) => (jobId = id));
  try {
    return await dispatch(reporting, 'importPaths', args, onUnexpected);
  } finally {
    stop();
  }
}

export interface ForwardedApi {
  api: ReaderApi;
  /** `import-progress` of the imports this connection asked for */
  events: ReaderEventSource;
  close(): void;
}

const isProgressLine = (value: unknown): value is ProgressLine => typeof value === 'object' && value !== null && 'progress' in value;

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
  const waiting: ((answer: Result<unknown>) => void)[] = [];
  const lost: Result<never> = failWith('io', say('core.error.forwardFailed'), 'The running Quire stopped answering; run the command again.');
  const events = new EventHub(() => {});
  onLines(socket, (line) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = lost;
    }
    if (isProgressLine(value)) events.emit('import-progress', value.progress);
    else waiting.shift()?.(value as Result<unknown>);
  });
  socket.on('close', () => {
    for (const resolve of waiting.splice(0)) resolve(lost);
  });
  const call = (method: ReaderMethod, args: unknown[]): Promise<Result<unknown>> =>
    new Promise((resolve) => {
      waiting.push(resolve);
      socket.write(`${JSON.stringify({ token, method, args })}\n`);
    });
  const api: Partial<Record<ReaderMethod, (...args: unknown[]) => Promise<Result<unknown>>>> = {};
  for (const method of READER_METHODS) api[method] = (...args: unknown[]) => call(method, args);
  return { api: api as ReaderApi, events, close: () => socket.end() };
}

/**
 * Browser mode: the React build and the `ReaderApi` contract over HTTP on 127.0.0.1, guarded by a
 * per-run token, a Host check (DNS rebinding) and an Origin check (CSRF). Routes:
 *
 * - `GET /?token=T`              sets the token cookie and redirects to `/`
 * - `POST /api/<method>`         JSON array of arguments → JSON `Result` (always 200)
 * - `GET /api/events`            the contract's events as Server-Sent Events
 * - `GET /content/<id>/<path>`   a file of one article, through the path-containment check
 * - `GET /…`                     the renderer build (electron/core/renderer-files.ts, shared with
 *                                 the desktop app's `quire-app:` protocol)
 */
import { createReadStream, existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EVENTS_ROUTE, httpRoute, isReaderMethod, type ReaderEventSource, type ReaderService } from '../shared/contract';
import { dispatch } from '../shared/dispatch';
import { fail, type ErrorCode } from '../shared/result';
import { CONTENT_RESPONSE_HEADERS, resolveArticleFile } from '../core/content-path';
import { rendererFileResponse } from '../core/renderer-files';
import { PAGE_SECURITY_HEADERS } from '../shared/page-policy';
import {
  TOKEN_COOKIE,
  isAllowedHost,
  isAllowedOrigin,
  newToken,
  requestToken,
  tokensMatch,
} from './guards';
import { serveEventStream } from './event-stream';

/** Base64 imports of up to 200 MB, plus JSON overhead. */
export const MAX_BODY_BYTES = 300 * 1024 * 1024;

export const NO_TOKEN_MESSAGE = 'Open the address that `quire serve` printed: it carries the access token.';

export interface QuireServerOptions {
  core: ReaderService;
  /** the core's events (import progress), streamed at `GET /api/events` */
  events?: ReaderEventSource;
  /** the renderer build (out/renderer) */
  rendererDir: string;
  /** the library whose article files `/content/` serves */
  libraryDir: string | (() => string);
  /** 0 or omitted: any free port */
  port?: number;
  /** when `port` is taken, use any free port instead of failing */
  fallbackToFreePort?: boolean;
  /** browser mode never listens anywhere else */
  host?: '127.0.0.1';
  log?: (message: string, error?: unknown) => void;
}

export interface QuireServer {
  /** `http://127.0.0.1:<port>/?token=<token>`: the address to open */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(`${text}\n`);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  response.end(body);
}

async function readJsonArgs(request: IncomingMessage): Promise<unknown[]> {
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new HttpError(400, 'The request body must be JSON (Content-Type: application/json).');
  }
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new HttpError(413, 'The request is larger than 300 MB.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'The request is larger than 300 MB.');
    chunks.push(chunk);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.');
  }
  if (!Array.isArray(parsed)) throw new HttpError(400, 'The request body must be a JSON array of arguments.');
  return parsed;
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

/** Starts browser mode; resolves once the server listens. */
export async function createQuireServer(options: QuireServerOptions): Promise<QuireServer> {
  const { core, rendererDir, log = (message, error) => console.error(message, error ?? '') } = options;
  if (options.host !== undefined && options.host !== '127.0.0.1') {
    throw new Error('Browser mode only listens on 127.0.0.1.');
  }
  const libraryDir = typeof options.libraryDir === 'function' ? options.libraryDir : () => options.libraryDir as string;
  const token = newToken();
  let port = 0;

  const notFound = (response: ServerResponse): void => sendText(response, 404, 'Not found.');
  const rendererBuilt = existsSync(rendererDir);

  /** The renderer build, through the handler the desktop app's `quire-app:` protocol uses too. */
  async function serveRenderer(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    if (!rendererBuilt) return sendText(response, 503, 'The Quire interface is not built yet: run `npm run build`.');
    const answer = await rendererFileResponse(new Request(url, { method: request.method }), rendererDir);
    response.writeHead(answer.status, Object.fromEntries(answer.headers));
    response.end(request.method === 'HEAD' ? undefined : Buffer.from(await answer.arrayBuffer()));
  }

  async function serveContent(request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> {
    const match = /^\/content\/([^/]+)\/(.+)$/.exec(pathname);
    if (!match) return notFound(response);
    const lookup = await resolveArticleFile(libraryDir(), match[1]!, match[2]!);
    if (!lookup.ok) return sendText(response, lookup.status, lookup.status === 404 ? 'Not found.' : 'Forbidden.');
    response.writeHead(200, { ...CONTENT_RESPONSE_HEADERS, 'Content-Type': lookup.contentType });
    if (request.method === 'HEAD') return void response.end();
    const stream = createReadStream(lookup.filePath);
    stream.on('error', (error) => {
      log('Quire could not read an article file.', error);
      response.destroy();
    });
    stream.pipe(response);
  }

  async function serveApi(request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> {
    const method = pathname.slice('/api/'.length);
    if (!isReaderMethod(method) || pathname !== httpRoute(method)) {
      request.resume();
      return sendJson(response, 404, fail('not-found', `There is no API method called "${method}".`));
    }
    const args = await readJsonArgs(request);
    const result = await dispatch(core, method, args, (error) => log(`${method} failed unexpectedly.`, error));
    sendJson(response, 200, result);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(PAGE_SECURITY_HEADERS)) response.setHeader(name, value);
    const rawUrl = request.url ?? '';
    if (!rawUrl.startsWith('/')) return sendText(response, 400, 'Bad request.');
    const url = new URL(`http://127.0.0.1${rawUrl}`);
    // The UI reads refusals of API calls as a Result; people read everything else as text.
    const refuse = (status: number, code: ErrorCode, message: string): void => {
      request.resume();
      if (url.pathname.startsWith('/api/')) sendJson(response, status, fail(code, message));
      else sendText(response, status, message);
    };

    if (!isAllowedHost(request.headers.host, port)) {
      return refuse(403, 'forbidden', `Quire only answers at http://127.0.0.1:${port}/.`);
    }
    if (request.method === 'GET' && url.pathname === '/' && url.searchParams.has('token')) {
      const given = url.searchParams.get('token') ?? '';
      if (!tokensMatch(token, given)) return refuse(403, 'forbidden', NO_TOKEN_MESSAGE);
      response.writeHead(302, {
        Location: '/',
        'Set-Cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        'Cache-Control': 'no-store',
      });
      return void response.end();
    }
    if (!tokensMatch(token, requestToken(request))) return refuse(403, 'forbidden', NO_TOKEN_MESSAGE);

    if (request.method === 'POST') {
      if (!isAllowedOrigin(request.headers.origin, port)) {
        return refuse(403, 'forbidden', 'Requests from other web sites are refused.');
      }
      if (url.pathname.startsWith('/api/')) return serveApi(request, response, url.pathname);
      return refuse(404, 'not-found', 'Not found.');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD, POST');
      return refuse(405, 'invalid-argument', 'Method not allowed.');
    }
    if (url.pathname === EVENTS_ROUTE && request.method === 'GET' && options.events) {
      return serveEventStream(request, response, options.events);
    }
    if (url.pathname.startsWith('/api/')) {
      response.setHeader('Allow', 'POST');
      return refuse(405, 'invalid-argument', 'API methods are called with POST.');
    }
    if (url.pathname.startsWith('/content/')) return serveContent(request, response, url.pathname);
    return serveRenderer(request, response, url);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof HttpError) {
        // Stop reading an oversized body instead of buffering it: answer, then drop the connection.
        if (error.status === 413) response.setHeader('Connection', 'close');
        if (!response.headersSent) sendJson(response, error.status, fail('invalid-argument', error.message));
        if (error.status === 413) response.once('finish', () => request.destroy());
        return;
      }
      log('Browser mode failed to answer a request.', error);
      const message = 'Quire failed to answer this request.';
      if (response.headersSent) response.destroy();
      else if (request.url?.startsWith('/api/')) sendJson(response, 500, fail('internal', message));
      else sendText(response, 500, message);
    });
  });

  const requestedPort = options.port ?? 0;
  try {
    await listen(server, requestedPort);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || !options.fallbackToFreePort) throw error;
    await listen(server, 0);
  }
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * Browser mode: the React build and the `ReaderApi` contract over HTTP on 127.0.0.1, guarded by a
 * per-run token, a Host check (DNS rebinding) and an Origin check (CSRF). Routes:
 *
 * - `GET /?token=T`              checks the token and redirects to `/#token=T`, where the page
 *                                 takes it into its own keeping (renderer/api/browser-session.ts)
 * - `POST /api/<method>`         JSON array of arguments → JSON `Result` (always 200); the token in
 *                                 the `X-Quire-Token` header
 * - `GET /api/events`            the contract's events as Server-Sent Events (same header)
 * - `GET /content/<key>/<id>/<path>`  a file of one article (electron/serve/content-route.ts)
 * - `GET /…`                     the renderer build (electron/core/renderer-files.ts, shared with
 *                                 the desktop app's `quire-app:` protocol): public files, no data
 *
 * No cookie is set or read: see electron/serve/guards.ts for why.
 */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EVENTS_ROUTE, httpRoute, isReaderMethod, type ReaderEventSource, type ReaderService } from '../shared/contract';
import { asciiJson } from '../shared/ascii-json';
import { dispatch } from '../shared/dispatch';
import type { ErrorCode } from '../shared/result';
import { say, type CoreSentence } from '../shared/i18n/core-sentences';
import { englishSentence, failWith } from '../shared/i18n/english-sentence';
import { rendererFileResponse } from '../core/renderer-files';
import { PAGE_SECURITY_HEADERS } from '../shared/page-policy';
import { CONTENT_BASE_HEADER, TOKEN_FIELD } from '../shared/browser-mode';
import { isAllowedHost, isAllowedOrigin, newSecret, requestToken, tokensMatch } from './guards';
import { bodyLimit, limitMegabytes } from './body-limits';
import { CONTENT_PREFIX, contentBase, serveContent } from './content-route';
import { serveEventStream } from './event-stream';
import { isRequestPathError, withoutPaths } from '../core/path-errors';

const NO_TOKEN = say('core.serve.noToken');
export const NO_TOKEN_MESSAGE = englishSentence(NO_TOKEN);

/**
 * Headers of every answer on top of the page policy. `Cross-Origin-Resource-Policy` keeps pages of
 * other origins, other ports of 127.0.0.1 included, from loading anything of ours as an image,
 * script or media file.
 */
const SERVER_HEADERS: Readonly<Record<string, string>> = {
  ...PAGE_SECURITY_HEADERS,
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Request headers may be far larger than Node's default 16 KB: any page on another port of
 * 127.0.0.1 can set cookies that the browser then sends here too (up to 180 of 4 KB each in
 * Chromium). They are ignored, but refusing such a request (431) would lock the user out.
 */
const MAX_HEADER_BYTES = 1024 * 1024;

/** A renderer path longer than this names no file of the build: 404 before the file system. */
const MAX_RENDERER_PATH_LENGTH = 1024;

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
  /** `/content/<key>`: the prefix of article files' URLs in this run */
  contentBase: string;
  close(): Promise<void>;
}

/** A refused request body: its status and what the page says (the English is its message). */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly sentence: CoreSentence,
  ) {
    super(englishSentence(sentence));
  }
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(`${text}\n`);
}

/** A JSON answer, in ASCII only (shared/ascii-json.ts: the page takes it in as a one-byte string). */
function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = asciiJson(value);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': body.length, // one byte per character: ASCII
    'Cache-Control': 'no-store',
  });
  response.end(body, 'latin1');
}

/**
 * Reads a body of at most `limit` bytes. A larger one is refused as soon as it is known to be too
 * large (from its Content-Length, or once that many bytes arrived): the rest is never read, and
 * the connection is closed after the answer (see the error handler below).
 */
function readBody(request: IncomingMessage, limit: number, tooLarge: CoreSentence): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.reject(new HttpError(413, tooLarge));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (): void => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        stop();
        request.pause();
        chunks.length = 0;
        reject(new HttpError(413, tooLarge));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      stop();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error): void => {
      stop();
      reject(error);
    };
    const onClose = (): void => {
      stop();
      reject(new HttpError(400, say('core.serve.cutShort')));
    };
    request.on('data', onData);
    request.once('end', onEnd);
    request.once('error', onError);
    request.once('close', onClose);
  });
}

async function readJsonArgs(request: IncomingMessage, limit: number, tooLarge: CoreSentence): Promise<unknown[]> {
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new HttpError(400, say('core.serve.notJsonType'));
  }
  const body = await readBody(request, limit, tooLarge);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, say('core.serve.notJson'));
  }
  if (!Array.isArray(parsed)) throw new HttpError(400, say('core.serve.notArray'));
  return parsed;
}

/**
 * A refused request's body is never read, however large it claims to be: the connection closes
 * after the answer instead of draining it (anyone on the machine can send one).
 */
function skipBody(request: IncomingMessage, response: ServerResponse): void {
  const hasBody = request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
  if (hasBody) response.setHeader('Connection', 'close');
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
  const { core, rendererDir } = options;
  const log = options.log ?? ((message, error) => console.error(message, error ?? ''));
  if (options.host !== undefined && options.host !== '127.0.0.1') {
    throw new Error('Browser mode only listens on 127.0.0.1.');
  }
  const libraryDir = typeof options.libraryDir === 'function' ? options.libraryDir : () => options.libraryDir as string;
  const token = newSecret();
  const contentKey = newSecret();
  let port = 0;

  const rendererBuilt = existsSync(rendererDir);

  /** The renderer build, through the handler the desktop app's `quire-app:` protocol uses too. */
  async function serveRenderer(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    if (!rendererBuilt) return sendText(response, 503, 'The Quire interface is not built yet: run `npm run build`.');
    if (url.pathname.length > MAX_RENDERER_PATH_LENGTH) return sendText(response, 404, 'Not found.');
    let answer: Response;
    try {
      answer = await rendererFileResponse(new Request(url, { method: request.method }), rendererDir);
    } catch (error) {
      if (isRequestPathError(error)) return sendText(response, 404, 'Not found.');
      throw withoutPaths(error);
    }
    response.writeHead(answer.status, Object.fromEntries(answer.headers));
    response.end(request.method === 'HEAD' ? undefined : Buffer.from(await answer.arrayBuffer()));
  }

  async function serveApi(request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> {
    const method = pathname.slice('/api/'.length);
    if (!isReaderMethod(method) || pathname !== httpRoute(method)) {
      skipBody(request, response);
      return sendJson(response, 404, failWith('not-found', say('core.serve.noSuchMethod', { method })));
    }
    const limit = bodyLimit(method);
    const args = await readJsonArgs(request, limit, say('core.serve.tooLarge', { method, megabytes: limitMegabytes(limit) }));
    const result = await dispatch(core, method, args, (error) => log(`${method} failed unexpectedly.`, withoutPaths(error)));
    // Only a page that holds the token learns where article files are.
    response.setHeader(CONTENT_BASE_HEADER, contentBase(contentKey));
    sendJson(response, 200, result);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(SERVER_HEADERS)) response.setHeader(name, value);
    const rawUrl = request.url ?? '';
    if (!rawUrl.startsWith('/')) return sendText(response, 400, 'Bad request.');
    const url = new URL(`http://127.0.0.1${rawUrl}`);
    const isApi = url.pathname.startsWith('/api/');
    // The UI reads refusals of API calls as a Result; people read everything else as text.
    const refuse = (status: number, code: ErrorCode, sentence: CoreSentence): void => {
      skipBody(request, response);
      if (isApi) sendJson(response, status, failWith(code, sentence));
      else sendText(response, status, englishSentence(sentence));
    };

    if (!isAllowedHost(request.headers.host, port)) {
      return refuse(403, 'forbidden', say('core.serve.wrongHost', { address: `http://127.0.0.1:${port}/` }));
    }
    if (request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'POST') {
      response.setHeader('Allow', 'GET, HEAD, POST');
      return refuse(405, 'invalid-argument', say('core.serve.methodNotAllowed'));
    }

    if (isApi) {
      if (!tokensMatch(token, requestToken(request))) return refuse(403, 'forbidden', NO_TOKEN);
      if (request.method === 'POST') {
        if (!isAllowedOrigin(request.headers.origin, port)) {
          return refuse(403, 'forbidden', say('core.serve.otherSite'));
        }
        return serveApi(request, response, url.pathname);
      }
      if (url.pathname === EVENTS_ROUTE && request.method === 'GET' && options.events) {
        return serveEventStream(request, response, options.events);
      }
      response.setHeader('Allow', 'POST');
      return refuse(405, 'invalid-argument', say('core.serve.postOnly'));
    }
    if (request.method === 'POST') return refuse(404, 'not-found', say('core.serve.notFound'));

    if (url.pathname === '/' && url.searchParams.has(TOKEN_FIELD)) {
      // The printed address. The token moves into the fragment, which no request carries again:
      // the page takes it from there and removes it from the address bar.
      if (!tokensMatch(token, url.searchParams.get(TOKEN_FIELD) ?? '')) return refuse(403, 'forbidden', NO_TOKEN);
      response.writeHead(302, { Location: `/#${TOKEN_FIELD}=${token}`, 'Cache-Control': 'no-store' });
      return void response.end();
    }
    if (url.pathname.startsWith(CONTENT_PREFIX)) {
      return serveContent(request, response, url.pathname, { key: contentKey, libraryDir, sendText, log });
    }
    return serveRenderer(request, response, url);
  }

  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof HttpError) {
        // Stop reading an oversized body instead of buffering it: answer, then drop the connection.
        if (error.status === 413) response.setHeader('Connection', 'close');
        if (!response.headersSent) sendJson(response, error.status, failWith('invalid-argument', error.sentence));
        if (error.status === 413) response.once('finish', () => request.destroy());
        return;
      }
      log('Browser mode failed to answer a request.', withoutPaths(error));
      const failed = say('core.serve.failed');
      if (response.headersSent) response.destroy();
      else if (request.url?.startsWith('/api/')) sendJson(response, 500, failWith('internal', failed));
      else sendText(response, 500, englishSentence(failed));
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
    url: `${origin}/?${TOKEN_FIELD}=${token}`,
    origin,
    port,
    token,
    contentBase: contentBase(contentKey),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * The one way the UI reaches the core: the `ReaderApi` contract, over Electron IPC (the preload
 * exposes it as `window.quire`) or over HTTP in browser mode. Every call resolves to a `Result`;
 * nothing here throws.
 */
import type { DesktopBridge } from '../../electron/shared/commands';
import {
  httpRoute,
  READER_METHODS,
  type ReaderApi,
  type ReaderEventSource,
  type ReaderMethod,
} from '../../electron/shared/contract';
import { APP_SCHEME } from '../../electron/shared/page-policy';
import type { Result } from '../../electron/shared/result';
import { say } from '../../electron/shared/i18n/core-sentences';
import { failWith } from '../../electron/shared/i18n/english-sentence';
import { browserSession, type BrowserSession } from './browser-session';
import { createHttpEvents } from './http-events';

declare global {
  interface Window {
    /** Set by the Electron preload (the contract, its events and the desktop bridge); absent in browser mode. */
    quire?: ReaderApi & ReaderEventSource & DesktopBridge;
  }
}

const serverDidNotAnswer = (detail: string): Result<never> => failWith('io', say('core.error.serverGone', { detail }));

function isResult(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as { ok?: unknown; value?: unknown; error?: unknown };
  // JSON has no undefined: a void method's `{ ok: true, value: undefined }` arrives as `{ ok: true }`.
  if (candidate.ok === true) return true;
  if (candidate.ok === false) {
    const error = candidate.error as { code?: unknown; message?: unknown } | undefined;
    return typeof error?.code === 'string' && typeof error.message === 'string';
  }
  return false;
}

/**
 * One contract call over HTTP: `POST /api/<method>` with the arguments as a JSON array and the
 * token in a header (browser-session.ts). No cookie is sent: the server reads none, and cookies
 * other programs on 127.0.0.1 may have set have no business in the request.
 */
async function postCall(
  fetchImpl: typeof fetch,
  session: BrowserSession,
  method: ReaderMethod,
  args: unknown[],
): Promise<Result<unknown>> {
  const body = JSON.stringify(args);
  let response: Response;
  try {
    response = await session.send((headers) =>
      fetchImpl(httpRoute(method), {
        method: 'POST',
        credentials: 'omit',
        headers: { 'Content-Type': 'application/json', ...headers },
        body,
      }),
    );
  } catch (error) {
    return serverDidNotAnswer(error instanceof Error ? error.message : 'network error');
  }
  let answer: unknown;
  try {
    answer = await response.json();
  } catch {
    return serverDidNotAnswer(`HTTP ${response.status}`);
  }
  // The host answers refusals (bad token, bad argument) with an error status and a Result body.
  if (isResult(answer)) return answer;
  return serverDidNotAnswer(`HTTP ${response.status}`);
}

/** The browser-mode client: the same contract, carried by `fetch`. */
export function createHttpApi(
  fetchImpl: typeof fetch = (...args) => fetch(...args),
  session: BrowserSession = browserSession(),
): ReaderApi {
  const api: Partial<Record<ReaderMethod, (...args: unknown[]) => Promise<Result<unknown>>>> = {};
  for (const method of READER_METHODS) {
    api[method] = (...args: unknown[]) => postCall(fetchImpl, session, method, args);
  }
  return api as ReaderApi;
}

export const isElectron = (): boolean => typeof window !== 'undefined' && window.quire !== undefined;

/** True when the desktop app served this page (its own scheme), whether or not the preload ran. */
export const isDesktopPage = (protocol: string = window.location.protocol): boolean => protocol === `${APP_SCHEME}:`;

/**
 * The API of the host the UI runs in: Electron's preload bridge, or HTTP in browser mode. Null for
 * a desktop page whose preload did not run (a broken build or install): falling back to HTTP there
 * would only call nobody, silently, so the page shows what went wrong instead.
 */
export function createApiClient(protocol: string = window.location.protocol): ReaderApi | null {
  if (window.quire) return window.quire;
  return isDesktopPage(protocol) ? null : createHttpApi();
}

/** The core's events: the preload's in the desktop app, the Server-Sent Events stream in browser mode. */
export function createEventSource(protocol: string = window.location.protocol): ReaderEventSource | null {
  if (window.quire) return window.quire;
  return isDesktopPage(protocol) ? null : createHttpEvents();
}

/** The URL of a file inside an article's folder (images in article HTML). */
export function assetUrl(articleId: string, relPath: string): string {
  const path = relPath
    .replace(/^\.\//, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  const id = encodeURIComponent(articleId);
  if (isElectron()) return `quire-content://articles/${id}/${path}`;
  // Article HTML reaches the page through a call, whose answer told the session where files are.
  return `${browserSession().contentBase ?? '/content/unknown'}/${id}/${path}`;
}

/**
 * Browser mode's credentials, kept by the page itself rather than in a cookie: a cookie of
 * 127.0.0.1 goes to every program on every port of 127.0.0.1, and any of them can overwrite it.
 *
 * - The token arrives once, in the fragment of the address (`/#token=…`, where the server's
 *   redirect from the printed address puts it), and is removed from the address bar at once.
 * - It is sent in the `X-Quire-Token` header of every call. It is kept in `sessionStorage` so a
 *   reload keeps working: that storage belongs to this tab and this origin, port included, so no
 *   page on another port (or in another tab) can read it.
 * - A token from the fragment replaces the kept one only once the server accepted it: a page on
 *   another port that sends this tab to `/#token=<garbage>` cannot lock it out.
 * - Article files need a second per-run key in their path (an `<img>` sends no header); every
 *   answer to a call with the token says where they are (`X-Quire-Content-Base`).
 */
import { CONTENT_BASE_HEADER, TOKEN_FIELD, TOKEN_HEADER } from '../../electron/shared/browser-mode';

/** Where this tab keeps the token across reloads. */
export const STORED_TOKEN_KEY = 'quire.token';

/** Refused by the server: the token is not (or no longer) the one of the running `quire serve`. */
const FORBIDDEN = 403;

export interface BrowserSession {
  /**
   * Sends one request with the token header, trying the tokens this tab knows best first, and
   * learns from the answer. `send` is called once per token tried (once with no header when there
   * is none: the server then answers why).
   */
  send(send: (headers: Record<string, string>) => Promise<Response>): Promise<Response>;
  /** `/content/<key>` once an answer told it; undefined before the first call. */
  readonly contentBase: string | undefined;
}

interface TokenStore {
  get(): string | null;
  set(token: string): void;
}

function sessionStorageStore(storage: Storage | undefined): TokenStore {
  // Storage can be switched off; the token then lives in memory only (a reload asks for the address).
  return {
    get: () => {
      try {
        return storage?.getItem(STORED_TOKEN_KEY) ?? null;
      } catch {
        return null;
      }
    },
    set: (token) => {
      try {
        storage?.setItem(STORED_TOKEN_KEY, token);
      } catch {
        // memory only
      }
    },
  };
}

/** The session of a page: `fromAddress` is the token the address brought, if any. */
export function createBrowserSession(fromAddress: string | null, store: TokenStore): BrowserSession {
  // Best first: a token the user just opened the printed address with, then the kept one.
  let tokens = [...new Set([fromAddress, store.get()].filter((token): token is string => !!token))];
  let contentBase: string | undefined;

  return {
    get contentBase() {
      return contentBase;
    },
    async send(send) {
      // The tokens as this call found them: calls made together (a page's first ones) may learn
      // the answer in any order, and one that narrowed the list to the accepted token must not
      // stop another, refused with a token it tried first, from trying the accepted one next.
      const toTry = tokens;
      for (let index = 0; ; index += 1) {
        const token = toTry[index];
        const response = await send(token ? { [TOKEN_HEADER]: token } : {});
        if (response.status === FORBIDDEN && index + 1 < toTry.length) continue;
        if (token && response.status !== FORBIDDEN) {
          tokens = [token];
          store.set(token);
        }
        contentBase = response.headers.get(CONTENT_BASE_HEADER) ?? contentBase;
        return response;
      }
    },
  };
}

/** Takes the token out of the address's fragment and the address bar. */
export function takeTokenFromAddress(location: Location, history: History): string | null {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const token = fragment.get(TOKEN_FIELD);
  if (token === null) return null;
  fragment.delete(TOKEN_FIELD);
  const rest = fragment.toString();
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
  return token;
}

let pageSession: BrowserSession | undefined;

/** The one session of this page, made on first use from its address and its tab's storage. */
export function browserSession(): BrowserSession {
  if (!pageSession) {
    let storage: Storage | undefined;
    try {
      storage = window.sessionStorage;
    } catch {
      storage = undefined; // storage switched off: reading the property itself throws
    }
    pageSession = createBrowserSession(takeTokenFromAddress(window.location, window.history), sessionStorageStore(storage));
  }
  return pageSession;
}

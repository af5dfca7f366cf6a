/**
 * The checks that keep browser mode private to the person who started it. A server on 127.0.0.1
 * is reachable by every web page the user visits (through DNS rebinding or plain cross-site
 * requests), by every other program listening on the loopback interface and by every local user,
 * so every request for data must prove it comes from the page `quire serve` printed the address of.
 *
 * No cookie carries that proof. Cookies ignore ports: a cookie of 127.0.0.1:7777 is sent to every
 * program on 127.0.0.1, and any page on another port can set (toss) one with the same name. So the
 * page keeps the token itself (per origin, which includes the port) and sends it in a header that
 * no other origin can add to a request without a CORS preflight this server never grants; cookies
 * are ignored entirely.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TOKEN_HEADER } from '../shared/browser-mode';


/** A fresh random secret for one run of the server (the token, the content route's key). */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** Constant-time comparison (hashing first makes the lengths equal). */
export function tokensMatch(expected: string, given: string | undefined): boolean {
  if (given === undefined || given === '') return false;
  const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(expected), digest(given));
}

/** The token a request carries in its `X-Quire-Token` header (never a cookie: see above). */
export function requestToken(request: IncomingMessage): string | undefined {
  const header = request.headers[TOKEN_HEADER.toLowerCase()];
  return typeof header === 'string' && header !== '' ? header : undefined;
}

/**
 * The `Host` header must name this server exactly. A page on evil.example whose DNS name was
 * re-pointed at 127.0.0.1 (DNS rebinding) sends `Host: evil.example:<port>` and is refused.
 */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const value = host.toLowerCase();
  return value === `127.0.0.1:${port}` || value === `localhost:${port}`;
}

/** When a request says where it comes from, it must come from this server's own pages (CSRF). */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  const value = origin.toLowerCase();
  return value === `http://127.0.0.1:${port}` || value === `http://localhost:${port}`;
}

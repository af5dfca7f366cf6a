/**
 * The checks that keep browser mode private to the person who started it. A server on 127.0.0.1
 * is reachable by every web page the user visits (through DNS rebinding or plain cross-site
 * requests) and by every local user, so every request must prove it comes from the address that
 * `quire serve` printed.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'quire_token';
export const TOKEN_HEADER = 'x-quire-token';

/** A fresh random token for one run of the server. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Constant-time comparison (hashing first makes the lengths equal). */
export function tokensMatch(expected: string, given: string | undefined): boolean {
  if (given === undefined || given === '') return false;
  const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(expected), digest(given));
}

/** The value of one cookie in a `Cookie` header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1) continue;
    if (part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}

/** The token a request carries, in its cookie or its `X-Quire-Token` header. */
export function requestToken(request: IncomingMessage): string | undefined {
  const header = request.headers[TOKEN_HEADER];
  if (typeof header === 'string' && header !== '') return header;
  return readCookie(request.headers.cookie, TOKEN_COOKIE);
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

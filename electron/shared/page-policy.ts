/**
 * Where Quire's page lives and the policy every host serves it under: the desktop app's
 * `quire-app:` scheme and browser mode's 127.0.0.1 server send the same Content-Security-Policy and
 * security headers, and the Vite build writes the same policy into index.html (a `<meta>` tag, for
 * any host that forgot the header). One source, so the hosts cannot drift apart again.
 */

/**
 * The desktop app's page is served at `quire-app://app/…`, never from file:// (module scripts from
 * file:// are blocked by CORS once the file-protocol fuse is off, which left a blank window).
 */
export const APP_SCHEME = 'quire-app';
export type AppScheme = typeof APP_SCHEME;
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The one page of the desktop window. */
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`;

/**
 * The policy of our page. `quire-content:` serves the images of imported articles and a PDF's
 * original in the desktop app (browser mode serves them from 'self' and never uses the scheme); the
 * reading fonts and pdf.js's worker ship with the app (workers fall back to `script-src 'self'`). Nothing else leaves the app's own files: no inline script, no eval, no frames.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: quire-content:",
  "font-src 'self'",
  // A PDF's original is fetched for the page view (quire-content: in the desktop app).
  "connect-src 'self' quire-content:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
  "form-action 'none'",
].join('; ');

/** The headers every response of our page's origin carries, in every host. */
export const PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': PAGE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

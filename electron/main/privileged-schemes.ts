/**
 * Quire's two schemes, made privileged in ONE call: Electron honours only one
 * `registerSchemesAsPrivileged` call (a second replaces the first), and only before `ready`.
 *
 * - `quire-app:` (our page) is standard (relative URLs, an origin of its own, storage) and secure
 *   (a secure context, like https). `supportFetchAPI` lets the page fetch its own files.
 * - `quire-content:` (an article's images, a PDF's original) is standard and secure so the page can
 *   show them, and `corsEnabled` so the page (another origin) can read a PDF's bytes with `fetch`
 *   for its page view. The privilege lets any origin read the scheme; the window only ever holds
 *   our page (navigation guards), and article files themselves are served with a `sandbox` CSP, so
 *   no document with an origin of its own ever runs in it.
 *
 * `quire-app:` is not `corsEnabled`: nothing else may read the page's files. Neither scheme
 * bypasses the CSP.
 *
 * `quire-app:` keeps V8's code cache (`codeCache`, which Electron honours only on a standard
 * scheme): Chromium caches compiled code for http(s) scripts only by default, so without it the
 * page's script is compiled from its source at every start, before the page can ask for the library.
 */
import type { CustomScheme, Protocol } from 'electron';
import { APP_SCHEME } from '../shared/page-policy';
import { CONTENT_SCHEME } from './content-protocol';

export const PRIVILEGED_SCHEMES: readonly CustomScheme[] = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  { scheme: CONTENT_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
];

/** Must run once, before the app is ready. */
export function registerPrivilegedSchemes(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([...PRIVILEGED_SCHEMES]);
}

/**
 * Quire's two schemes, made privileged in ONE call: Electron honours only one
 * `registerSchemesAsPrivileged` call (a second replaces the first), and only before `ready`.
 *
 * - `quire-app:` (our page) is standard (relative URLs, an origin of its own, storage) and secure
 *   (a secure context, like https). `supportFetchAPI` lets the page fetch its own files.
 * - `quire-content:` (an article's images) is standard and secure so the page can show them.
 *
 * Neither is `corsEnabled`: that privilege lets other origins read a scheme's responses; the page
 * loads its scripts from its own origin and shows article images as `<img>`, which need no CORS.
 * Neither bypasses the CSP.
 */
import type { CustomScheme, Protocol } from 'electron';
import { APP_SCHEME } from '../shared/page-policy';
import { CONTENT_SCHEME } from './content-protocol';

export const PRIVILEGED_SCHEMES: readonly CustomScheme[] = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  { scheme: CONTENT_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
];

/** Must run once, before the app is ready. */
export function registerPrivilegedSchemes(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([...PRIVILEGED_SCHEMES]);
}

/**
 * Every guard of the Electron security checklist (https://www.electronjs.org/docs/latest/tutorial/security)
 * that applies to Quire, in one place. `installSecurity` runs before any window exists, so no
 * web contents is ever created without them; `secureSession` runs once the app is ready.
 */
import { shell, type App, type Session, type WebContents } from 'electron';
import { PAGE_CSP } from '../shared/page-policy';

/** The URL when it is a well-formed http(s) address, else null. */
export function externalWebUrl(raw: string): URL | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}

/**
 * Opens a link in the system browser, only for http and https. Checklist #15 "Do not use
 * `shell.openExternal` with untrusted content": `file:`, `javascript:`, custom schemes and anything
 * unparsable never reach the OS.
 */
export function openExternalSafely(raw: string, log: (message: string, error?: unknown) => void = () => {}): boolean {
  const url = externalWebUrl(raw);
  if (!url) return false;
  shell.openExternal(url.href).catch((error: unknown) => log('Quire could not open a link in the browser.', error));
  return true;
}

export interface SecurityOptions {
  /** the only page a window may show */
  isOurPage(url: string): boolean;
  log?: (message: string, error?: unknown) => void;
}

/** The guards every web contents gets the moment it is created. */
export function guardWebContents(contents: WebContents, { isOurPage, log }: SecurityOptions): void {
  // Checklist #13 "Disable or limit navigation": the window only ever shows our own page.
  contents.on('will-navigate', (event) => {
    if (!isOurPage(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isOurPage(event.url)) event.preventDefault();
  });
  // Checklist #14 "Disable or limit creation of new windows": links meant for a new window go to
  // the system browser (http/https only) and Quire never opens a second window.
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url, log);
    return { action: 'deny' };
  });
  // Checklist #12 "Verify WebView options before creation": Quire uses no webview at all.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Call before the app is ready and before any window exists. */
export function installSecurity(app: App, options: SecurityOptions): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, options));
  app.on('session-created', (created) => secureSession(created));
}

const hasHeader = (headers: Record<string, string[]> | undefined, name: string): boolean =>
  Object.keys(headers ?? {}).some((key) => key.toLowerCase() === name);

/** Permissions and CSP of a session; call for the default session once the app is ready. */
export function secureSession(target: Session): void {
  // Checklist #5 "Handle session permission requests from remote content": Quire needs no
  // camera, notifications, geolocation or anything else, so every request and check is denied.
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  // Checklist #7 "Define a Content Security Policy" (the one policy of every host, in
  // electron/shared/page-policy.ts). Our page's own protocol sends it with every file; this puts it
  // on any other response that has none. Responses that carry their own policy (article files
  // from quire-content:, which are sandboxed) keep it.
  target.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders = { ...details.responseHeaders };
    if (!hasHeader(responseHeaders, 'content-security-policy')) {
      responseHeaders['Content-Security-Policy'] = [PAGE_CSP];
    }
    callback({ responseHeaders });
  });
}

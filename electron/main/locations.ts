/** Where the desktop app finds its own files, and which page is ours. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_HOST, APP_PAGE_URL, APP_SCHEME } from '../shared/page-policy';

export interface AppLocations {
  /** the build output (out/) */
  outDir: string;
  /** out/renderer: the build the `quire-app:` protocol serves */
  rendererDir: string;
  /** out/preload/index.cjs */
  preload: string;
  /** runtime assets: sample library, icon */
  resourcesDir: string;
}

/** Locations relative to the bundled main script (out/main/index.js), however Electron was started. */
export function appLocations(mainScript: string = fileURLToPath(import.meta.url)): AppLocations {
  const outDir = path.resolve(path.dirname(mainScript), '..');
  return {
    outDir,
    rendererDir: path.join(outDir, 'renderer'),
    preload: path.join(outDir, 'preload', 'index.cjs'),
    resourcesDir: path.join(outDir, '..', 'resources'),
  };
}

/** The window icon, when the resources folder has one. */
export function windowIcon(locations: AppLocations): string | undefined {
  const icon = path.join(locations.resourcesDir, 'icon.png');
  return existsSync(icon) ? icon : undefined;
}

/** The page the window loads: `quire-app://app/index.html`, with the reason when it was reloaded after a crash. */
export function pageUrl(recovered?: RecoveryReason): string {
  return recovered ? `${APP_PAGE_URL}?recovered=${recovered}` : APP_PAGE_URL;
}

/** Why the page was loaded again; the page says so to the user. */
export type RecoveryReason = 'crashed' | 'unresponsive';

/**
 * True for our own page (`quire-app://app/index.html` or `quire-app://app/`), whatever its hash or
 * query: the only page a window may show and the only one whose IPC main answers. Never file://.
 */
export function isOurPage(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === '' &&
    (parsed.pathname === '/index.html' || parsed.pathname === '/')
  );
}

/** Where the desktop app finds its own files, and which page is ours. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface AppLocations {
  /** the build output (out/) */
  outDir: string;
  /** out/renderer/index.html: the only page the window may show */
  rendererIndex: string;
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
    rendererIndex: path.join(outDir, 'renderer', 'index.html'),
    preload: path.join(outDir, 'preload', 'index.cjs'),
    resourcesDir: path.join(outDir, '..', 'resources'),
  };
}

/** The window icon, when the resources folder has one. */
export function windowIcon(locations: AppLocations): string | undefined {
  const icon = path.join(locations.resourcesDir, 'icon.png');
  return existsSync(icon) ? icon : undefined;
}

/** True for our own page (the renderer's index.html), whatever its hash or query. */
export function isOurPage(url: string, locations: Pick<AppLocations, 'rendererIndex'>): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'file:' || (parsed.host !== '' && parsed.host !== 'localhost')) return false;
  parsed.hash = '';
  parsed.search = '';
  try {
    return path.resolve(fileURLToPath(parsed)) === path.resolve(locations.rendererIndex);
  } catch {
    return false;
  }
}

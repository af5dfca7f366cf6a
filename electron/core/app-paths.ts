/**
 * Where the desktop app keeps its data, computed in plain Node exactly as Electron does for an app
 * named "Quire", so the CLI and browser mode open the same library and settings as the app.
 */
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Quire';

export interface PathEnvironment {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  homeDir?: string;
}

/** Electron's `app.getPath('appData')`: the per-user folder apps keep their data in. */
export function appDataDir({
  platform = process.platform,
  env = process.env,
  homeDir = os.homedir(),
}: PathEnvironment = {}): string {
  const p = platform === 'win32' ? path.win32 : path.posix;
  if (platform === 'win32') return env.APPDATA || p.join(homeDir, 'AppData', 'Roaming');
  if (platform === 'darwin') return p.join(homeDir, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || p.join(homeDir, '.config');
}

/** Electron's `app.getPath('userData')` for Quire. */
export function userDataDir(environment: PathEnvironment = {}): string {
  const p = (environment.platform ?? process.platform) === 'win32' ? path.win32 : path.posix;
  return p.join(appDataDir(environment), APP_NAME);
}

/** The library a fresh install uses. */
export function defaultLibraryDir(userData: string = userDataDir()): string {
  return path.join(userData, 'library');
}

/**
 * The file in userData that says where this machine's library lives once it was moved or another
 * one opened (Preferences). Machine-local, outside every library: two machines syncing one
 * library may keep it in different folders.
 */
export const LIBRARY_LOCATION_FILE = 'library-location.json';

/** The folder the location file names, or null (none, unreadable, or not an absolute path). */
export function chosenLibraryDir(userData: string): string | null {
  try {
    const parsed = JSON.parse(readFileSync(path.join(userData, LIBRARY_LOCATION_FILE), 'utf8')) as { libraryDir?: unknown };
    return typeof parsed.libraryDir === 'string' && path.isAbsolute(parsed.libraryDir) ? parsed.libraryDir : null;
  } catch {
    return null;
  }
}

/**
 * The library a host opens: an explicit flag, then `QUIRE_LIBRARY`, then the folder chosen in
 * Preferences, then the desktop app's default library. An empty value counts as unset.
 */
export function resolveLibraryDir(
  flag?: string,
  { env = process.env, userData }: { env?: NodeJS.ProcessEnv; userData?: string } = {},
): string {
  const chosen = flag || env.QUIRE_LIBRARY;
  if (chosen) return path.resolve(chosen);
  const dataDir = userData ?? userDataDir({ env });
  return chosenLibraryDir(dataDir) ?? defaultLibraryDir(dataDir);
}

/**
 * The real path of `dir`, or of its nearest existing ancestor with the rest appended, so a library
 * reached through a symlink and the same library reached directly share one cache.
 */
export function canonicalDir(dir: string): string {
  const absolute = path.resolve(dir);
  const missing: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return path.join(realpathSync.native(current), ...missing.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return absolute;
      missing.push(path.basename(current));
      current = parent;
    }
  }
}

/** The cache folder (search index) of one library: different libraries never share an index. */
export function cacheDirFor(userData: string, libraryDir: string): string {
  const key = createHash('sha256').update(canonicalDir(libraryDir)).digest('hex').slice(0, 16);
  return path.join(userData, '.quire-cache', key);
}

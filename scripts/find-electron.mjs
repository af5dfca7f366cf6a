// Where the Electron binary is, found the way `require('electron')` finds it, without its lazy
// download (which throws where GitHub is unreachable). Used by `npm start` and the Electron e2e spec.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const electronPackageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'electron');

/** @returns {string | null} the executable, or null when it is not installed */
export function findElectron() {
  const pathFile = path.join(electronPackageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = path.join(override, executable || 'electron');
    return existsSync(candidate) ? candidate : null;
  }
  if (!executable) return null;
  const candidate = path.join(electronPackageDir, 'dist', executable);
  return existsSync(candidate) ? candidate : null;
}

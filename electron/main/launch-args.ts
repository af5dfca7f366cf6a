/**
 * What a launch asks Quire to open: files ("Open with Quire", a second launch, `quire FILE` from a
 * shell) and `quire://` links (Windows and Linux pass them on the command line). Pure: the caller
 * checks the files exist.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isImportableName } from './import-file-types';
import { isQuireLink } from './quire-link';

export interface LaunchRequest {
  /** absolute paths of importable files, in the order given */
  files: string[];
  /** `quire:` links, unparsed (see quire-link.ts) */
  links: string[];
}

/** A path or a `file:` URL (Linux desktop entries pass %U) as an absolute path, else null. */
function toPath(arg: string, cwd: string): string | null {
  if (/^file:/i.test(arg)) {
    try {
      return fileURLToPath(arg);
    } catch {
      return null;
    }
  }
  return path.resolve(cwd, arg);
}

/**
 * Reads an argv as Electron gives it (`process.argv` or a `second-instance` event's): the
 * executable first, then Chromium's and our switches, the app's script when not packaged, and the
 * files or links. Switches are skipped (Chromium adds some of its own to a second launch's argv);
 * only names Quire imports count as files, which also leaves out the app's own script.
 */
export function parseLaunchArgs(argv: readonly string[], cwd: string): LaunchRequest {
  const files: string[] = [];
  const links: string[] = [];
  let switchesEnded = false;
  for (const arg of argv.slice(1)) {
    if (!switchesEnded && arg === '--') {
      switchesEnded = true;
      continue;
    }
    if (!switchesEnded && arg.startsWith('-')) continue;
    if (isQuireLink(arg)) {
      links.push(arg);
      continue;
    }
    const file = toPath(arg, cwd);
    if (file && isImportableName(file) && !files.includes(file)) files.push(file);
  }
  return { files, links };
}

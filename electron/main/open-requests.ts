/**
 * "Open with Quire", a second launch and `quire://` links, whichever way they arrive (the first
 * launch's argv, `second-instance`, macOS `open-file` / `open-url`): files become one
 * `open-files` command (the page imports them as a job and opens the first), a valid link an
 * `open-article` command; a malformed link is logged and dropped. macOS sends one `open-file` per
 * file, so files arriving together are gathered into one import.
 */
import type { AppCommand } from '../shared/commands';
import { parseLaunchArgs } from './launch-args';
import { parseQuireLink } from './quire-link';

/** macOS delivers a multi-file "Open With" as a quick burst of events. */
export const GATHER_MS = 150;

export interface OpenRequestOptions {
  send: (command: AppCommand) => void;
  /** brings the window to the front (restored from minimized, focused) */
  showWindow: () => void;
  /** true for an existing regular file */
  isFile: (path: string) => boolean;
  log: (message: string) => void;
  setTimer?: (callback: () => void, ms: number) => unknown;
}

export interface OpenRequests {
  /** argv of the first launch or of a second one, with its working directory */
  openArgv(argv: readonly string[], cwd: string): void;
  openFile(path: string): void;
  openLink(raw: string): void;
}

export function createOpenRequests(options: OpenRequestOptions): OpenRequests {
  const setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
  let gathered: string[] = [];
  let timerSet = false;

  const sendGathered = (): void => {
    timerSet = false;
    const paths = gathered;
    gathered = [];
    if (paths.length === 0) return;
    options.send({ type: 'open-files', paths });
    options.showWindow();
  };

  const openFile = (path: string): void => {
    if (!options.isFile(path)) {
      options.log(`Not opened: ${path} is not a file.`);
      return;
    }
    if (!gathered.includes(path)) gathered.push(path);
    if (!timerSet) {
      timerSet = true;
      setTimer(sendGathered, GATHER_MS);
    }
  };

  const openLink = (raw: string): void => {
    const parsed = parseQuireLink(raw);
    if (!parsed.ok) {
      // The link is the user's or another program's: say what was wrong, never act on it.
      options.log(`Ignored a quire:// link (${parsed.reason}): ${raw.slice(0, 200)}`);
      return;
    }
    options.send({ type: 'open-article', ...parsed.target });
    options.showWindow();
  };

  return {
    openArgv(argv, cwd) {
      const request = parseLaunchArgs(argv, cwd);
      for (const file of request.files) openFile(file);
      for (const link of request.links) openLink(link);
    },
    openFile,
    openLink,
  };
}

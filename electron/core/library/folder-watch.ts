/**
 * chokidar on a library's `articles/` and `trash/`: every file event below them, as a path. It runs
 * in the library watcher's own thread (watch-worker.ts): at open, chokidar lists and watches every
 * article folder (20,000 folders for 10,000 articles, seconds of work) and on the main thread that
 * scan delayed every answer the app gave meanwhile. Chokidar 6 and not 4: 4 listed a new folder
 * before watching it and lost what was written in between (paulmillr/chokidar#1471).
 */
import path from 'node:path';
import { watch } from 'chokidar';

export interface FolderWatch {
  /** resolves when changes are seen (the initial scan of the folders is done) */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

export function watchFolders(
  root: string,
  folders: readonly string[],
  onFile: (file: string) => void,
  onError: (error: unknown) => void,
): FolderWatch {
  const watcher = watch([...folders], {
    ignoreInitial: true,
    // articles/<id>/annotations/<file>: deeper folders (none today) are not the library's.
    depth: 2,
    // Staging and swapped-out folders (.tmp-, .replaced-) are half-made articles; assets never change alone.
    ignored: (file) => {
      const parts = path.relative(root, file).split(path.sep);
      return parts.some((part) => part.startsWith('.')) || parts[2] === 'assets';
    },
  });
  watcher.on('all', (_event, file) => onFile(file));
  watcher.on('error', onError);
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return { ready, close: () => watcher.close() };
}

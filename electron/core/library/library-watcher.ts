/**
 * Watches `articles/` and `trash/` for changes made by anyone (another Quire, a sync tool, a hand
 * edit) and reports them per article, a short while after they settle, so that a burst of file
 * events (an import, an atomic write's temp file and rename) becomes one report.
 */
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { Log } from '../log';
import { isValidId, type LibraryPaths } from './library-paths';
import { isConflictCopy } from './sync/conflict-names';

/** Collects events for this long after the first one: long enough for a folder rename's events, short enough to show a change within a second. */
const SETTLE_MS = 200;

/** What changed in one article's folders since the last report. */
export interface TouchedArticle {
  /** annotation files and trashed copies that changed (what memory holds no copy of) */
  otherFiles: Set<string>;
  /** a synchronizer's conflict copy appeared (sync/conflict-names.ts): to be merged */
  conflictCopies: boolean;
}

export type TouchedArticles = ReadonlyMap<string, TouchedArticle>;

export interface LibraryWatcher {
  /** Resolves when the watcher sees changes (the initial scan of the folders is done). */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

export function watchLibrary(
  paths: LibraryPaths,
  onChange: (touched: TouchedArticles) => Promise<void>,
  log: Log,
): LibraryWatcher {
  let touched = new Map<string, TouchedArticle>();
  let timer: NodeJS.Timeout | null = null;
  let reporting: Promise<void> = Promise.resolve();

  const report = (): void => {
    timer = null;
    const batch = touched;
    touched = new Map();
    // One report at a time, in order: a later one sees what the earlier one took in.
    reporting = reporting.then(() => onChange(batch)).catch((error: unknown) => log('Changes to the library folder could not be taken in', error));
  };

  const noteEvent = (file: string): void => {
    const [area, id, ...rest] = path.relative(paths.root, file).split(path.sep);
    if ((area !== 'articles' && area !== 'trash') || id === undefined || !isValidId(id)) return;
    let article = touched.get(id);
    if (!article) {
      article = { otherFiles: new Set(), conflictCopies: false };
      touched.set(id, article);
    }
    // article.json is compared with memory; content files never change without it (a new text
    // changes its hash); annotations and the trash have no copy in memory to compare with.
    const isAnnotation = rest.length === 2 && rest[0] === 'annotations' && rest[1]!.endsWith('.json');
    if (area === 'trash' || isAnnotation) article.otherFiles.add(file);
    if (isConflictCopy(path.basename(file))) article.conflictCopies = true;
    timer ??= setTimeout(report, SETTLE_MS);
  };

  const watcher: FSWatcher = watch([paths.articlesDir, paths.trashDir], {
    ignoreInitial: true,
    // articles/<id>/annotations/<file>: deeper folders (none today) are not the library's.
    depth: 2,
    // Staging and swapped-out folders (.tmp-, .replaced-) are half-made articles; assets never change alone.
    ignored: (file) => {
      const parts = path.relative(paths.root, file).split(path.sep);
      return parts.some((part) => part.startsWith('.')) || parts[2] === 'assets';
    },
  });
  watcher.on('all', (_event, file) => noteEvent(file));
  watcher.on('error', (error) => log('Watching the library folder for changes failed', error));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  return {
    ready,
    async close() {
      if (timer) clearTimeout(timer);
      await watcher.close();
      await reporting;
    },
  };
}

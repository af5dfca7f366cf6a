/**
 * The library watcher's part in merging conflict copies while the app runs: when a synchronizer
 * drops one into an article folder (live or trashed), each is settled under the article's lock, as
 * `quire check --repair` does, and every action is logged.
 */
import type { Log } from '../../log';
import { withArticleLock } from '../library-locks';
import type { LibraryPaths } from '../library-paths';
import { conflictCopiesIn, resolveConflictCopy, settledSentence } from './resolve-conflicts';
import { englishSentence } from '../../../shared/i18n/english-sentence';

/** Settles the conflict copies of one article; returns how many there were. */
export async function settleConflictCopies(paths: LibraryPaths, articleId: string, now: () => string, log: Log): Promise<number> {
  let settled = 0;
  for (const dir of [paths.articleDir(articleId), paths.trashedDir(articleId)]) {
    const copies = await conflictCopiesIn(dir);
    if (copies.length === 0) continue;
    await withArticleLock(paths.root, articleId, async () => {
      for (const found of copies) {
        try {
          const done = await resolveConflictCopy(paths.root, dir, found, now());
          log(`A synchronizer's conflict copy: ${englishSentence(settledSentence(found.copy, done))}`);
          settled += 1;
        } catch (error) {
          log(`A synchronizer's conflict copy ${found.copy} could not be merged`, error);
        }
      }
    });
  }
  return settled;
}

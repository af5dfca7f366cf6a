/**
 * A folder synchronizer writes an article one file at a time, in any order: for a while the folder
 * may hold article.json without its text, or the text without article.json. Such a folder is
 * *arriving*, not broken, while it keeps changing. The rule: an article folder that lacks one of
 * article.json, content.html or text.txt, and in which something changed in the last ten minutes,
 * is not listed; the library watcher takes it in when its last file lands. The check leaves it
 * alone too (not repaired, not quarantined) when article.json or content.html is the missing one;
 * a missing text.txt is derived from content.html as before, since that gives exactly the text
 * on its way. Older than ten minutes, a folder is judged as it is (`quire check` reports it and
 * `--repair` mends it). "Changed" is the newest status-change or modification time of the folder
 * and its files: synchronizers give a file the time it was written on the other machine, but the
 * status-change time is when it landed here.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { namesIn } from '../../fs/names-in';
import { articleFiles } from '../library-paths';

/** How long an incomplete article folder counts as arriving after its last change. */
export const ARRIVING_MS = 10 * 60_000;

/** The newest change time (ms) of the folder, its files and its annotations; 0 when none is there. */
export async function lastChangeIn(dir: string): Promise<number> {
  const annotations = articleFiles(dir).annotationsDir;
  const paths = [dir, ...(await namesIn(dir)).map((n) => path.join(dir, n)), ...(await namesIn(annotations)).map((n) => path.join(annotations, n))];
  let newest = 0;
  for (const file of paths) {
    const info = await stat(file).catch(() => null);
    if (info) newest = Math.max(newest, info.ctimeMs, info.mtimeMs);
  }
  return newest;
}

const ARTICLE_FILES = ['article.json', 'content.html', 'text.txt'] as const;
/** What the check cannot make again without loss from what else is there. */
export const FILES_NOT_DERIVED = ['article.json', 'content.html'] as const;

/** Whether these files of an article (all three by default) are there. */
export async function hasArticleFiles(dir: string, required: readonly string[] = ARTICLE_FILES): Promise<boolean> {
  const names = await namesIn(dir);
  return required.every((name) => names.includes(name));
}

/** An article folder still being written by a synchronizer (see the rule above): one of `required` is missing and it changed a moment ago. */
export async function isArriving(dir: string, withinMs: number, required: readonly string[] = ARTICLE_FILES, nowMs: number = Date.now()): Promise<boolean> {
  if (withinMs <= 0 || (await hasArticleFiles(dir, required))) return false;
  return nowMs - (await lastChangeIn(dir)) < withinMs;
}

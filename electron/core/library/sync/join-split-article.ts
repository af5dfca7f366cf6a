/**
 * An article deleted (moved to the trash) on one machine while it was annotated on another: the
 * synchronizer keeps the new bookmark — a change beats a deletion — so `articles/<id>/` comes
 * back holding only that bookmark (and perhaps an article.json with the other machine's new
 * tags), beside the whole article in `trash/<id>/`. Restoring on one machine while the other
 * annotated the trashed copy leaves the mirror image. Such a part joins its whole twin: bookmarks
 * and notes move in (merged by id where both have one), article.json is merged field by field,
 * and the emptied folder goes. Whatever else it held is kept in quarantine, never deleted.
 */
import { mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { writeJsonAtomic } from '../../fs/atomic-write';
import { namesIn } from '../../fs/names-in';
import { quarantine } from '../check/quarantine';
import { readChecked } from '../check/read-checked';
import { annotationSchema, articleMetaSchema } from '../file-schemas';
import { articleFiles } from '../library-paths';
import { mergeAnnotation } from './merge-annotation';
import { mergeArticleMeta } from './merge-article-meta';

/** Moves what `part` holds into `whole` (the same article's complete folder); returns how many bookmarks and notes moved. */
export async function joinSplitArticle(root: string, part: string, whole: string, now: string): Promise<number> {
  const from = articleFiles(part);
  const into = articleFiles(whole);
  let moved = 0;
  const names = (await namesIn(from.annotationsDir)).filter((n) => n.endsWith('.json'));
  if (names.length > 0) await mkdir(into.annotationsDir, { recursive: true });
  for (const name of names) {
    const source = path.join(from.annotationsDir, name);
    const target = path.join(into.annotationsDir, name);
    const theirs = await readChecked(source, annotationSchema);
    if (!theirs.ok) continue; // left for the quarantine below
    const mine = await readChecked(target, annotationSchema);
    if (mine.ok) {
      const merged = mergeAnnotation(mine.value, theirs.value);
      if (merged !== mine.value) await writeJsonAtomic(target, merged);
      await rm(source, { force: true });
    } else if (mine.missing) {
      await rename(source, target);
    } else {
      continue;
    }
    moved += 1;
  }
  const theirMeta = await readChecked(from.meta, articleMetaSchema);
  const myMeta = await readChecked(into.meta, articleMetaSchema);
  if (theirMeta.ok && myMeta.ok) {
    const merged = mergeArticleMeta(myMeta.value, theirMeta.value, 'a');
    if (JSON.stringify(merged) !== JSON.stringify(myMeta.value)) await writeJsonAtomic(into.meta, merged);
    await rm(from.meta, { force: true });
  }
  await removeIfEmpty(from.annotationsDir);
  if ((await namesIn(part)).length > 0) {
    await quarantine(root, part, `it held files of an article that is in ${path.relative(root, whole).split(path.sep).join('/')} (the bookmarks and notes were moved there)`, now);
  } else {
    await rmdir(part);
  }
  return moved;
}

async function removeIfEmpty(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => null);
  if (names !== null && names.length === 0) await rmdir(dir);
}

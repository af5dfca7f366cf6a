/**
 * Checks one article folder (live or trashed): article.json, content.html, text.txt, the
 * annotations, and temp files of interrupted writes. Reads only.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Annotation } from '../../../shared/models';
import { isAtomicWriteLeftover } from '../../fs/leftovers';
import { namesIn } from '../../fs/names-in';
import { hasUncleanLabels } from '../clean-labels';
import { annotationSchema, articleMetaSchema } from '../file-schemas';
import { hasIsoDates } from '../iso-dates';
import { articleFiles, isValidId } from '../library-paths';
import type { CheckedArticle, CheckProblem } from './check-types';
import { sanitizedContentOf, textOfContent } from './derive-text';
import { readChecked, readTextIfPresent } from './read-checked';
import { FILES_NOT_DERIVED, hasArticleFiles, isArriving } from '../sync/arriving';
import { conflictCopiesIn } from '../sync/resolve-conflicts';

export interface ArticleCheck {
  /** null when the article cannot be read at all (it is then quarantined by a repair) */
  article: CheckedArticle | null;
  problems: CheckProblem[];
  /** incomplete and still being written by a synchronizer: neither read nor judged */
  arriving?: boolean;
}

export interface ArticleCheckOptions {
  /** compare text.txt with the text of content.html (parses the HTML: the slow part) */
  deep: boolean;
  /** `articles/<id>` or `trash/<id>`, for messages */
  where: string;
  /** the same article's folder on the other side (`trash/<id>` for a live one and the reverse) */
  twinDir?: string;
  /** an incomplete folder changed within this many ms is arriving (sync/arriving.ts); 0 judges every folder as it is */
  arrivingWithinMs?: number;
}

export async function checkArticle(dir: string, id: string, options: ArticleCheckOptions): Promise<ArticleCheck> {
  const files = articleFiles(dir);
  const problems: CheckProblem[] = await leftoversIn(dir, options.where, ['', 'annotations', 'assets']);
  if (await isArriving(dir, options.arrivingWithinMs ?? 0, FILES_NOT_DERIVED)) return { article: null, problems, arriving: true };
  const copies = await conflictCopiesIn(dir);
  for (const found of copies) {
    const name = path.relative(dir, found.copy).split(path.sep).join('/');
    problems.push({
      where: `${options.where}/${name}`,
      message: `A synchronizer's conflict copy of ${path.basename(found.original)}; it can be merged into it and removed.`,
      repair: { kind: 'merge-conflict-copy', articleId: id, articleDir: dir, copy: found.copy, original: found.original },
    });
  }
  const meta = await readChecked(files.meta, articleMetaSchema);
  // A conflict copy of article.json takes its place when it cannot be read: judged again after that.
  if (!meta.ok && copies.some((c) => c.original === files.meta)) return { article: null, problems };
  const split = await splitFromTwin(dir, options);
  if (split) {
    problems.push(split);
    return { article: null, problems };
  }
  if (!meta.ok && meta.missing && (await isOrphanAnnotationFolder(dir))) {
    const reason = 'bookmarks or notes without their article (article.json, content.html and text.txt are missing)';
    problems.push({
      where: options.where,
      message: `A folder of ${reason}: another Quire wrote them while the article was being moved to the trash or deleted.`,
      repair: { kind: 'quarantine', path: dir, reason },
    });
    return { article: null, problems };
  }
  if (!meta.ok) {
    const reason = `article.json ${meta.reason}`;
    problems.push({ where: options.where, message: `This article cannot be read: ${reason}.`, repair: { kind: 'quarantine', path: dir, reason } });
    return { article: null, problems };
  }
  if (hasUncleanLabels(meta.value)) {
    problems.push({
      where: `${options.where}/article.json`,
      message: 'The title or tags hold characters Quire never stores in a label (direction overrides, zero-width spaces, half characters) or a tag it refuses; they can be cleaned.',
      repair: { kind: 'clean-labels', articleId: id, dir },
    });
  }
  problems.push(...(await emptyOriginalsIn(dir, options.where)));
  const [html, text] = await Promise.all([readTextIfPresent(files.content), readTextIfPresent(files.text)]);
  if (html === null && text === null) {
    const reason = 'content.html and text.txt are both missing';
    problems.push({ where: options.where, message: `This article cannot be shown: ${reason}.`, repair: { kind: 'quarantine', path: dir, reason } });
    return { article: null, problems };
  }
  if (html === null) {
    problems.push({
      where: `${options.where}/content.html`,
      message: 'content.html is missing; it can be rebuilt from text.txt (as plain paragraphs).',
      repair: { kind: 'rebuild-content', articleId: id, dir },
    });
  } else if (text === null) {
    problems.push({
      where: `${options.where}/text.txt`,
      message: 'text.txt is missing; it can be derived again from content.html.',
      repair: { kind: 'rederive-text', articleId: id, dir },
    });
  } else if (options.deep && (await sanitizedContentOf(dir, html)).changed) {
    problems.push({
      where: `${options.where}/content.html`,
      message: 'content.html holds markup Quire never stores (scripts, event handlers, frames, forms or the like); it can be sanitized (bookmarks are re-anchored).',
      repair: { kind: 'sanitize-content', articleId: id, dir },
    });
  } else if (options.deep && textOfContent(html) !== text) {
    problems.push({
      where: `${options.where}/text.txt`,
      message: 'text.txt is not the text of content.html; it can be derived again (bookmarks are re-anchored).',
      repair: { kind: 'rederive-text', articleId: id, dir },
    });
  }
  const annotations = await checkAnnotations(files.annotationsDir, id, `${options.where}/annotations`, problems);
  // The folder name is the identity, as the article store reads it.
  return { article: { meta: { ...meta.value, id }, annotations }, problems };
}

/**
 * A folder without its text whose twin (the same id in the trash, or in the library) is whole: what
 * a deletion on one machine and a bookmark or tag on another leave (sync/join-split-article.ts).
 */
async function splitFromTwin(dir: string, options: ArticleCheckOptions): Promise<CheckProblem | null> {
  if (options.twinDir === undefined) return null;
  const names = await namesIn(dir);
  if (names.includes('content.html') || names.includes('text.txt')) return null;
  if (!(await hasArticleFiles(options.twinDir))) return null;
  const twin = options.where.startsWith('trash/') ? 'the library' : 'the trash';
  return {
    where: options.where,
    message: `Bookmarks, notes or details of an article that is in ${twin}, written on another machine while it was moved there; they can be joined to it.`,
    repair: { kind: 'join-split-article', part: dir, whole: options.twinDir },
  };
}

/**
 * An empty `original.<ext>` is no copy of what was imported (an older Quire read a named pipe
 * twice and kept the empty second read): set aside, so nothing re-extracts the article from it.
 */
async function emptyOriginalsIn(dir: string, where: string): Promise<CheckProblem[]> {
  const problems: CheckProblem[] = [];
  for (const name of (await namesIn(dir)).filter((n) => n.startsWith('original.')).sort()) {
    const file = path.join(dir, name);
    if ((await stat(file)).size > 0) continue;
    const reason = `${name} is empty, not the file that was imported`;
    problems.push({ where: `${where}/${name}`, message: `${reason}; it can be set aside (the article keeps its text).`, repair: { kind: 'quarantine', path: file, reason } });
  }
  return problems;
}

/** A folder with annotations and none of an article's own files: what a write into a trashed article leaves. */
async function isOrphanAnnotationFolder(dir: string): Promise<boolean> {
  const names = await namesIn(dir);
  return names.includes('annotations') && !names.some((name) => name === 'content.html' || name === 'text.txt');
}

async function checkAnnotations(dir: string, articleId: string, where: string, problems: CheckProblem[]): Promise<Annotation[]> {
  const names = await namesIn(dir);
  const annotations: Annotation[] = [];
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    const annotationId = name.slice(0, -'.json'.length);
    if (!isValidId(annotationId)) continue;
    const read = await readChecked(path.join(dir, name), annotationSchema);
    if (read.ok) {
      annotations.push({ ...read.value, id: annotationId, articleId });
      if (!hasIsoDates(read.value)) {
        problems.push({
          where: `${where}/${name}`,
          message: 'A bookmark or note has dates that are not ISO 8601 dates; they can be set to the time of the repair.',
          repair: { kind: 'date-annotation', path: path.join(dir, name) },
        });
      }
    } else {
      const reason = `${name} ${read.reason}`;
      problems.push({ where: `${where}/${name}`, message: `A bookmark or note cannot be read: ${reason}.`, repair: { kind: 'quarantine', path: path.join(dir, name), reason } });
    }
  }
  return annotations;
}

/** Temp files of interrupted atomic writes in `dir` and the named subfolders. */
export async function leftoversIn(dir: string, where: string, subfolders: readonly string[]): Promise<CheckProblem[]> {
  const problems: CheckProblem[] = [];
  for (const sub of subfolders) {
    const folder = path.join(dir, sub);
    for (const name of (await namesIn(folder)).filter(isAtomicWriteLeftover).sort()) {
      const relative = [where, sub, name].filter(Boolean).join('/');
      problems.push({ where: relative, message: 'A temp file left by an interrupted write.', repair: { kind: 'remove-leftover', path: path.join(folder, name) } });
    }
  }
  return problems;
}

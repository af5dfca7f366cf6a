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
import { problemAt, type CheckedArticle, type CheckProblem } from './check-types';
import { say } from '../../../shared/i18n/core-sentences';
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
    problems.push(
      problemAt(`${options.where}/${name}`, say('core.check.problem.conflictCopy', { file: path.basename(found.original) }), {
        kind: 'merge-conflict-copy',
        articleId: id,
        articleDir: dir,
        copy: found.copy,
        original: found.original,
      }),
    );
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
    problems.push(problemAt(options.where, say('core.check.problem.orphanAnnotations'), { kind: 'quarantine', path: dir, reason, why: { cause: 'orphanAnnotations' } }));
    return { article: null, problems };
  }
  if (!meta.ok) {
    const reason = `article.json ${meta.reason}`;
    const { state, field } = meta;
    problems.push(
      problemAt(options.where, say('core.check.problem.articleUnreadable', { state, field }), {
        kind: 'quarantine',
        path: dir,
        reason,
        why: { cause: 'unreadable', file: 'article.json', state, field },
      }),
    );
    return { article: null, problems };
  }
  if (hasUncleanLabels(meta.value)) {
    problems.push(problemAt(`${options.where}/article.json`, say('core.check.problem.uncleanLabels'), { kind: 'clean-labels', articleId: id, dir }));
  }
  problems.push(...(await emptyOriginalsIn(dir, options.where)));
  const [html, text] = await Promise.all([readTextIfPresent(files.content), readTextIfPresent(files.text)]);
  if (html === null && text === null) {
    const reason = 'content.html and text.txt are both missing';
    problems.push(problemAt(options.where, say('core.check.problem.noText'), { kind: 'quarantine', path: dir, reason, why: { cause: 'noText' } }));
    return { article: null, problems };
  }
  if (html === null) {
    problems.push(problemAt(`${options.where}/content.html`, say('core.check.problem.contentMissing'), { kind: 'rebuild-content', articleId: id, dir }));
  } else if (text === null) {
    problems.push(problemAt(`${options.where}/text.txt`, say('core.check.problem.textMissing'), { kind: 'rederive-text', articleId: id, dir }));
  } else if (options.deep && (await sanitizedContentOf(dir, html)).changed) {
    problems.push(problemAt(`${options.where}/content.html`, say('core.check.problem.unsafeMarkup'), { kind: 'sanitize-content', articleId: id, dir }));
  } else if (options.deep && textOfContent(html) !== text) {
    problems.push(problemAt(`${options.where}/text.txt`, say('core.check.problem.textDiffers'), { kind: 'rederive-text', articleId: id, dir }));
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
  const twin = options.where.startsWith('trash/') ? 'library' : 'trash';
  return problemAt(options.where, say('core.check.problem.splitPart', { twin }), { kind: 'join-split-article', part: dir, whole: options.twinDir });
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
    problems.push(
      problemAt(`${where}/${name}`, say('core.check.problem.emptyOriginal', { file: name }), {
        kind: 'quarantine',
        path: file,
        reason,
        why: { cause: 'emptyOriginal', file: name },
      }),
    );
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
        problems.push(problemAt(`${where}/${name}`, say('core.check.problem.badDates'), { kind: 'date-annotation', path: path.join(dir, name) }));
      }
    } else {
      const reason = `${name} ${read.reason}`;
      const { state, field } = read;
      problems.push(
        problemAt(`${where}/${name}`, say('core.check.problem.annotationUnreadable', { file: name, state, field }), {
          kind: 'quarantine',
          path: path.join(dir, name),
          reason,
          why: { cause: 'unreadable', file: name, state, field },
        }),
      );
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
      problems.push(problemAt(relative, say('core.check.problem.leftover'), { kind: 'remove-leftover', path: path.join(folder, name) }));
    }
  }
  return problems;
}

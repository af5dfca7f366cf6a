/**
 * Bookmarks and notes of an article: one JSON file each under `annotations/`, so two machines that
 * sync a library never edit the same file by adding passages (docs/design.md §2).
 */
import { readdirSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import type { Annotation } from '../../shared/models';
import { QuireError } from '../../shared/result';
import { say } from '../../shared/i18n/core-sentences';
import { sentenceError } from '../../shared/i18n/english-sentence';
import { errorCode, isNotFound, readJsonFile, writeJsonAtomic } from '../fs/atomic-write';
import { articleGone, isFile } from '../library/article-store';
import { annotationSchema } from '../library/file-schemas';
import { articleAnnotationsDir, articleFiles, isValidId } from '../library/library-paths';
import type { FolderStamp } from '../fs/stat-stamp';
import type { Log } from '../log';
import type { AnnotationFolderCache } from './annotation-folder-cache';

export const annotationNotFound = (): QuireError =>
  sentenceError('not-found', say('core.error.annotationNotFound'));

/** Whole-article notes first, then passages in reading order, then oldest first. */
export const byPosition = (a: Annotation, b: Annotation): number =>
  (a.target?.position.start ?? -1) - (b.target?.position.start ?? -1) ||
  a.createdAt.localeCompare(b.createdAt) ||
  a.id.localeCompare(b.id);

/**
 * Writes `annotations/<id>.json` into an article folder (the live one, or a staging one). Only the
 * `annotations` folder is created, never the article's: when another process has moved the
 * article to the trash, the write fails instead of leaving a folder of annotations with no article.
 */
export async function writeAnnotationFile(articleDir: string, annotation: Annotation): Promise<void> {
  const files = articleFiles(articleDir);
  try {
    await mkdir(files.annotationsDir);
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw isNotFound(error) ? articleGone() : error;
  }
  try {
    await writeJsonAtomic(files.annotation(annotation.id), annotation);
  } catch (error) {
    throw isNotFound(error) ? articleGone() : error;
  }
}

/** Whether an `annotations/` folder holds any `.json` file; no folder (or none readable) holds none, as `list` finds. */
function holdsAnnotationFiles(dir: string): boolean {
  try {
    return readdirSync(dir).some((name) => name.endsWith('.json'));
  } catch {
    return false;
  }
}

export class AnnotationStore {
  /** @param articleDir the live folder of an article (the caller checks the article exists) */
  constructor(
    private readonly articleDir: (articleId: string) => string,
    private readonly log: Log,
    /** told of every file written or removed, so the library watcher knows the change was this process's own */
    private readonly wrote: (file: string) => void = () => {},
    /** runs a write under the article's lock between processes, so no other process moves the folder meanwhile */
    private readonly whileLocked: <T>(articleId: string, task: () => Promise<T>) => Promise<T> = (_id, task) => task(),
  ) {}

  /**
   * Whether the article's `annotations/` folder holds any file `list` would read; through
   * `folders`, listed only when it changed since it was last listed. Synchronous on purpose:
   * fingerprinting a library asks it of every article, most of which have none, and ten thousand
   * listings in a row cost a fraction of as many promises. `prefetched`: the folder's stamp read
   * ahead (annotation-folder-cache.ts).
   */
  hasAnnotationFiles(articleId: string, folders?: AnnotationFolderCache, prefetched?: FolderStamp | null): boolean {
    const dir = articleAnnotationsDir(this.articleDir(articleId));
    return folders ? folders.holdsFiles(articleId, dir, holdsAnnotationFiles, prefetched) : holdsAnnotationFiles(dir);
  }

  async list(articleId: string): Promise<Annotation[]> {
    const dir = articleFiles(this.articleDir(articleId)).annotationsDir;
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
    // Only `<id>.json`: the temp files of an interrupted atomic write have other names.
    const ids = names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5)).filter(isValidId);
    const read = await Promise.all(
      ids.map((id) =>
        this.read(articleId, id).catch((error: unknown) => {
          // A broken file hides one annotation, never the others.
          this.log(`Skipping annotation ${articleId}/${id}: ${error instanceof Error ? error.message : String(error)}`);
          return null;
        }),
      ),
    );
    return read.filter((a): a is Annotation => a !== null).sort(byPosition);
  }

  async get(articleId: string, annotationId: string): Promise<Annotation> {
    if (!isValidId(annotationId)) throw annotationNotFound();
    try {
      return await this.read(articleId, annotationId);
    } catch (error) {
      if (error instanceof QuireError && error.code === 'not-found') throw annotationNotFound();
      throw error;
    }
  }

  async save(annotation: Annotation): Promise<void> {
    const dir = this.articleDir(annotation.articleId);
    await this.whileLocked(annotation.articleId, async () => {
      // A folder without article.json is no article (another process moved or deleted it).
      if (!(await isFile(articleFiles(dir).meta))) throw articleGone();
      this.wrote(articleFiles(dir).annotation(annotation.id));
      await writeAnnotationFile(dir, annotation);
    });
  }

  async delete(articleId: string, annotationId: string): Promise<void> {
    await this.whileLocked(articleId, async () => {
      await this.get(articleId, annotationId);
      this.wrote(articleFiles(this.articleDir(articleId)).annotation(annotationId));
      await rm(articleFiles(this.articleDir(articleId)).annotation(annotationId));
    });
  }

  private async read(articleId: string, annotationId: string): Promise<Annotation> {
    const file = articleFiles(this.articleDir(articleId)).annotation(annotationId);
    const annotation = await readJsonFile(file, annotationSchema);
    // The file's place is its identity, whatever a copy or hand edit left inside it.
    return { ...annotation, id: annotationId, articleId };
  }
}

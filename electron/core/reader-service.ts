/**
 * The `ReaderService` over a library folder: every contract method, in terms of the article store,
 * the annotation store, the settings port and the search index. Changes are serialized; reads are
 * not. Errors meant for the user are `QuireError`s; hosts turn anything else into 'internal'.
 */
import type { ReaderService } from '../shared/contract';
import type { LibraryHealth } from '../shared/library-health';
import type {
  Annotation,
  AnnotationExportFormat,
  AnnotationImportSummary,
  ArticleContent,
  ContentOptions,
  ArticleEdit,
  ArticleMeta,
  ArticleQuery,
  CreateAnnotationInput,
  ExportedArchive,
  ExportedFile,
  ImportDocumentInput,
  ImportJob,
  ImportOutcome,
  LibraryAnnotationsExport,
  LibraryFacets,
  MarkedReadState,
  ReadingProgress,
  ReadState,
  ReplaceTextOutcome,
  SearchResults,
  SearchOptions,
  Settings,
  UpdateAnnotationInput,
} from '../shared/models';
import { targetFromPassage } from './annotations/anchor';
import { importAnnotations } from './annotations/import-annotations';
import { reanchorAnnotation } from './annotations/reanchor';
import { readReplacementFile, replaceArticleText } from './annotations/replace-article-text';
import { exportAnnotationsFile } from './export/export-file';
import { exportLibraryAnnotationsFile } from './export/library-export';
import { exportArticlesArchive } from './export/articles-export';
import type { AnnotationStore } from './annotations/annotation-store';
import type { LibraryIndex } from './indexing/index-sync';
import { NO_TOTALS } from '../shared/search-totals';
import type { EventHub } from './events';
import { ImportJobs } from './import-jobs/import-jobs';
import type { ImportPool } from './import-jobs/import-pool';
import { MAX_IMPORT_BYTES, tooLarge } from './importers/import-formats';
import { queryArticles } from '../shared/article-query';
import { checkArticleEdit } from '../shared/article-edit';
import { reasonOnly, say } from '../shared/i18n/core-sentences';
import { failureError, reasonOfError, sentenceError } from '../shared/i18n/english-sentence';
import type { ArticleStore } from './library/article-store';
import { checkCoverPicture } from './library/first-page-cover';
import { newId } from './library/ids';
import { libraryFacets } from './library/library-facets';
import { addExtracted, failureOfError, type ExtractedArticle, type ImportOrigin } from './library/import-into-library';
import { addedTags, removedTags } from './library/tags';
import type { Log } from './log';
import { createSerial, type Serial } from './serial';
import type { KeyValueStore } from './settings/key-value-store';
import { readSettings, writeSettings } from './settings/settings';

/** Scrolled this far, an article counts as read to the end (the last lines rarely reach the top). */
export const FINISHED_AT = 0.98;

export interface LibraryServiceParts {
  store: ArticleStore;
  annotations: AnnotationStore;
  settings: KeyValueStore;
  index: LibraryIndex;
  clock: () => string;
  log: Log;
  /** the largest file an import accepts (default 200 MB) */
  maxImportBytes?: number;
  /** where import progress goes (hosts subscribe) */
  events: EventHub;
  /** the import workers */
  pool: ImportPool;
}

/**
 * Reading state follows progress, except that a finished article stays finished: going back to
 * look something up does not make it unread again.
 */
export function readStateFor(current: ReadState, progress: number): ReadState {
  if (current === 'finished' || progress >= FINISHED_AT) return 'finished';
  if (progress > 0 || current === 'reading') return 'reading';
  return 'unread';
}

export class LibraryService implements ReaderService {
  private readonly serial: Serial = createSerial();

  private readonly jobs: ImportJobs;

  constructor(private readonly parts: LibraryServiceParts) {
    this.jobs = new ImportJobs({
      events: parts.events,
      pool: parts.pool,
      write: (file, article) =>
        this.writeImported(article, { fileName: file.path, source: file.path, original: file.bytes && { bytes: file.bytes } }),
      reasonFor: (error, source) => failureOfError(error, source, parts.log),
      maxBytes: this.maxImportBytes,
      // Made when an import needs it: the sentence's message format is compiled on first use.
      tooLargeReason: () => reasonOfError(tooLarge(this.maxImportBytes)),
      log: parts.log,
    });
  }

  async listArticles(query?: ArticleQuery): Promise<ArticleMeta[]> {
    const articles = this.parts.store.list();
    return query === undefined ? articles : queryArticles(articles, query);
  }

  async getArticle(id: string): Promise<ArticleMeta> {
    return this.parts.store.require(id);
  }

  async listFacets(): Promise<LibraryFacets> {
    return libraryFacets(this.parts.store.list());
  }

  /** `onJob` learns the import's job id, to tell its progress events from other imports' (a forwarded `quire import`). */
  async importPaths(paths: string[], onJob?: (jobId: string) => void): Promise<ImportOutcome[]> {
    const outcomes: ImportOutcome[] = [];
    const job = this.jobs.start(paths, (outcome) => outcomes.push(outcome));
    onJob?.(job.jobId);
    await job.finished;
    return outcomes;
  }

  async importDocument({ fileName, dataBase64, progressId }: ImportDocumentInput): Promise<ImportOutcome> {
    const source = fileName;
    const bytes = Buffer.from(dataBase64, 'base64');
    let extracted;
    try {
      const onProgress = progressId === undefined ? undefined : this.jobs.reportReading(progressId, source);
      extracted = await this.parts.pool.extract({ fileName, bytes, maxBytes: this.maxImportBytes }, undefined, onProgress);
    } catch (error) {
      return { status: 'failed', source, ...failureOfError(error, source, this.parts.log) };
    }
    if (!extracted.ok) {
      if (extracted.unexpected !== null) this.parts.log(`Import of ${source} failed unexpectedly: ${extracted.unexpected}`);
      return { status: 'failed', source, ...reasonOnly(extracted) };
    }
    return this.writeImported(extracted.article, { fileName, source, original: { bytes } });
  }

  async importUrl(url: string): Promise<ImportOutcome> {
    const source = url;
    let extracted;
    try {
      extracted = await this.parts.pool.extract({ fileName: url, url });
    } catch (error) {
      return { status: 'failed', source, ...failureOfError(error, source, this.parts.log) };
    }
    if (!extracted.ok) {
      if (extracted.unexpected !== null) this.parts.log(`Import of ${source} failed unexpectedly: ${extracted.unexpected}`);
      return { status: 'failed', source, ...reasonOnly(extracted) };
    }
    const original = extracted.original ?? null;
    return this.writeImported(extracted.article, {
      fileName: original?.fileName ?? 'page.html',
      source,
      original: original && { bytes: original.bytes },
    });
  }

  async startImport(paths: string[]): Promise<ImportJob> {
    const { jobId, finished } = this.jobs.start(paths);
    finished.catch((error: unknown) => this.parts.log('An import job failed unexpectedly', error));
    return { jobId };
  }

  async cancelImport(jobId: string): Promise<void> {
    this.jobs.cancel(jobId);
  }

  async prepareImport(): Promise<void> {
    this.parts.pool.warm();
  }

  async tagArticles(ids: string[], tags: string[]): Promise<ArticleMeta[]> {
    return this.retag(ids, (current) => addedTags(current, tags));
  }

  async untagArticles(ids: string[], tags: string[]): Promise<ArticleMeta[]> {
    return this.retag(ids, (current) => removedTags(current, tags));
  }

  async setReadState(ids: string[], readState: MarkedReadState): Promise<ArticleMeta[]> {
    // The read state is not indexed: nothing to re-index.
    return this.changeEach(ids, { reindex: false }, (meta) => {
      if (meta.readState === readState && (readState === 'finished' || (meta.progress === 0 && meta.position === 0))) return null;
      // Unread starts over: a position kept near the end would mark it finished again the moment the reader opens it.
      const start = readState === 'unread' ? { progress: 0, position: 0 } : {};
      return { ...meta, ...start, readState, updatedAt: this.parts.clock() };
    });
  }

  async emptyTrash(): Promise<{ removed: number }> {
    return this.serial(async () => ({ removed: await this.parts.store.emptyTrash() }));
  }

  async deleteArticle(id: string): Promise<void> {
    await this.deleteArticles([id]);
  }

  async restoreArticle(id: string): Promise<ArticleMeta> {
    const [meta] = await this.restoreArticles([id]);
    return meta!;
  }

  async deleteArticles(ids: string[]): Promise<void> {
    await this.serial(async () => {
      const unique = [...new Set(ids)];
      for (const id of unique) this.parts.store.require(id);
      for (const id of unique) {
        await this.parts.store.moveToTrash(id);
        this.parts.index.refresh(id);
      }
    });
  }

  async restoreArticles(ids: string[]): Promise<ArticleMeta[]> {
    return this.serial(async () => {
      const unique = [...new Set(ids)];
      // Several: one sentence for the whole request before anything moves (one alone gets the store's own).
      const trashed = unique.length > 1 ? new Set((await this.parts.store.listTrash()).map((meta) => meta.id)) : null;
      const missing = trashed === null ? [] : unique.filter((id) => !trashed.has(id));
      if (missing.length > 0) {
        throw sentenceError('not-found', say('core.error.restoreMissing', { count: missing.length }));
      }
      const restored: ArticleMeta[] = [];
      for (const id of unique) {
        restored.push(await this.parts.store.restore(id));
        this.parts.index.refresh(id);
      }
      return restored;
    });
  }

  async listTrash(): Promise<ArticleMeta[]> {
    return this.parts.store.listTrash();
  }

  async getContent(id: string, options?: ContentOptions): Promise<ArticleContent> {
    return this.parts.store.readContent(id, options);
  }

  async getChapter(id: string, chapter: number): Promise<{ chapter: number; html: string }> {
    return this.parts.store.readChapter(id, chapter);
  }

  async setProgress(id: string, { progress, position }: ReadingProgress): Promise<ArticleMeta> {
    return this.serial(async () => {
      const clamped = Math.min(1, Math.max(0, Number.isFinite(progress) ? progress : 0));
      // Merged into article.json as it is on disk: a tag another process added meanwhile stays.
      return this.parts.store.update(id, (meta) => {
        const readState = readStateFor(meta.readState, clamped);
        return {
          ...meta,
          progress: clamped,
          position: Math.max(0, Math.floor(position)),
          readState,
          lastReadAt: this.parts.clock(),
          // Scrolling alone is not a change of the article; finishing it is.
          updatedAt: readState === meta.readState ? meta.updatedAt : this.parts.clock(),
        };
      });
    });
  }

  async editArticle(id: string, edit: ArticleEdit): Promise<ArticleMeta> {
    const checked = checkArticleEdit(edit);
    if (!checked.ok) throw sentenceError('invalid-argument', checked.sentence);
    const [edited] = await this.changeEach([id], { reindex: true }, (meta) => {
      const next = { ...meta, ...checked.edit };
      const same = next.title === meta.title && next.byline === meta.byline && next.tags.join('\n') === meta.tags.join('\n');
      return same ? null : { ...next, updatedAt: this.parts.clock() };
    });
    return edited!;
  }

  async setFirstPageCover(id: string, imageBase64: string): Promise<ArticleMeta> {
    return this.serial(async () => {
      const { store } = this.parts;
      if (store.require(id).format !== 'pdf') {
        throw sentenceError('invalid-argument', say('core.error.coverNotPdf'));
      }
      const bytes = Buffer.from(imageBase64, 'base64');
      const picture = checkCoverPicture(bytes);
      return store.giveCover(id, `first-page.${picture.ext}`, bytes);
    });
  }

  async search(query: string, options?: SearchOptions): Promise<SearchResults> {
    if (query.trim() === '') return { hits: [], totals: NO_TOTALS };
    return this.parts.index.search(query, options, { recentlyRead: this.parts.store.recentlyRead() });
  }

  async listAnnotations(articleId: string): Promise<Annotation[]> {
    this.parts.store.require(articleId);
    return this.parts.annotations.list(articleId);
  }

  async createAnnotation(input: CreateAnnotationInput): Promise<Annotation> {
    return this.serial(async () => {
      const { store, annotations, clock } = this.parts;
      store.require(input.articleId);
      const target = input.passage
        ? targetFromPassage(await store.readText(input.articleId), input.passage)
        : null;
      const now = clock();
      const annotation: Annotation = {
        id: newId(),
        articleId: input.articleId,
        kind: input.kind,
        target,
        color: input.color ?? null,
        note: input.note ?? '',
        anchorState: 'exact',
        createdAt: now,
        updatedAt: now,
      };
      await annotations.save(annotation);
      this.parts.index.refresh(input.articleId);
      return annotation;
    });
  }

  async updateAnnotation(
    articleId: string,
    annotationId: string,
    patch: UpdateAnnotationInput,
  ): Promise<Annotation> {
    return this.serial(async () => {
      const { store, annotations, clock } = this.parts;
      store.require(articleId);
      const current = await annotations.get(articleId, annotationId);
      // A new passage re-attaches the bookmark (an unplaced one, or one placed wrongly).
      const reattached = patch.passage
        ? { target: targetFromPassage(await store.readText(articleId), patch.passage), anchorState: 'exact' as const }
        : {};
      const updated: Annotation = {
        ...current,
        ...reattached,
        color: patch.color === undefined ? current.color : patch.color,
        note: patch.note ?? current.note,
        updatedAt: clock(),
      };
      await annotations.save(updated);
      this.parts.index.refresh(articleId);
      return updated;
    });
  }

  async deleteAnnotation(articleId: string, annotationId: string): Promise<void> {
    await this.serial(async () => {
      this.parts.store.require(articleId);
      await this.parts.annotations.delete(articleId, annotationId);
      this.parts.index.refresh(articleId);
    });
  }

  async restoreAnnotation(annotation: Annotation): Promise<Annotation> {
    return this.serial(async () => {
      const { store, annotations } = this.parts;
      store.require(annotation.articleId);
      // The text may have changed since it was deleted: place it again, as an import would.
      const restored = reanchorAnnotation(await store.readText(annotation.articleId), annotation);
      await annotations.save(restored);
      this.parts.index.refresh(annotation.articleId);
      return restored;
    });
  }

  async listAllAnnotations(): Promise<Annotation[]> {
    return (await this.annotationsByArticle()).flatMap((entry) => entry.annotations);
  }

  /** Every article in the library with its bookmarks and notes (read in parallel). */
  private async annotationsByArticle(): Promise<{ article: ArticleMeta; annotations: Annotation[] }[]> {
    const articles = this.parts.store.list();
    const perArticle = await Promise.all(articles.map((a) => this.parts.annotations.list(a.id)));
    return articles.map((article, index) => ({ article, annotations: perArticle[index] ?? [] }));
  }

  async exportAnnotations(articleId: string, format: AnnotationExportFormat): Promise<ExportedFile> {
    const article = this.parts.store.require(articleId);
    return exportAnnotationsFile(article, await this.parts.annotations.list(articleId), format);
  }

  async exportLibraryAnnotations(format: AnnotationExportFormat): Promise<LibraryAnnotationsExport> {
    const annotated = (await this.annotationsByArticle()).filter(({ annotations }) => annotations.length > 0);
    return exportLibraryAnnotationsFile(annotated, format, this.parts.clock().slice(0, 10));
  }

  async exportArticles(ids: string[]): Promise<ExportedArchive> {
    const { store, annotations, clock } = this.parts;
    const unique = [...new Set(ids)];
    const articles = unique.map((id) => store.require(id));
    const entries = [];
    for (const article of articles) {
      const [text, own] = await Promise.all([store.readText(article.id), annotations.list(article.id)]);
      entries.push({ article, text, annotations: own });
    }
    return exportArticlesArchive(entries, clock().slice(0, 10));
  }

  async importAnnotations(json: string): Promise<AnnotationImportSummary> {
    return this.serial(async () => {
      const { summary, changedArticles } = await importAnnotations(this.parts, json);
      for (const id of changedArticles) this.parts.index.refresh(id);
      return summary;
    });
  }

  async replaceArticleText(id: string, filePath: string): Promise<ReplaceTextOutcome> {
    this.parts.store.require(id);
    // Read and parsed before the change queue is taken (in a worker, like any import): a slow
    // disk or a large page holds up no other change of the library.
    const file = await readReplacementFile(filePath, this.maxImportBytes, this.parts.log);
    const extracted = await this.parts.pool.extract({ fileName: file.fileName, bytes: file.bytes, filePath, maxBytes: file.maxBytes });
    if (!extracted.ok) {
      if (extracted.unexpected !== null) this.parts.log(`Import of ${filePath} failed unexpectedly: ${extracted.unexpected}`);
      throw failureError('import-failed', extracted);
    }
    return this.serial(async () => {
      const outcome = await replaceArticleText(this.parts, id, file, extracted.article);
      this.parts.index.refresh(id);
      return outcome;
    });
  }

  /** Hosts that run the start-up check override this with what it found. */
  async libraryHealth(): Promise<LibraryHealth> {
    return { state: 'done', checkedAt: null, repaired: [], repairedSentences: [], problems: [], problemSentences: [] };
  }

  async getSettings(): Promise<Settings> {
    const settings = readSettings(this.parts.settings);
    // The last article may have gone to the trash since: do not send the reader to it.
    if (settings.lastArticleId !== null && !this.parts.store.get(settings.lastArticleId)) {
      return { ...settings, lastArticleId: null };
    }
    return settings;
  }

  async setSettings(patch: Partial<Settings>): Promise<Settings> {
    writeSettings(this.parts.settings, patch);
    return this.getSettings();
  }

  /** Runs `task` under the library's change queue: no other change is in flight meanwhile. */
  protected exclusive<T>(task: () => Promise<T>): Promise<T> {
    return this.serial(task);
  }

  /** Stops running imports and the import workers. */
  protected async closeImports(): Promise<void> {
    await this.jobs.close();
    await this.parts.pool.close();
  }

  private get maxImportBytes(): number {
    return this.parts.maxImportBytes ?? MAX_IMPORT_BYTES;
  }

  /** One extracted file into the library, under the change queue (so the duplicate check cannot race). */
  private writeImported(article: ExtractedArticle, origin: ImportOrigin): Promise<ImportOutcome> {
    return this.serial(async () => {
      try {
        const outcome = await addExtracted(this.parts.store, article, origin, this.parts);
        if (outcome.status === 'imported') this.parts.index.refresh(outcome.article.id);
        return outcome;
      } catch (error) {
        return { status: 'failed', source: origin.source, ...failureOfError(error, origin.source, this.parts.log) };
      }
    });
  }

  /** Changes the tags of every article named; articles whose tags do not change are not rewritten. */
  private retag(ids: string[], change: (current: readonly string[]) => string[] | null): Promise<ArticleMeta[]> {
    return this.changeEach(ids, { reindex: true }, (meta) => {
      const tags = change(meta.tags);
      return tags === null ? null : { ...meta, tags, updatedAt: this.parts.clock() };
    });
  }

  /**
   * Changes article.json of every article named (all checked first: an unknown id changes
   * nothing), each as it is on disk now (another process may have changed it); `change` returns
   * null when an article needs no change, and it is not rewritten.
   */
  private changeEach(
    ids: string[],
    { reindex }: { reindex: boolean },
    change: (onDisk: ArticleMeta) => ArticleMeta | null,
  ): Promise<ArticleMeta[]> {
    return this.serial(async () => {
      const { store, index } = this.parts;
      const unique = [...new Set(ids)];
      for (const id of unique) store.require(id);
      const result: ArticleMeta[] = [];
      for (const id of unique) {
        let changed = false;
        const updated = await store.update(id, (meta) => {
          const next = change(meta);
          changed = next !== null;
          return next;
        });
        if (changed && reindex) index.refresh(id);
        result.push(updated);
      }
      return result;
    });
  }
}

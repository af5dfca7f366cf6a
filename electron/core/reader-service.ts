/**
 * The `ReaderService` over a library folder: every contract method, in terms of the article store,
 * the annotation store, the settings port and the search index. Changes are serialized; reads are
 * not. Errors meant for the user are `QuireError`s; hosts turn anything else into 'internal'.
 */
import { readFile } from 'node:fs/promises';
import type { ReaderService } from '../shared/contract';
import type {
  Annotation,
  ArticleContent,
  ArticleMeta,
  CreateAnnotationInput,
  ImportDocumentInput,
  ImportOutcome,
  ReadingProgress,
  ReadState,
  SearchHit,
  SearchOptions,
  Settings,
  UpdateAnnotationInput,
} from '../shared/models';
import { targetFromPassage } from './annotations/anchor';
import type { AnnotationStore } from './annotations/annotation-store';
import type { IndexSync } from './indexing/index-sync';
import { MAX_IMPORT_BYTES, tooLarge } from './importers/import-formats';
import type { ArticleStore } from './library/article-store';
import { collectImportFiles } from './library/collect-import-files';
import { newId } from './library/ids';
import { failureReason, importIntoLibrary, type ImportRequest } from './library/import-into-library';
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
  index: IndexSync;
  clock: () => string;
  log: Log;
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

  constructor(private readonly parts: LibraryServiceParts) {}

  async listArticles(): Promise<ArticleMeta[]> {
    return this.parts.store.list();
  }

  async getArticle(id: string): Promise<ArticleMeta> {
    return this.parts.store.require(id);
  }

  async importPaths(paths: string[]): Promise<ImportOutcome[]> {
    const outcomes: ImportOutcome[] = [];
    for (const candidate of await collectImportFiles(paths)) {
      const source = candidate.path;
      if ('error' in candidate) {
        outcomes.push({ status: 'failed', source, reason: failureReason(candidate.error, source, this.parts.log) });
        continue;
      }
      if (candidate.size > MAX_IMPORT_BYTES) {
        outcomes.push({ status: 'failed', source, reason: tooLarge().message });
        continue;
      }
      let bytes: Buffer;
      try {
        bytes = await readFile(source);
      } catch (error) {
        outcomes.push({ status: 'failed', source, reason: failureReason(error, source, this.parts.log) });
        continue;
      }
      outcomes.push(await this.importOne({ fileName: source, filePath: source, bytes, source }));
    }
    return outcomes;
  }

  async importDocument({ fileName, dataBase64 }: ImportDocumentInput): Promise<ImportOutcome> {
    const bytes = Buffer.from(dataBase64, 'base64');
    return this.importOne({ fileName, bytes, source: fileName });
  }

  async deleteArticle(id: string): Promise<void> {
    await this.serial(async () => {
      await this.parts.store.moveToTrash(id);
      this.parts.index.refresh(id);
    });
  }

  async restoreArticle(id: string): Promise<ArticleMeta> {
    return this.serial(async () => {
      const meta = await this.parts.store.restore(id);
      this.parts.index.refresh(id);
      return meta;
    });
  }

  async listTrash(): Promise<ArticleMeta[]> {
    return this.parts.store.listTrash();
  }

  async getContent(id: string): Promise<ArticleContent> {
    return this.parts.store.readContent(id);
  }

  async setProgress(id: string, { progress, position }: ReadingProgress): Promise<ArticleMeta> {
    return this.serial(async () => {
      const meta = this.parts.store.require(id);
      const clamped = Math.min(1, Math.max(0, Number.isFinite(progress) ? progress : 0));
      const readState = readStateFor(meta.readState, clamped);
      const updated: ArticleMeta = {
        ...meta,
        progress: clamped,
        position: Math.max(0, Math.floor(position)),
        readState,
        // Scrolling alone is not a change of the article; finishing it is.
        updatedAt: readState === meta.readState ? meta.updatedAt : this.parts.clock(),
      };
      await this.parts.store.saveMeta(updated);
      return updated;
    });
  }

  async search(query: string, options?: SearchOptions): Promise<SearchHit[]> {
    if (query.trim() === '') return [];
    return this.parts.index.search(query, options);
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
      const updated: Annotation = {
        ...current,
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

  /** One file, start to end, under the change queue (so the duplicate check cannot race). */
  private importOne(request: ImportRequest): Promise<ImportOutcome> {
    return this.serial(async () => {
      const outcome = await importIntoLibrary(this.parts.store, request, this.parts);
      if (outcome.status === 'imported') this.parts.index.refresh(outcome.article.id);
      return outcome;
    });
  }
}

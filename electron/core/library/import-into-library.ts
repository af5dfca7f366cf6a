/**
 * One file into the library, in two steps that may run on different threads:
 * - `extractForLibrary` (pure, CPU-heavy: a worker runs it) turns bytes into an `ExtractedArticle`;
 * - `addExtracted` (the host, under the change queue) detects a duplicate by its text and writes
 *   the article folder.
 * Whatever goes wrong becomes a `failed` outcome with one sentence for the user; nothing is left
 * on disk by a failed import (the store writes through a staging folder).
 */
import { chooseCover } from './cover-image';
import { createHash } from 'node:crypto';
import type { ArticleFormat, ArticleMeta, ImportOutcome } from '../../shared/models';
import { isQuireError } from '../../shared/result';
import { noteOf, say, type FailureReason } from '../../shared/i18n/core-sentences';
import { failureOf, reasonOfError } from '../../shared/i18n/english-sentence';
import { cleanLabel } from '../../shared/validators';
import { errorCode } from '../fs/atomic-write';
import { countWords } from '../importers/count-words';
import type { ImportedDocument } from '../importers/imported-document';
import type { ImportInput } from '../importers/import-file';
import { extensionOf } from '../importers/import-formats';
import type { Log } from '../log';
import type { ArticleStore, NewArticle } from './article-store';
import { articleBodyOf, type ArticleBody } from './content-files';
import { newId } from './ids';

export interface ImportRequest {
  fileName: string;
  bytes: Uint8Array;
  /** where the file is on disk, when it came from disk */
  filePath?: string;
  /** what the outcome reports as its source (the path or file name the user gave) */
  source: string;
  /** the largest file accepted (default 200 MB) */
  maxBytes?: number;
}

/**
 * What a worker hands back: the importer's document plus what is costly to compute from it. Its
 * reader HTML and text are strings, or for a large result their bytes (content-files.ts), which is
 * why everything the library needs from them is computed here, on the worker's side.
 */
export interface ExtractedArticle {
  format: ArticleFormat;
  document: ExtractedDocument;
  contentHash: string;
  wordCount: number;
  /** `assets/<name>` of the picture chosen as the cover (cover-image.ts), when one is */
  cover?: string | undefined;
}

export type ExtractedDocument = Omit<ImportedDocument, 'html' | 'text'> & ArticleBody;

/** Where the file came from, for `article.json` and `original.<ext>`. */
export interface ImportOrigin {
  fileName: string;
  source: string;
  /** the bytes as they came (for a file on disk, those the worker read: the path is never opened again) */
  original: { bytes: Uint8Array } | null;
}

export const contentHashOf = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

// Counted where the importers count them too (a book with little text is told so at import).
export { countWords };

/** `original.<ext>` keeps the file's own extension when it is a sane one. */
const originalExtension = (fileName: string, fallback: string): string => {
  const ext = extensionOf(fileName);
  return /^[a-z0-9]{1,10}$/.test(ext) ? ext : fallback;
};

const baseName = (fileName: string): string => fileName.split(/[\\/]/).pop() || fileName;

/** Reads the document out of the bytes; throws `QuireError` with the reason. */
export async function extractForLibrary(request: Omit<ImportRequest, 'source'> & Pick<ImportInput, 'onProgress'>): Promise<ExtractedArticle> {
  // Loaded on first use: the importers bring jsdom, which costs a second to load.
  const { importFile } = await import('../importers/import-file');
  return toExtracted(await importFile(request));
}

/** An importer's result with what is costly to compute from its text. */
export const toExtracted = ({ format, document }: { format: ArticleFormat; document: ImportedDocument }): ExtractedArticle => ({
  format,
  // A title is a label like a tag: no bidi controls, zero-width characters or lone surrogates.
  document: { ...document, title: cleanLabel(document.title).trim() || 'Untitled' },
  contentHash: contentHashOf(document.text),
  // A book's chapters were counted as they were read (the same count, one pass less over the text).
  wordCount: document.chapters ? document.chapters.reduce((sum, chapter) => sum + chapter.words, 0) : countWords(document.text),
  cover: chooseCover(document.html, document.assets),
});

/** Writes an extracted article unless its text is already in the library. */
export async function addExtracted(
  store: ArticleStore,
  extracted: ExtractedArticle,
  origin: ImportOrigin,
  { clock }: { clock: () => string },
): Promise<ImportOutcome> {
  const { format, document, contentHash, wordCount, cover } = extracted;
  const { source } = origin;
  const existing = store.findByContentHash(contentHash);
  if (existing) {
    // Importing a PDF again is how its page view gets back an original its folder lost.
    if (format === 'pdf' && origin.original) await store.keepMissingOriginal(existing.id, { ext: 'pdf', ...origin.original });
    return { status: 'duplicate', source, article: existing };
  }

  const now = clock();
  const meta: ArticleMeta = {
    id: newId(),
    title: document.title,
    byline: document.byline,
    siteName: document.siteName,
    url: document.url,
    lang: document.lang,
    dir: document.dir,
    format,
    addedAt: now,
    updatedAt: now,
    publishedAt: document.publishedAt,
    excerpt: document.excerpt,
    tags: document.tags,
    contentHash,
    readState: 'unread',
    progress: 0,
    position: 0,
    wordCount,
    source: baseName(origin.fileName),
  };
  if (cover !== undefined) meta.cover = cover;
  if (document.writingMode) meta.writingMode = document.writingMode;
  if (document.fixedLayout) meta.fixedLayout = document.fixedLayout;
  // The reader's page view reads a PDF from `original.pdf`, whatever the file was called (a download's `view.php`).
  const ext = format === 'pdf' ? 'pdf' : originalExtension(origin.fileName, format);
  const original: NewArticle['original'] = origin.original === null ? null : { ext, ...origin.original };
  await store.add({ meta, ...articleBodyOf(document), chapters: document.chapters, original, assets: document.assets });
  return { status: 'imported', source, article: meta, ...noteOf(document) };
}

/** Both steps on this thread: for a handful of files (the sample library). */
export async function importIntoLibrary(
  store: ArticleStore,
  request: ImportRequest,
  { clock, log }: { clock: () => string; log: Log },
): Promise<ImportOutcome> {
  const { source } = request;
  try {
    const extracted = await extractForLibrary(request);
    return await addExtracted(store, extracted, { fileName: request.fileName, source, original: { bytes: request.bytes } }, { clock });
  } catch (error) {
    return { status: 'failed', source, ...failureOfError(error, source, log) };
  }
}

/** A file whose reading stopped its worker, or the import host around it, for want of memory. */
export const TOO_COMPLEX_TO_READ = say('core.import.tooComplex');

/** The sentence the user sees (English and as a catalog sentence); anything unexpected goes to the log with its details. */
export function failureOfError(error: unknown, source: string, log: Log): FailureReason {
  if (isQuireError(error)) return reasonOfError(error);
  switch (errorCode(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return failureOf(say('core.import.fileMissing'));
    case 'EACCES':
    case 'EPERM':
      return failureOf(say('core.import.notAllowed'));
    case 'ENOSPC':
      return failureOf(say('core.import.diskFull'));
    case 'EISDIR':
      return failureOf(say('core.import.isFolder'));
    case 'ERR_WORKER_OUT_OF_MEMORY':
      // The worker reading it hit its memory limit (import-host.ts) and was replaced.
      return failureOf(TOO_COMPLEX_TO_READ);
    default:
      log(`Import of ${source} failed unexpectedly`, error);
      return failureOf(say('core.import.unexpected'));
  }
}

/** The English of `failureOfError`: what the CLI and the log say. */
export const failureReason = (error: unknown, source: string, log: Log): string => failureOfError(error, source, log).reason;

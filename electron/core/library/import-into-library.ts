/**
 * One file into the library: extract, detect a duplicate by its text, write the article folder.
 * Whatever goes wrong becomes a `failed` outcome with one sentence for the user; nothing is left
 * on disk by a failed import (the store writes through a staging folder).
 */
import { createHash } from 'node:crypto';
import type { ArticleMeta, ImportOutcome } from '../../shared/models';
import { isQuireError } from '../../shared/result';
import { errorCode } from '../fs/atomic-write';
import { extensionOf } from '../importers/import-formats';
import type { Log } from '../log';
import type { ArticleStore } from './article-store';
import { newId } from './ids';

export interface ImportRequest {
  fileName: string;
  bytes: Uint8Array;
  /** where the file is on disk, when it came from disk */
  filePath?: string;
  /** what the outcome reports as its source (the path or file name the user gave) */
  source: string;
}

export const contentHashOf = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Words as a reader counts them, CJK included (where words are not separated by spaces). */
export function countWords(text: string): number {
  let words = 0;
  for (const segment of wordSegmenter.segment(text)) if (segment.isWordLike) words += 1;
  return words;
}

/** `original.<ext>` keeps the file's own extension when it is a sane one. */
const originalExtension = (fileName: string, fallback: string): string => {
  const ext = extensionOf(fileName);
  return /^[a-z0-9]{1,10}$/.test(ext) ? ext : fallback;
};

const baseName = (fileName: string): string => fileName.split(/[\\/]/).pop() || fileName;

export async function importIntoLibrary(
  store: ArticleStore,
  request: ImportRequest,
  { clock, log }: { clock: () => string; log: Log },
): Promise<ImportOutcome> {
  const { source } = request;
  try {
    // Loaded on first use: the importers bring jsdom, which costs a second to load.
    const { importFile } = await import('../importers/import-file');
    const { format, document } = importFile(request);
    const contentHash = contentHashOf(document.text);
    const existing = store.findByContentHash(contentHash);
    if (existing) return { status: 'duplicate', source, article: existing };

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
      tags: [],
      contentHash,
      readState: 'unread',
      progress: 0,
      position: 0,
      wordCount: countWords(document.text),
      source: baseName(request.fileName),
    };
    await store.add({
      meta,
      html: document.html,
      text: document.text,
      original: { ext: originalExtension(request.fileName, format), bytes: request.bytes },
    });
    return { status: 'imported', source, article: meta };
  } catch (error) {
    return { status: 'failed', source, reason: failureReason(error, source, log) };
  }
}

/** The sentence the user sees; anything unexpected goes to the log with its details. */
export function failureReason(error: unknown, source: string, log: Log): string {
  if (isQuireError(error)) return error.message;
  switch (errorCode(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'The file does not exist.';
    case 'EACCES':
    case 'EPERM':
      return 'Quire is not allowed to read this file.';
    case 'ENOSPC':
      return 'There is not enough free disk space to import this file.';
    case 'EISDIR':
      return 'This is a folder, not a file.';
    default:
      log(`Import of ${source} failed unexpectedly`, error);
      return 'Quire could not import this file; details are in the log.';
  }
}

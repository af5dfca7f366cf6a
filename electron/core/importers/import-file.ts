/**
 * Picks the importer for a file by its extension and applies the checks every format shares:
 * size, emptiness, and a clear sentence for anything Quire cannot read.
 *
 * A pure function of the bytes (plus, for a web page saved on disk, the images beside it): it
 * writes nothing, so it can run in a worker thread and a failure leaves the library untouched.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArticleFormat, ReadingUnit } from '../../shared/models';
import { say } from '../../shared/i18n/core-sentences';
import { sentenceError } from '../../shared/i18n/english-sentence';
import { withLanguage } from './detect-language';
import type { ImportedDocument } from './imported-document';
import { importMarkdown } from './markdown-importer';
import { importText } from './txt-importer';
import { MAX_IMPORT_BYTES, formatOf, tooLarge } from './import-formats';

export { MAX_IMPORT_BYTES, SUPPORTED_EXTENSIONS, extensionOf, formatOf, tooLarge } from './import-formats';

export interface ImportInput {
  /** the file's name (only its extension and stem are used) */
  fileName: string;
  bytes: Uint8Array;
  /** the file's location, when it came from disk: relative links and images in HTML resolve against it */
  filePath?: string;
  /** the largest file accepted (default 200 MB); also bounds what an archive may unpack to */
  maxBytes?: number;
  /** how far a long document has been read: parts (a book's chapters, a PDF's pages) done, of how many */
  onProgress?: (done: number, total: number, unit: ReadingUnit) => void;
}

export interface ImportResult {
  format: ArticleFormat;
  document: ImportedDocument;
}

/** Turns a file's bytes into reader HTML, text, assets and metadata; rejects with `QuireError` and the reason. */
export async function importFile({ fileName, bytes, filePath, maxBytes = MAX_IMPORT_BYTES, onProgress }: ImportInput): Promise<ImportResult> {
  const format = formatOf(fileName);
  if (bytes.length > maxBytes) throw tooLarge(maxBytes);
  if (bytes.length === 0) throw sentenceError('import-failed', say('core.import.empty'));

  let document: ImportedDocument;
  switch (format) {
    case 'txt':
      document = importText(fileName, bytes);
      break;
    case 'md':
      document = importMarkdown(fileName, bytes);
      break;
    case 'html': {
      // Loaded when first needed, like the book and PDF importers: a page brings linkedom,
      // Readability and temml, which nothing else needs (a worker reading a book never loads them).
      const { importHtml } = await import('./html-importer');
      document = importHtml(fileName, bytes, documentUrl(fileName, filePath), { localFiles: filePath !== undefined });
      break;
    }
    case 'epub': {
      const { importEpub } = await import('./epub/epub-importer');
      document = await importEpub(fileName, bytes, { maxBytes, onChapter: onProgress && ((done, total) => onProgress(done, total, 'chapter')) });
      break;
    }
    case 'pdf': {
      const { importPdf } = await import('./pdf/pdf-importer');
      document = await importPdf(fileName, bytes, { onPage: onProgress && ((done, total) => onProgress(done, total, 'page')) });
      break;
    }
  }
  if (document.text.trim() === '') {
    throw sentenceError('import-failed', say('core.import.noReadableText'));
  }
  return { format, document: withLanguage(document) };
}

function documentUrl(fileName: string, filePath: string | undefined): string {
  if (filePath) return pathToFileURL(path.resolve(filePath)).href;
  return `file:///imported/${encodeURIComponent(path.basename(fileName))}`;
}

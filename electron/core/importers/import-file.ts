/**
 * Picks the importer for a file by its extension and applies the checks every format shares:
 * size, emptiness, and a clear sentence for anything Quire cannot read.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArticleFormat } from '../../shared/models';
import { QuireError } from '../../shared/result';
import { importHtml } from './html-importer';
import type { ImportedDocument } from './imported-document';
import { importMarkdown } from './markdown-importer';
import { importText } from './txt-importer';
import { MAX_IMPORT_BYTES, formatOf, tooLarge } from './import-formats';

export { MAX_IMPORT_BYTES, SUPPORTED_EXTENSIONS, extensionOf, formatOf, tooLarge } from './import-formats';

export interface ImportInput {
  /** the file's name (only its extension and stem are used) */
  fileName: string;
  bytes: Uint8Array;
  /** the file's location, when it came from disk: relative links in HTML resolve against it */
  filePath?: string;
}

export interface ImportResult {
  format: ArticleFormat;
  document: ImportedDocument;
}

/** Turns a file's bytes into reader HTML, text and metadata; throws `QuireError` with the reason. */
export function importFile({ fileName, bytes, filePath }: ImportInput): ImportResult {
  const format = formatOf(fileName);
  if (bytes.length > MAX_IMPORT_BYTES) throw tooLarge();
  if (bytes.length === 0) throw new QuireError('import-failed', 'The file is empty.');

  let document: ImportedDocument;
  switch (format) {
    case 'txt':
      document = importText(fileName, bytes);
      break;
    case 'md':
      document = importMarkdown(fileName, bytes);
      break;
    case 'html':
      document = importHtml(fileName, bytes, documentUrl(fileName, filePath));
      break;
    default:
      // A format Quire knows of but cannot import yet (EPUB, PDF).
      throw new QuireError('unsupported-format', `Quire cannot import .${format} files yet.`);
  }
  if (document.text.trim() === '') {
    throw new QuireError('import-failed', 'The file has no readable text.');
  }
  return { format, document };
}

function documentUrl(fileName: string, filePath: string | undefined): string {
  if (filePath) return pathToFileURL(path.resolve(filePath)).href;
  return `file:///imported/${encodeURIComponent(path.basename(fileName))}`;
}

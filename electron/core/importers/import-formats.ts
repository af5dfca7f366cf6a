/**
 * What Quire can import, decided from the file name alone. Kept apart from the importers so that
 * callers (and every CLI command) do not load jsdom until a file is really imported.
 */
import path from 'node:path';
import { DOCUMENT_EXTENSIONS, DOCUMENT_KINDS } from '../../shared/document-formats';
import type { ArticleFormat } from '../../shared/models';
import { QuireError } from '../../shared/result';

export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

const FORMATS: Readonly<Record<string, ArticleFormat>> = Object.fromEntries(
  DOCUMENT_KINDS.flatMap((kind) => kind.extensions.map((extension) => [extension, kind.format])),
);

/** Extensions as the user knows them, for messages. */
export const SUPPORTED_EXTENSIONS: readonly string[] = DOCUMENT_EXTENSIONS.map((extension) => `.${extension}`);

/** The lower-case extension without the dot ('' when there is none). */
export const extensionOf = (fileName: string): string => path.extname(fileName).slice(1).toLowerCase();

/** Whether the name is one of a format Quire reads (a folder import takes only those). */
export const isDocumentName = (fileName: string): boolean => Object.hasOwn(FORMATS, extensionOf(fileName));

export function formatOf(fileName: string): ArticleFormat {
  const ext = extensionOf(fileName);
  const format = FORMATS[ext];
  if (format) return format;
  const what = ext === '' ? 'files without an extension' : `.${ext} files`;
  throw new QuireError(
    'unsupported-format',
    `Quire cannot import ${what} yet (supported: ${SUPPORTED_EXTENSIONS.join(', ')}).`,
  );
}

/** The limit as the user reads it: "200 MB", "512 KB". */
const sizeLabel = (bytes: number): string => {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
};

export const tooLarge = (maxBytes: number = MAX_IMPORT_BYTES): QuireError =>
  new QuireError('import-failed', `The file is larger than ${sizeLabel(maxBytes)}, the most Quire can import.`);


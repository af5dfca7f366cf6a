/**
 * What Quire can import, decided from the file name alone. Kept apart from the importers so that
 * callers (and every CLI command) do not load jsdom until a file is really imported.
 */
import path from 'node:path';
import { DOCUMENT_EXTENSIONS, DOCUMENT_KINDS } from '../../shared/document-formats';
import type { ArticleFormat } from '../../shared/models';
import type { QuireError } from '../../shared/result';
import { say, type CoreSentence } from '../../shared/i18n/core-sentences';
import { sentenceError } from '../../shared/i18n/english-sentence';

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
  const supported = SUPPORTED_EXTENSIONS.join(', ');
  throw sentenceError(
    'unsupported-format',
    ext === '' ? say('core.import.noExtension', { supported }) : say('core.import.unsupportedExtension', { extension: ext, supported }),
  );
}

/** The limit as the user reads it: "200 MB", "1.5 MB", "512 KB". */
const sizeSentence = (bytes: number): CoreSentence => {
  const megabytes = bytes / (1024 * 1024);
  if (megabytes >= 1) return say('core.import.tooLargeMegabytes', { megabytes: Math.round(megabytes * 10) / 10 });
  return say('core.import.tooLargeKilobytes', { kilobytes: Math.max(1, Math.round(bytes / 1024)) });
};

export const tooLarge = (maxBytes: number = MAX_IMPORT_BYTES): QuireError => sentenceError('import-failed', sizeSentence(maxBytes));


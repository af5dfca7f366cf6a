/**
 * The documents Quire imports, by file extension: the one list the importers, the folder walk, the
 * native open dialog, "Open with Quire", the page's file picker and its drop overlay all read.
 * Pure values, so the renderer may import it too.
 */
import type { ArticleFormat } from './models';

interface DocumentKind {
  /** what people call it: "EPUB", "Markdown" */
  name: string;
  format: ArticleFormat;
  /** lower case, without the dot; the first is the usual one */
  extensions: readonly string[];
}

/** In the order the open dialog and the drop overlay list them. */
export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  { name: 'EPUB', format: 'epub', extensions: ['epub'] },
  { name: 'PDF', format: 'pdf', extensions: ['pdf'] },
  { name: 'HTML', format: 'html', extensions: ['html', 'htm', 'xhtml'] },
  { name: 'Markdown', format: 'md', extensions: ['md', 'markdown'] },
  { name: 'text', format: 'txt', extensions: ['txt'] },
];

/** Every extension Quire imports, lower case, without the dot. */
export const DOCUMENT_EXTENSIONS: readonly string[] = DOCUMENT_KINDS.flatMap((kind) => kind.extensions);

/** The extension of a file name, lower case, without the dot ('' when there is none). */
export function extensionOf(fileName: string): string {
  return /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
}

/** The format a file name says it is, or null when Quire does not import it. */
export function documentFormatOf(fileName: string): ArticleFormat | null {
  const extension = extensionOf(fileName);
  return DOCUMENT_KINDS.find((kind) => kind.extensions.includes(extension))?.format ?? null;
}

/** The file types Quire imports: the native dialog's filters and what "Open with Quire" accepts. */
import { DOCUMENT_EXTENSIONS, DOCUMENT_KINDS, documentFormatOf } from '../shared/document-formats';

/** All documents first, then one filter per kind. */
export const IMPORT_FILTERS: readonly { name: string; extensions: readonly string[] }[] = [
  { name: 'Documents', extensions: DOCUMENT_EXTENSIONS },
  ...DOCUMENT_KINDS.map((kind) => ({ name: kind.filter, extensions: kind.extensions })),
];

/** True when the name ends in an extension Quire imports (any case). */
export function isImportableName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && documentFormatOf(name) !== null;
}

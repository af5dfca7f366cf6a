/** The file types Quire imports: the native dialog's filters and what "Open with Quire" accepts. */

export const IMPORT_FILTERS = [
  { name: 'Documents', extensions: ['epub', 'html', 'htm', 'xhtml', 'md', 'markdown', 'txt', 'pdf'] },
  { name: 'EPUB books', extensions: ['epub'] },
  { name: 'Web pages', extensions: ['html', 'htm', 'xhtml'] },
  { name: 'Markdown', extensions: ['md', 'markdown'] },
  { name: 'Plain text', extensions: ['txt'] },
  { name: 'PDF', extensions: ['pdf'] },
] as const;

const IMPORTABLE = new Set<string>(IMPORT_FILTERS[0].extensions);

/** True when the name ends in an extension Quire imports (any case). */
export function isImportableName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && IMPORTABLE.has(name.slice(dot + 1).toLowerCase());
}

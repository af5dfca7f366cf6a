import type { DOCUMENT_EXTENSIONS } from './folder-documents';

type DocumentExtension = (typeof DOCUMENT_EXTENSIONS)[number];

/**
 * The format each extension the importer reads is known by. Typed by the importer's own list, so
 * an extension added there does not compile until it has a name here.
 */
const FORMAT_NAMES: Record<DocumentExtension, string> = {
  '.epub': 'EPUB',
  '.pdf': 'PDF',
  '.html': 'HTML',
  '.htm': 'HTML',
  '.xhtml': 'HTML',
  '.md': 'Markdown',
  '.markdown': 'Markdown',
  '.txt': 'text',
};

/** "EPUB, PDF, HTML, Markdown and text files": every format once, in the order named above. */
export function acceptedFormatsLabel(): string {
  const names = [...new Set(Object.values(FORMAT_NAMES))];
  const listed = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
  return `${listed} files`;
}

/** Shown while files are dragged over the window. Purely visual: the drop works anywhere. */
export function DropOverlay() {
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-overlay-card">
        <p className="drop-overlay-title">Drop files to import them</p>
        <p className="drop-overlay-hint">{acceptedFormatsLabel()}</p>
      </div>
    </div>
  );
}

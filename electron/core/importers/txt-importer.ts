/**
 * Plain text: the first non-empty line is the headline, every other non-empty line a paragraph
 * (news wire text, like the seed article, has one paragraph per line and no blank lines).
 */
import { domWindow } from './dom-window';
import { decodeText } from './decode-text';
import { type ImportedDocument, localDocument, titleFromFileName } from './imported-document';
import { normalizeReaderHtml } from './normalize-html';

/** A first line longer than this is a paragraph, not a headline. */
const MAX_HEADLINE_LENGTH = 200;

export function importText(fileName: string, bytes: Uint8Array): ImportedDocument {
  const lines = decodeText(bytes)
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

  let title = titleFromFileName(fileName);
  let paragraphs = lines;
  const first = lines[0];
  if (first !== undefined && first.length <= MAX_HEADLINE_LENGTH) {
    title = first.replace(/\s+/g, ' ');
    // A one-line file keeps its line as the text too, so there is something to read and search.
    if (lines.length > 1) paragraphs = lines.slice(1);
  }

  const doc = domWindow().document;
  const root = doc.createElement('div');
  for (const line of paragraphs) {
    const p = doc.createElement('p');
    p.textContent = line;
    root.append(p);
  }
  return localDocument(normalizeReaderHtml(root), { title });
}

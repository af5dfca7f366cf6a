/**
 * Search snippets arrive as HTML: text escaped by the core, matched words in `<mark>`. They are
 * inserted with innerHTML, so they go through this first: everything is escaped again except the
 * `<mark>` and `</mark>` tags themselves (balanced), and the character references the core wrote.
 * Whatever the core sends, the result holds no element but `mark` and no attribute at all.
 */
const MARK_TAG = /(<mark>|<\/mark>)/i;
const CHARACTER_REFERENCE = /^&(?:#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;

function escapeText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '&') {
      const reference = CHARACTER_REFERENCE.exec(text.slice(i, i + 40));
      if (reference) {
        out += reference[0];
        i += reference[0].length - 1;
      } else out += '&amp;';
    } else if (char === '<') out += '&lt;';
    else if (char === '>') out += '&gt;';
    else if (char === '"') out += '&quot;';
    else if (char === "'") out += '&#39;';
    else out += char;
  }
  return out;
}

export function snippetToSafeHtml(snippet: string): string {
  let html = '';
  let open = false;
  for (const part of snippet.split(MARK_TAG)) {
    const tag = part.toLowerCase();
    if (tag === '<mark>') {
      if (!open) html += '<mark>';
      open = true;
    } else if (tag === '</mark>') {
      if (open) html += '</mark>';
      open = false;
    } else html += escapeText(part);
  }
  return open ? `${html}</mark>` : html;
}

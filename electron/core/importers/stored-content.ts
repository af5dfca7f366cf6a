/**
 * Reader HTML that did not come from an importer just now (an archive being restored, a library
 * folder on disk) is as untrusted as any page: it goes through the importers' own sanitizer and
 * normalizer. For HTML an importer wrote, that changes nothing, so "the sanitizer would change
 * it" is how `quire check` finds content.html that something else wrote (a hostile archive, a
 * hand edit) and how a restore cleans it.
 */
import { parseFragment } from './dom-window';
import { fragmentText } from './fragment-text';
import { normalizeReaderHtml } from './normalize-html';
import { sanitizeToElement } from './sanitize-html';

export interface StoredContent {
  /** reader HTML as the sanitizer leaves it (the stored HTML itself when nothing changed) */
  html: string;
  /** its text, exactly the reader's textContent */
  text: string;
  /** whether the sanitizer removed or rewrote anything */
  changed: boolean;
}

/** The one image address an article's HTML may hold: a stored asset. */
const ASSET_SRC = /^assets\/[A-Za-z0-9][A-Za-z0-9_-]{0,100}(?:\.[A-Za-z0-9]{1,10})?$/;

/**
 * The sanitizer turns every image it does not keep into `<span class="quire-image-alt">` and
 * removes classes; written back as the image it was, such a mark comes out of the sanitizer as
 * it went in (the text of the span is its alt text, and `"` the one character to escape).
 */
const withAltMarksAsImages = (canonicalHtml: string): string =>
  canonicalHtml.replace(/<span class="quire-image-alt">([^<]*)<\/span>/g, (_mark, alt: string) => `<img alt="${alt.replace(/"/g, '&quot;')}">`);

/**
 * @param hasAsset whether `assets/<name>` exists for this article (other images become alt text)
 */
export function sanitizeStoredContent(html: string, hasAsset: (assetPath: string) => boolean): StoredContent {
  // Compared with what the reader parses, serialized as the sanitizer serializes: spelling alone
  // (entities, quotes) is no change.
  const canonical = parseFragment(html).innerHTML;
  const root = sanitizeToElement(withAltMarksAsImages(canonical), {
    keepImage: (src) => (ASSET_SRC.test(src) && hasAsset(src) ? src : null),
  });
  if (root.innerHTML === canonical) return { html, text: fragmentText(html), changed: false };
  return { ...normalizeReaderHtml(root), changed: true };
}

/**
 * Reader HTML that did not come from an importer just now (an archive being restored, a library
 * folder on disk) is as untrusted as any page: it goes through the importers' own sanitizer and
 * normalizer. For HTML an importer wrote, that changes nothing, so "the sanitizer would change
 * it" is how `quire check` finds content.html that something else wrote (a hostile archive, a
 * hand edit) and how a restore cleans it.
 */
import { type DefaultTreeAdapterMap, defaultTreeAdapter, html as htmlSpec, parseFragment as parseWithParse5 } from 'parse5';
import { parseFragment } from './dom-window';
import { fragmentText } from './fragment-text';
import { normalizeReaderHtml } from './normalize-html';
import { ASSET_SRC, isPlainAttribute, isPlainElement } from './plain-reader-rules';
import { sanitizeToElement } from './sanitize-html';
import { IMAGE_ALT_CLASS } from './sanitize-rules';

export interface StoredContent {
  /** reader HTML as the sanitizer leaves it (the stored HTML itself when nothing changed) */
  html: string;
  /** its text, exactly the reader's textContent */
  text: string;
  /** whether the sanitizer removed or rewrote anything */
  changed: boolean;
}

/**
 * The sanitizer turns every image it does not keep into `<span class="quire-image-alt">` and
 * removes classes; written back as the image it was, such a mark comes out of the sanitizer as
 * it went in (the text of the span is its alt text, and `"` the one character to escape).
 */
const ALT_MARK = new RegExp(`<span class="${IMAGE_ALT_CLASS}">([^<]*)</span>`, 'g');

const withAltMarksAsImages = (canonicalHtml: string): string =>
  canonicalHtml.replace(ALT_MARK, (_mark, alt: string) => `<img alt="${alt.replace(/"/g, '&quot;')}">`);

/**
 * @param hasAsset whether `assets/<name>` exists for this article (other images become alt text)
 */
export function sanitizeStoredContent(html: string, hasAsset: (assetPath: string) => boolean): StoredContent {
  // The fast path: markup made only of inert reader elements and attributes is what the sanitizer
  // leaves as it is (jsdom and DOMPurify cost about 100 times a parse5 walk; a check of a large
  // library runs this on every article). Anything else is decided by the sanitizer itself.
  const plainText = textIfPlainReaderHtml(html, hasAsset);
  if (plainText !== null) return { html, text: plainText, changed: false };
  // Compared with what the reader parses, serialized as the sanitizer serializes: spelling alone
  // (entities, quotes) is no change.
  const canonical = parseFragment(html).innerHTML;
  const root = sanitizeToElement(withAltMarksAsImages(canonical), {
    keepImage: (src) => (ASSET_SRC.test(src) && hasAsset(src) ? src : null),
  });
  if (root.innerHTML === canonical) return { html, text: fragmentText(html), changed: false };
  return { ...normalizeReaderHtml(root), changed: true };
}

type Parse5Node = DefaultTreeAdapterMap['childNode'];

const fragmentContext = defaultTreeAdapter.createElement('div', htmlSpec.NS.HTML, []);

/**
 * The text of `html` when it holds only plain reader elements with word attributes, links to
 * http(s), mailto and `#`, stored images and alt-text marks (parse5's tree: what jsdom and the
 * reader build); null when anything else is there (a comment, a script, a handler, a frame…).
 */
function textIfPlainReaderHtml(html: string, hasAsset: (assetPath: string) => boolean): string | null {
  const parts: string[] = [];
  const stack: Parse5Node[] = [...parseWithParse5(fragmentContext, html, { scriptingEnabled: false }).childNodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (defaultTreeAdapter.isTextNode(node)) {
      parts.push(node.value);
      continue;
    }
    if (!defaultTreeAdapter.isElementNode(node)) return null; // comments and the like
    if (node.namespaceURI !== htmlSpec.NS.HTML || !isPlainElement(node.tagName)) return null;
    for (const { name, value } of node.attrs) if (!isPlainAttribute(node.tagName, name, value, hasAsset)) return null;
    // The sanitizer gives every link that leaves the article its rel.
    const href = node.attrs.find((a) => a.name === 'href')?.value;
    if (href !== undefined && !href.startsWith('#') && !node.attrs.some((a) => a.name === 'rel')) return null;
    for (let i = node.childNodes.length - 1; i >= 0; i -= 1) stack.push(node.childNodes[i]!);
  }
  return parts.join('');
}

/**
 * What plainly inert reader HTML is made of: elements that carry no behaviour, attributes that are
 * only words, links the reader can follow, stored images and the marks of images not kept. Markup
 * made only of these is what the sanitizer leaves as it is; an import keeps an article of them
 * away from jsdom (plain-reader-html.ts), and `quire check` accepts stored content of them without
 * sanitizing it again (stored-content.ts).
 */
import { IMAGE_ALT_CLASS, LINK_REL } from './sanitize-rules';

/** Elements of reader HTML that carry no behaviour: text, structure, lists, tables, figures. */
export const PLAIN_ELEMENTS: ReadonlySet<string> = new Set([
  'a', 'abbr', 'address', 'article', 'aside', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'center', 'cite', 'code',
  'col', 'colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'footer', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'main', 'mark', 'nav', 'ol', 'p', 'pre',
  'q', 'rp', 'rt', 'ruby', 's', 'samp', 'section', 'small', 'span', 'strike', 'strong', 'sub', 'summary', 'sup', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'tt', 'u', 'ul', 'var', 'wbr', 'acronym', 'big',
  'data', 'dir', 'menu', 'nobr', 'search', 'fieldset', 'legend',
]);

/**
 * Attributes that are only words (never an address, a script or a style), on any plain element;
 * the second line is old-fashioned layout (DocBook's and gtk-doc's manuals, tables of data), which
 * DOMPurify keeps and which does nothing but size and align; the third, words news pages and blogs
 * carry (a link's language, an open `<details>`, text not to translate or spell-check).
 */
const WORD_ATTRIBUTES: ReadonlySet<string> = new Set([
  'id', 'name', 'title', 'lang', 'dir', 'role', 'colspan', 'rowspan', 'scope', 'headers', 'start', 'reversed', 'value',
  'type', 'datetime', 'span', 'abbr', 'alt',
  'summary', 'width', 'height', 'align', 'valign', 'border', 'cellpadding', 'cellspacing', 'nowrap', 'size', 'clear', 'noshade',
  'hreflang', 'open', 'translate', 'spellcheck', 'pubdate',
]);

const SAFE_HREF = /^(?:#|https?:\/\/|mailto:)/i;

/** The one image address an article's HTML may hold: a stored asset. */
export const ASSET_SRC = /^assets\/[A-Za-z0-9][A-Za-z0-9_-]{0,100}(?:\.[A-Za-z0-9]{1,10})?$/;

export const isPlainElement = (tag: string): boolean => PLAIN_ELEMENTS.has(tag);

/** @param hasAsset whether the article has the stored image at `assets/<name>` */
export function isPlainAttribute(element: string, name: string, value: string, hasAsset: (assetPath: string) => boolean): boolean {
  if (WORD_ATTRIBUTES.has(name) || name.startsWith('aria-')) return true;
  if (name === 'href') return element === 'a' && SAFE_HREF.test(value);
  // Where a quotation comes from: an address no browser follows or loads (`<blockquote cite>`).
  if (name === 'cite') return SAFE_HREF.test(value);
  if (name === 'rel') return element === 'a' && value === LINK_REL;
  if (name === 'src') return element === 'img' && ASSET_SRC.test(value) && hasAsset(value);
  if (name === 'class') return element === 'span' && value === IMAGE_ALT_CLASS;
  return false;
}

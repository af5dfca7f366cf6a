/**
 * A very large article (a whole manual on one page: up to 4 MB of markup) is sanitized and
 * normalized in pieces, so jsdom never holds its whole tree: jsdom needs 100–200 times the markup's
 * size, about 800 MB for the largest Debian page, and only a small piece's worth this way.
 *
 * The pieces give the very HTML and text the whole would. Normalizing (normalize-html.ts) treats
 * each block of a container on its own and puts one "\n" between blocks that have text; so the
 * article is cut only right before a block the sanitizer keeps as one (a `<p>`, `<div>`, `<pre>`,
 * `<table>`… without `hidden`) and that has text, never inside a run of inline content, and the
 * pieces are joined with that "\n". An article wrapped in one block (Readability's `<div id="readability-page-1">`,
 * a `<section>`) is cut inside the wrapper, which is sanitized on its own and put back around the
 * pieces. Every piece goes through the sanitizer like the whole would: no byte of the result
 * escapes DOMPurify. The joined text is checked against the joined HTML as the reader will parse it;
 * should they ever differ, the article is done whole.
 */
import { type DefaultTreeAdapterMap, defaultTreeAdapter, html as htmlSpec, parseFragment, serialize } from 'parse5';
import { fragmentText } from './fragment-text';
import type { ReaderDocument } from './normalize-html';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];
type ChildNode = DefaultTreeAdapterMap['childNode'];

/** Articles above this many characters of markup are done in pieces of about this size. */
export const PIECE_CHARS = 200_000;

/** Blocks the sanitizer keeps as the element they are (so the normalizer sees a block there). */
const KEPT_BLOCKS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'table', 'ul',
]);
/** Wrappers an article may be cut inside: kept by the sanitizer, with nothing but their children. */
const WRAPPERS: ReadonlySet<string> = new Set(['article', 'div', 'main', 'section']);

const OPTIONS = { scriptingEnabled: false } as const;
const context = defaultTreeAdapter.createElement('div', htmlSpec.NS.HTML, []);

const isElement = (node: Node): node is Element => defaultTreeAdapter.isElementNode(node);
const isBlank = (node: Node): boolean =>
  defaultTreeAdapter.isCommentNode(node) || (defaultTreeAdapter.isTextNode(node) && /^[ \t\n\r\f]*$/.test(node.value));
const kept = (node: Node, tags: ReadonlySet<string>): node is Element =>
  isElement(node) && node.namespaceURI === htmlSpec.NS.HTML && tags.has(node.tagName) && !node.attrs.some((attr) => attr.name === 'hidden');
const keptBlock = (node: Node): node is Element => kept(node, KEPT_BLOCKS);

/** Elements whose text the sanitizer always keeps (with KEPT_BLOCKS), for `surelyHasText`. */
const KEPT_WITH_TEXT: ReadonlySet<string> = new Set([
  ...KEPT_BLOCKS, 'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'dfn', 'em', 'i', 'kbd', 'mark', 'q', 's', 'samp',
  'small', 'span', 'strong', 'sub', 'sup', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'var',
]);

/**
 * Whether the element will have text once sanitized and normalized: text that is not only
 * whitespace, inside it or inside elements the sanitizer keeps with their text. The normalizer
 * puts its "\n" right before the first block with text, so a piece must start with one.
 */
function surelyHasText(element: Element, depth = 0): boolean {
  if (depth > 12) return false;
  return element.childNodes.some((child) =>
    defaultTreeAdapter.isTextNode(child) ? /[^ \t\n\r\f]/.test(child.value) : kept(child, KEPT_WITH_TEXT) && surelyHasText(child, depth + 1),
  );
}

/** The HTML of some sibling nodes, serialized as the reader's parser will read them. */
function htmlOf(nodes: ChildNode[]): string {
  const holder = parseFragment(context, '', OPTIONS);
  for (const node of nodes) defaultTreeAdapter.appendChild(holder, node);
  return serialize(holder, OPTIONS);
}

/** The single wrapper element a container holds and nothing else but blanks, or null. */
function onlyWrapper(container: ParentNode): Element | null {
  const meaningful = container.childNodes.filter((node) => !isBlank(node));
  const [only] = meaningful;
  return meaningful.length === 1 && only && kept(only, WRAPPERS) ? only : null;
}

/** Cuts a container's children into runs of about `size` characters, each cut right before a kept block with text. */
function cut(container: ParentNode, size: number): string[] {
  const pieces: string[] = [];
  let current: ChildNode[] = [];
  let chars = 0;
  for (const node of [...container.childNodes]) {
    if (chars >= size && keptBlock(node) && surelyHasText(node)) {
      pieces.push(htmlOf(current));
      current = [];
      chars = 0;
    }
    const html = htmlOf([node]);
    chars += html.length;
    current.push(node);
  }
  if (current.length > 0) pieces.push(htmlOf(current));
  return pieces;
}

/**
 * Sanitizes and normalizes `dirtyHtml` with `read` (sanitize, then normalize), whole or, when it
 * is large, in pieces.
 * @param read what is done to the whole article, or to each piece
 * @param size the pieces' size (tests use small ones)
 */
export function readInPieces(dirtyHtml: string, read: (html: string) => ReaderDocument, size = PIECE_CHARS): ReaderDocument {
  if (dirtyHtml.length <= size) return read(dirtyHtml);
  const fragment = parseFragment(context, dirtyHtml, OPTIONS);
  let container: ParentNode = fragment;
  const wrappers: { open: string; close: string }[] = [];
  for (let wrapper = onlyWrapper(container); wrapper; wrapper = onlyWrapper(container)) {
    // The wrapper's own tag, sanitized by itself.
    const shell = read(htmlOf([defaultTreeAdapter.createElement(wrapper.tagName, wrapper.namespaceURI, wrapper.attrs)]));
    const tags = shellTags(shell.html, wrapper.tagName);
    if (tags === null) return read(dirtyHtml);
    wrappers.push(tags);
    container = wrapper;
  }
  const pieces = cut(container, size);
  if (pieces.length < 2) return read(dirtyHtml);
  let html = '';
  let text = '';
  let hasText = false;
  for (const piece of pieces) {
    const done = read(piece);
    if (done.text !== '' && hasText) {
      html += '\n';
      text += '\n';
    }
    if (done.text !== '') hasText = true;
    html += done.html;
    text += done.text;
  }
  for (const { open, close } of wrappers.reverse()) html = open + html + close;
  return fragmentText(html) === text ? { html, text } : read(dirtyHtml);
}

/** `<tag …>` and `</tag>` of a sanitized empty wrapper, or null when the sanitizer made something else of it. */
function shellTags(html: string, tagName: string): { open: string; close: string } | null {
  const close = `</${tagName}>`;
  if (!html.startsWith(`<${tagName}`) || !html.endsWith(close)) return null;
  const open = html.slice(0, html.length - close.length);
  return open.endsWith('>') && !open.slice(1).includes('<') ? { open, close } : null;
}

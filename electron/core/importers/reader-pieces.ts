/**
 * A very large article (a whole manual on one page: up to 4 MB of markup) is sanitized and
 * normalized in pieces, so jsdom never holds its whole tree: jsdom needs 100–200 times the markup's
 * size, about 800 MB for the largest Debian page, and only a small piece's worth this way.
 *
 * The pieces give the very HTML and text the whole would. Normalizing (normalize-html.ts) treats
 * each block of a container on its own and puts one "\n" between blocks that have text; so the
 * article is cut only right before a block the sanitizer keeps as one (a `<p>`, `<div>`, `<pre>`,
 * `<table>`… without `hidden`) and that has text, never inside a run of inline content, and the
 * pieces are joined with that "\n". A large wrapping block (Readability's
 * `<div id="readability-page-1">`, a `<section>` holding most of a manual) is cut inside, its tag
 * sanitized on its own and put back around its
 * pieces. Every piece goes through the sanitizer like the whole would: no byte of the result
 * escapes DOMPurify. The joined text is checked against the joined HTML as the reader will parse it;
 * should they ever differ, the article is done whole.
 */
import { type DefaultTreeAdapterMap, defaultTreeAdapter, html as htmlSpec, parseFragment, serialize } from 'parse5';
import { collectAfterLargeMarkup } from './collect-garbage';
import { fragmentText } from './fragment-text';
import type { ReaderDocument } from './normalize-html';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type ChildNode = DefaultTreeAdapterMap['childNode'];

/** Articles above this many characters of markup are done in pieces of about this size. */
export const PIECE_CHARS = 200_000;

/** Blocks the sanitizer keeps as the element they are (so the normalizer sees a block there). */
const KEPT_BLOCKS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'table', 'ul',
]);
/**
 * Wrappers an article may be cut inside: kept by the sanitizer, with nothing but their children.
 * Lists are among them: a generated table of contents is one `<ul>` of megabytes (Python's
 * contents page, 3 MB), which whole would be one piece of jsdom's size for it, about 600 MB. Their
 * items read the same outside the list as inside (`<li>`, `<dt>`, `<dd>` parse as themselves in a
 * `<div>`, and the normalizer puts its "\n" between blocks the same way).
 */
const WRAPPERS: ReadonlySet<string> = new Set(['article', 'dd', 'div', 'dl', 'li', 'main', 'ol', 'section', 'ul']);

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
  'small', 'span', 'strong', 'sub', 'sup', 'tbody', 'td', 'th', 'tr', 'u', 'var',
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

/**
 * Whether the node will surely have no text once sanitized and normalized: blanks, comments, and
 * elements with no text and no image (an image may become its alt text) anywhere inside.
 */
function surelyTextless(node: Node): boolean {
  if (isBlank(node)) return true;
  if (!isElement(node) || 'content' in node || node.tagName === 'img') return false;
  return node.childNodes.every(surelyTextless);
}

/**
 * Whether the pieces can be cut right after the sibling before `from`: what follows starts with a
 * block with text, once past anything that surely has none (that goes into a piece without text,
 * which takes no "\n").
 */
function cleanCutAfter(nodes: ChildNode[], from: number): boolean {
  let next = from;
  while (next < nodes.length && surelyTextless(nodes[next]!)) next += 1;
  const node = nodes[next];
  return node === undefined || (keptBlock(node) && surelyHasText(node));
}

/**
 * Whether the node's HTML surely has more than `size` characters, without serializing it: its
 * text alone has (serializing writes every character of text, as it is or escaped, and more).
 */
function textLongerThan(node: Node, size: number): boolean {
  let chars = 0;
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (defaultTreeAdapter.isTextNode(current)) {
      chars += current.value.length;
      if (chars > size) return true;
    } else if ('childNodes' in current) for (const child of current.childNodes) stack.push(child);
  }
  return false;
}

/** Joins pieces as the normalizer joins blocks: one "\n" before each one with text after the first. */
function joinPieces(pieces: ReaderDocument[]): ReaderDocument {
  let html = '';
  let text = '';
  for (const piece of pieces) {
    if (piece.text !== '' && text !== '') {
      html += '\n';
      text += '\n';
    }
    html += piece.html;
    text += piece.text;
  }
  return { html, text };
}

type Read = (html: string) => ReaderDocument;

/**
 * How a container's content is read: pieces of HTML, and large wrappers read inside in pieces of
 * their own. All of it is planned before anything is read, so that the article's parsed tree (about
 * 15 times its markup in memory, 60 MB for the largest Debian page) is let go while the pieces are
 * read, and only their markup is kept.
 */
type Step = { html: string } | { shell: string; tagName: string; inside: Step[] };

/**
 * The content of a container (its children, `nodes`), cut into pieces of about `size` characters.
 * A large wrapper among them (a `<section>` holding most of a manual) is cut inside too.
 */
function planChildren(nodes: ChildNode[], size: number): Step[] {
  const steps: Step[] = [];
  // Each node's HTML, serialized once: a piece's HTML is theirs joined (`htmlOf` serializes each child on its own).
  let current: string[] = [];
  let chars = 0;
  const flush = (): void => {
    if (current.length > 0) steps.push({ html: current.join('') });
    current = [];
    chars = 0;
  };
  for (const [index, node] of nodes.entries()) {
    const startsPiece = keptBlock(node) && surelyHasText(node);
    const wrapper = startsPiece && kept(node, WRAPPERS);
    // A wrapper with more text than a piece is not serialized whole only to be cut inside (each
    // level of a manual's nested sections would be serialized again).
    const large = wrapper && textLongerThan(node, size);
    let html = large ? null : htmlOf([node]);
    if (wrapper && (large || html!.length > size) && cleanCutAfter(nodes, index + 1)) {
      flush();
      const shell = htmlOf([defaultTreeAdapter.createElement(node.tagName, node.namespaceURI, node.attrs)]);
      steps.push({ shell, tagName: node.tagName, inside: planChildren([...node.childNodes], size) });
      chars = Infinity; // what follows starts a piece of its own at its first block with text
      continue;
    }
    html ??= htmlOf([node]);
    if (startsPiece && chars >= size) flush();
    current.push(html);
    chars += html.length;
  }
  flush();
  return steps;
}

/**
 * The article parsed and cut into pieces. A function of its own: the parsed tree is a temporary of
 * this frame only, which is gone once it returns (an interpreted frame keeps its temporaries alive
 * until it returns, so the tree would otherwise stay in memory while the pieces are read).
 */
function planArticle(dirtyHtml: string, size: number): Step[] {
  return planChildren([...parseFragment(context, dirtyHtml, OPTIONS).childNodes], size);
}

/**
 * Reads the planned pieces, a wrapper's tag sanitized on its own and put around its content. Null
 * when a wrapper's tag did not come through the sanitizer as itself.
 */
function readSteps(steps: Step[], read: Read): ReaderDocument | null {
  const pieces: ReaderDocument[] = [];
  for (const step of steps) {
    if ('html' in step) {
      pieces.push(read(step.html));
      continue;
    }
    const tags = shellTags(read(step.shell).html, step.tagName);
    const inside = tags === null ? null : readSteps(step.inside, read);
    if (tags === null || inside === null) return null;
    pieces.push({ html: tags.open + inside.html + tags.close, text: inside.text });
  }
  return joinPieces(pieces);
}

/**
 * Sanitizes and normalizes `dirtyHtml` with `read` (sanitize, then normalize), whole or, when it
 * is large, in pieces.
 * @param read what is done to the whole article, or to each piece
 * @param size the pieces' size (tests use small ones)
 */
export function readInPieces(dirtyHtml: string, read: Read, size = PIECE_CHARS): ReaderDocument {
  if (dirtyHtml.length <= size) return read(dirtyHtml);
  const steps = planArticle(dirtyHtml, size);
  // The article's tree is garbage now: collected before the pieces' trees are built on top of it
  // (measured on the largest Debian page: 440 → 300 MB resident at the import's peak).
  collectAfterLargeMarkup(dirtyHtml.length);
  const inPieces = readSteps(steps, read);
  return inPieces !== null && fragmentText(inPieces.html) === inPieces.text ? inPieces : read(dirtyHtml);
}

/** `<tag …>` and `</tag>` of a sanitized empty wrapper, or null when the sanitizer made something else of it. */
function shellTags(html: string, tagName: string): { open: string; close: string } | null {
  const close = `</${tagName}>`;
  if (!html.startsWith(`<${tagName}`) || !html.endsWith(close)) return null;
  const open = html.slice(0, html.length - close.length);
  return open.endsWith('>') && !open.slice(1).includes('<') ? { open, close } : null;
}

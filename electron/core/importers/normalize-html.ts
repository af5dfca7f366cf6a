/**
 * The central invariant of Quire: the text of an article (text.txt: indexed, and what passage
 * offsets point into) is exactly the `textContent` of its reader HTML, so an offset taken from a
 * selection in the reader is an offset into text.txt and back.
 *
 * Raw HTML does not give a useful `textContent`: it is full of indentation, and blocks run into
 * each other ("end of paragraph.Next heading"). So the sanitized DOM is rewritten until its text
 * nodes hold only what a reader sees: whitespace collapsed as CSS would collapse it (except inside
 * <pre>), nothing at the edges of blocks, and exactly one "\n" text node between consecutive blocks
 * that have text ("\t" between table cells). Such whitespace-only nodes between blocks do not
 * change the rendering, and the text gets clean paragraph breaks.
 */
import { ELEMENT_NODE, parseFragment, TEXT_NODE } from './dom-window';
import { fragmentText } from './fragment-text';
import { isDisplayMath, prepareMathText } from './math-text';

export interface ReaderDocument {
  /** reader HTML (serialized fragment) */
  html: string;
  /** its textContent once parsed again, i.e. exactly what the reader's DOM will hold */
  text: string;
}

/** Elements laid out as blocks (also what separates text when deep markup is flattened, limit-nesting.ts). */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'col', 'colgroup', 'dd',
  'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'legend', 'li', 'listing',
  'main', 'menu', 'nav', 'ol', 'p', 'plaintext', 'pre', 'search', 'section', 'summary', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'xmp',
]);

/** What CSS `white-space: normal` collapses (not U+00A0 and the other non-breaking spaces). */
const COLLAPSIBLE = /[ \t\n\r\f]+/g;
const MAX_ROUNDS = 3;

type Item = { kind: 'block'; element: Element } | { kind: 'run'; nodes: ChildNode[] };

const isText = (node: Node): node is Text => node.nodeType === TEXT_NODE;
const isElement = (node: Node): node is Element => node.nodeType === ELEMENT_NODE;

/**
 * Normalizes `root` (a detached container) in place and returns its HTML and text. The result is
 * checked by parsing the HTML again, as the reader will: should the parser restructure something
 * (HTML has such corners), the parsed tree is normalized once more.
 * @param innerHtml how `root`'s DOM serializes its children as the standard does (jsdom's own
 * `innerHTML` does; linkedom's does not, plain-html-serializer.ts)
 */
export function normalizeReaderHtml(root: Element, innerHtml: (root: Element) => string = (element) => element.innerHTML): ReaderDocument {
  let current = root;
  let serialize = innerHtml;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    prepareMathText(current);
    normalizeContainer(current, blockLikeElements(current));
    const html = serialize(current);
    const text = current.textContent ?? '';
    if (fragmentText(html) === text) return { html, text };
    current = parseFragment(html);
    serialize = (element) => element.innerHTML; // a jsdom fragment's, from here on
  }
  // Never seen in practice; whatever the parser makes of the HTML is what the reader shows.
  const html = current.innerHTML;
  return { html, text: parseFragment(html).textContent ?? '' };
}

/** Elements laid out as blocks: block tags, display formulas, and inline elements wrapping a block (<a><div>…). */
function blockLikeElements(root: Element): Set<Element> {
  const found = new Set<Element>();
  const visit = (element: Element): boolean => {
    let holdsBlock = false;
    for (const child of Array.from(element.children)) if (visit(child)) holdsBlock = true;
    const blockLike = holdsBlock || BLOCK_TAGS.has(element.localName) || isDisplayMath(element);
    if (blockLike) found.add(element);
    return blockLike;
  };
  visit(root);
  return found;
}

/** Returns whether the container has any text left. */
function normalizeContainer(container: Element, blockLike: Set<Element>): boolean {
  if (container.localName === 'pre') return normalizePre(container);

  const items: Item[] = [];
  let run: ChildNode[] = [];
  for (const child of Array.from(container.childNodes)) {
    if (isElement(child) && blockLike.has(child)) {
      if (run.length > 0) items.push({ kind: 'run', nodes: run });
      run = [];
      items.push({ kind: 'block', element: child });
    } else if (isElement(child) || isText(child)) {
      run.push(child);
    } else {
      child.remove(); // comments and the like: never shown
    }
  }
  if (run.length > 0) items.push({ kind: 'run', nodes: run });

  const separator = container.localName === 'tr' ? '\t' : '\n';
  let hasText = false;
  for (const item of items) {
    const itemHasText =
      item.kind === 'block' ? normalizeContainer(item.element, blockLike) : normalizeRun(item.nodes);
    if (!itemHasText) continue;
    if (hasText) {
      const first = item.kind === 'block' ? item.element : item.nodes.find((n) => n.parentNode === container);
      container.insertBefore(container.ownerDocument.createTextNode(separator), first ?? null);
    }
    hasText = true;
  }
  return hasText;
}

/**
 * A run of inline content between blocks: collapse whitespace across its text nodes, trim its
 * edges, and give every line break (<br>) inside it a "\n" so the text keeps the break too.
 */
function normalizeRun(nodes: ChildNode[]): boolean {
  const pieces: (Text | Element)[] = [];
  const collect = (node: Node): void => {
    if (isText(node)) pieces.push(node);
    else if (isElement(node)) {
      if (node.localName === 'br') pieces.push(node);
      else for (const child of Array.from(node.childNodes)) collect(child);
    } else node.parentNode?.removeChild(node);
  };
  for (const node of nodes) collect(node);

  let dropLeadingSpace = true; // at the start of a line, or right after a space
  let line: Text[] = [];
  for (const piece of pieces) {
    if (isText(piece)) {
      let data = piece.data.replace(COLLAPSIBLE, ' ');
      if (dropLeadingSpace && data.startsWith(' ')) data = data.slice(1);
      // Only when it changes: each change is a DOM mutation, which jsdom makes costly.
      if (data !== piece.data) piece.data = data;
      if (data !== '') dropLeadingSpace = data.endsWith(' ');
      line.push(piece);
    } else {
      trimTrailingSpace(line);
      line = [];
      dropLeadingSpace = true;
    }
  }
  trimTrailingSpace(line);

  // A <br> before the first or after the last text would add a break no reader sees.
  const textIndexes = pieces.flatMap((p, i) => (isText(p) && p.data !== '' ? [i] : []));
  const firstText = textIndexes[0] ?? Infinity;
  const lastText = textIndexes[textIndexes.length - 1] ?? -Infinity;
  pieces.forEach((piece, index) => {
    if (isText(piece)) {
      if (piece.data === '') piece.remove();
    } else if (index < firstText || index > lastText) {
      piece.remove();
    } else {
      piece.after(piece.ownerDocument.createTextNode('\n'));
    }
  });
  return textIndexes.length > 0;
}

function trimTrailingSpace(line: Text[]): void {
  for (let i = line.length - 1; i >= 0; i -= 1) {
    const text = line[i]!;
    if (text.data === '') continue;
    if (text.data.endsWith(' ')) text.data = text.data.replace(/ +$/, '');
    if (text.data !== '') return;
  }
}

/**
 * Preformatted text keeps its whitespace. Only blank lines at its edges go (the parser would drop
 * a leading newline on the next parse anyway), and <br> becomes the newline it stands for.
 */
function normalizePre(pre: Element): boolean {
  for (const br of Array.from(pre.querySelectorAll('br'))) br.replaceWith(pre.ownerDocument.createTextNode('\n'));
  const texts: Text[] = [];
  const collect = (node: Node): void => {
    if (isText(node)) texts.push(node);
    else if (isElement(node)) for (const child of Array.from(node.childNodes)) collect(child);
    else node.parentNode?.removeChild(node);
  };
  collect(pre);
  const full = texts.map((t) => t.data).join('');
  const leading = blankLinesAtStart(full);
  const trailing = whitespaceAtEnd(full, leading);
  removeFromStart(texts, leading);
  removeFromEnd(texts, trailing);
  for (const text of texts) if (text.data === '') text.remove();
  return full.length > leading + trailing;
}

/** Length of the whole blank lines at the start (indentation of the first real line stays). */
function blankLinesAtStart(text: string): number {
  let lineStart = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '\n') lineStart = i + 1;
    else if (char !== ' ' && char !== '\t' && char !== '\r' && char !== '\f') break;
  }
  return lineStart;
}

function whitespaceAtEnd(text: string, notBefore: number): number {
  let end = text.length;
  while (end > notBefore && /\s/.test(text[end - 1]!)) end -= 1;
  return text.length - end;
}

function removeFromStart(texts: Text[], count: number): void {
  let left = count;
  for (const text of texts) {
    if (left === 0) return;
    const cut = Math.min(left, text.data.length);
    text.data = text.data.slice(cut);
    left -= cut;
  }
}

function removeFromEnd(texts: Text[], count: number): void {
  let left = count;
  for (let i = texts.length - 1; i >= 0 && left > 0; i -= 1) {
    const text = texts[i]!;
    const cut = Math.min(left, text.data.length);
    text.data = text.data.slice(0, text.data.length - cut);
    left -= cut;
  }
}

/**
 * linkedom's DOM built from parse5's tree of a page (limit-nesting.ts, `standardPageTree`): the
 * page keeps the shape the HTML standard's parser gives it (implied `<tbody>`, fostered table
 * content, mended mis-nesting), which linkedom's own parser, htmlparser2, does not give. The tree
 * used to be serialized and read again by linkedom's parser, which took about as long as parse5's
 * parse itself; walking the tree takes about 60 % of that, with no second copy of the markup.
 *
 * The DOM is the one linkedom's parser made from the serialized tree (tested on every page of the
 * test corpus and on Debian's manuals, node for node): tag names lowercased as htmlparser2 does,
 * an element inside an `<svg>` made in the SVG namespace with its `ownerSVGElement`, attributes
 * in the page's order under the names parse5's serializer writes (`xlink:href`), a `<template>`'s
 * content as its children. Only markup a serialization would not have kept as it was differs:
 * text inside `<iframe>`, `<noembed>`, `<noframes>`, `<xmp>` and `<plaintext>` stays text here,
 * as in a browser, where htmlparser2 read it as markup.
 */
import { type DefaultTreeAdapterMap, defaultTreeAdapter as tree, html as htmlSpec, serialize } from 'parse5';
import { parseHTML } from 'linkedom';
import { childrenOf } from './limit-nesting';

type TreeNode = DefaultTreeAdapterMap['node'];
type TreeParent = DefaultTreeAdapterMap['parentNode'];
type TreeAttribute = DefaultTreeAdapterMap['element']['attrs'][number];

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/**
 * linkedom looks an attribute up before it sets it, so setting an element's attributes one by one
 * grows with the square of their number (20,000 on one element: 0.7 s, where its parser took 0.09
 * s). Only a hostile file puts hundreds on one element; a page that does is read by linkedom's
 * parser from the serialized tree, as before.
 */
const MOST_ATTRIBUTES_SET = 1000;

function hasCrowdedElement(page: TreeParent): boolean {
  const stack: TreeParent[] = [page];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (tree.isElementNode(node) && node.attrs.length > MOST_ATTRIBUTES_SET) return true;
    for (const child of childrenOf(node)) if ('childNodes' in child) stack.push(child);
  }
  return false;
}

/** The attribute's name as parse5's serializer writes it (and linkedom's parser then read it). */
function attributeName({ namespace, prefix, name }: TreeAttribute): string {
  switch (namespace) {
    case undefined:
    case '':
      return name;
    case htmlSpec.NS.XML:
      return `xml:${name}`;
    case htmlSpec.NS.XMLNS:
      return name === 'xmlns' ? name : `xmlns:${name}`;
    case htmlSpec.NS.XLINK:
      return `xlink:${name}`;
    default:
      return `${prefix ?? ''}:${name}`;
  }
}

/**
 * The page's linkedom document. `page` is taken apart as it is walked (each node's children are
 * let go once queued), so the two trees of a large page are not both whole in memory.
 */
export function linkedomDocumentOf(page: DefaultTreeAdapterMap['document']): Document {
  // linkedom's types describe its own classes, which implement the DOM's `Document`.
  if (hasCrowdedElement(page)) return parseHTML(serialize(page, { scriptingEnabled: false })).document as unknown as Document;
  const document = parseHTML('').document as unknown as Document;
  for (const child of page.childNodes) {
    // What linkedom's parser keeps of a doctype: its name (a nameless one is dropped, as there).
    if (tree.isDocumentTypeNode(child)) (document as unknown as { doctype: string }).doctype = child.name;
  }
  appendTreeChildren(document, page, document);
  return document;
}

/**
 * Builds the children of `from` (parse5's tree) under `into`, a node of linkedom's `document`.
 * `from` is taken apart as it is walked (each node's children are let go once queued).
 */
export function appendTreeChildren(document: Document, from: TreeParent, into: Node): void {
  // Depth first, in document order: the stack holds what is still to be made, with where it goes
  // and the `<svg>` it is inside (iterative: a page's depth is limited, but not to a small number).
  const pending: { node: TreeNode; parent: Node; svg: Element | null }[] = [];
  const queueChildren = (node: TreeParent, parent: Node, svg: Element | null): void => {
    const children = childrenOf(node);
    for (let index = children.length - 1; index >= 0; index--) pending.push({ node: children[index]!, parent, svg });
    if ('content' in node) node.content.childNodes = [];
    else node.childNodes = [];
  };
  queueChildren(from, into, null);
  while (pending.length > 0) {
    const { node, parent, svg } = pending.pop()!;
    if (tree.isTextNode(node)) parent.appendChild(document.createTextNode(node.value));
    else if (tree.isCommentNode(node)) parent.appendChild(document.createComment(node.data));
    else if (tree.isElementNode(node)) {
      const name = node.tagName.toLowerCase();
      const inSvg = svg !== null || name === 'svg';
      const element = inSvg ? document.createElementNS(SVG_NAMESPACE, name) : document.createElement(name);
      // As linkedom's parser: what is inside an `<svg>` knows it, the `<svg>` itself is not told.
      if (svg !== null) (element as unknown as { ownerSVGElement: Element }).ownerSVGElement = svg;
      // linkedom puts each attribute set on an element before those it has: set last to first.
      for (let index = node.attrs.length - 1; index >= 0; index--) {
        const attribute = node.attrs[index]!;
        element.setAttribute(attributeName(attribute), attribute.value);
      }
      parent.appendChild(element);
      queueChildren(node, element, inSvg ? (svg ?? element) : null);
    }
  }
}

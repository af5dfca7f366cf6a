/**
 * Markup nested thousands of levels deep (only hostile or broken files do that) makes every jsdom
 * step slow: jsdom walks all of a node's ancestors on each insertion and change, so parsing,
 * sanitizing and normalizing grow with the square of the depth (measured: a page of 10,000 nested
 * `<div>` took 12 s to parse and 9 s to sanitize, and the normalizer's recursion overflowed the
 * stack at 5,000). parse5's plain tree, the parser inside jsdom, reads the same 20,000 levels in
 * under 200 ms. So markup is parsed with it first; where something sits deeper than
 * `MAX_NESTING_DEPTH`, each element at that depth keeps its visible text but loses the elements
 * inside it, and the flattened tree is serialized for jsdom. Markup within the limit is returned
 * as it was, so ordinary pages pay for one parse5 parse and nothing else.
 */
import { type DefaultTreeAdapterMap, defaultTreeAdapter, html as htmlSpec, parse, parseFragment, serialize } from 'parse5';
import { BLOCK_TAGS } from './normalize-html';

type Node = DefaultTreeAdapterMap['node'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];
type Element = DefaultTreeAdapterMap['element'];
type Template = DefaultTreeAdapterMap['template'];

/**
 * Real pages nest a few dozen levels. Chromium's own parser stops nesting at 512 (deeper elements
 * become siblings), and the reader puts an article a dozen levels into its page, so 256 leaves the
 * reader's DOM exactly as imported while keeping every jsdom step cheap.
 */
export const MAX_NESTING_DEPTH = 256;

/** Elements whose text a reader never sees (the sanitizer drops them with what they hold). */
const UNSEEN = new Set([
  'head', 'title', 'script', 'style', 'template', 'noscript', 'noembed', 'noframes', 'iframe',
  'textarea', 'select', 'datalist', 'button', 'object', 'embed', 'applet', 'audio', 'video',
  'canvas', 'map', 'dialog', 'svg', 'math',
]);

// Parsed as jsdom parses (no scripting: `<noscript>` holds markup) and serialized the same way.
const OPTIONS = { scriptingEnabled: false } as const;
const fragmentContext = defaultTreeAdapter.createElement('div', htmlSpec.NS.HTML, []);

const isElement = (node: Node): node is Element => defaultTreeAdapter.isElementNode(node);
const isTemplate = (node: Node): node is Template => isElement(node) && 'content' in node;

/** A node's children in parse5's tree; a `<template>` keeps its own apart, as its content. */
export const childrenOf = (node: ParentNode): Node[] => (isTemplate(node) ? node.content.childNodes : node.childNodes);

/** The text a reader would see in `element`, blocks and line breaks kept apart by "\n" (iterative: any depth). */
function visibleText(element: Element): string {
  const parts: string[] = [];
  const stack: (Node | string)[] = [...childrenOf(element)].reverse();
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      // One break between blocks, none before the first: thousands of nested blocks add no blank lines.
      if (parts.length > 0 && !parts[parts.length - 1]!.endsWith('\n')) parts.push(item);
    } else if (defaultTreeAdapter.isTextNode(item)) parts.push(item.value);
    else if (isElement(item)) {
      const tag = defaultTreeAdapter.getTagName(item);
      if (UNSEEN.has(tag) || item.attrs.some((attr) => attr.name === 'hidden')) continue;
      if (tag === 'br') parts.push('\n'); // a line break counts even right after another
      const block = BLOCK_TAGS.has(tag);
      if (block) stack.push('\n');
      for (const child of [...childrenOf(item)].reverse()) stack.push(child);
      if (block) stack.push('\n');
    }
  }
  return parts.join('');
}

/** Replaces what `element` holds by its visible text. */
function flatten(element: Element): void {
  const text = visibleText(element);
  if (isTemplate(element)) {
    element.content.childNodes = [];
    return;
  }
  element.childNodes = [];
  if (text !== '') defaultTreeAdapter.insertText(element, text);
}

/** Flattens every element at depth `limit` below `root` that holds elements; returns how many. */
function flattenBelow(root: ParentNode, limit: number): number {
  let flattened = 0;
  const stack: [ParentNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    for (const child of childrenOf(node)) {
      if (!isElement(child)) continue;
      if (depth + 1 < limit) stack.push([child, depth + 1]);
      else if (childrenOf(child).some(isElement)) {
        flatten(child);
        flattened += 1;
      }
    }
  }
  return flattened;
}

/** A whole page, with nothing deeper than `limit` elements below the document (`<html>` is level 1). */
export function limitPageNesting(html: string, limit = MAX_NESTING_DEPTH): string {
  const document = parse(html, OPTIONS);
  return flattenBelow(document, limit) === 0 ? html : serialize(document, OPTIONS);
}

/**
 * The page as the standard's parser shapes it (implied `<head>`, `<body>` and `<tbody>`, table
 * content fostered out, mis-nested tags mended), nesting limited as above: the tree a DOM with a
 * simpler parser is built from (linkedom-from-tree.ts), so that it holds what a browser builds.
 */
export function standardPageTree(html: string, limit = MAX_NESTING_DEPTH): DefaultTreeAdapterMap['document'] {
  const document = parse(html, OPTIONS);
  flattenBelow(document, limit);
  return document;
}

/** A fragment (the `innerHTML` of a `<div>`), with nothing deeper than `limit` elements. */
export function limitFragmentNesting(html: string, limit = MAX_NESTING_DEPTH): string {
  const fragment = parseFragment(fragmentContext, html, OPTIONS);
  return flattenBelow(fragment, limit) === 0 ? html : serialize(fragment, OPTIONS);
}

/**
 * XML of an EPUB (container, package, NCX, XHTML chapters) parsed by jsdom's XML parser, which
 * fetches nothing. The DOCTYPE is removed first: its internal subset could declare entities that
 * expand a billion-fold or name outside files, and XHTML's own (`&nbsp;`, `&mdash;`…) are turned
 * into the characters they stand for, as the HTML parser would.
 */
import { domWindow } from '../dom-window';

const DOCTYPE = /<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>/gi;
const NAMED_ENTITY = /&([A-Za-z][A-Za-z0-9]{1,31});/g;
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

const htmlEntities = new Map<string, string>();

/** What an HTML named entity stands for, as a numeric reference XML understands (or as written). */
function numericReference(name: string): string {
  let decoded = htmlEntities.get(name);
  if (decoded === undefined) {
    const textarea = domWindow().document.createElement('textarea');
    textarea.innerHTML = `&${name};`;
    decoded = textarea.value;
    htmlEntities.set(name, decoded);
  }
  if (decoded === `&${name};`) return '&amp;' + name + ';'; // unknown: keep it visible as text
  return Array.from(decoded, (char) => `&#${char.codePointAt(0)};`).join('');
}

export function withoutDoctype(xml: string): string {
  return xml
    .replace(DOCTYPE, '')
    .replace(NAMED_ENTITY, (whole, name: string) => (XML_ENTITIES.has(name) ? whole : numericReference(name)));
}

/** The parsed document, or null when the text is not well-formed XML. */
export function parseXml(xml: string, type: 'application/xml' | 'application/xhtml+xml' = 'application/xml'): Document | null {
  const parsed = new (domWindow().DOMParser)().parseFromString(withoutDoctype(xml), type);
  if (parsed.getElementsByTagName('parsererror').length > 0) return null;
  return parsed;
}

/** Elements by local name, whatever their namespace prefix (`dc:title`, `opf:meta`…). */
export function elementsNamed(root: Document | Element, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS('*', localName));
}

/**
 * The first element with that local name, in document order: found by walking the tree only as
 * far as it, where a collection of them all walks every element (a chapter's `<body>` comes
 * right after its `<head>`).
 */
export function firstNamed(root: Document | Element, localName: string): Element | null {
  let element = root.firstElementChild;
  while (element !== null) {
    if (element.localName === localName) return element;
    let next = element.firstElementChild;
    while (next === null && element !== null) {
      next = element.nextElementSibling;
      if (next === null) {
        const parent: Element | null = element.parentElement;
        element = parent === root ? null : parent;
      }
    }
    element = next;
  }
  return null;
}

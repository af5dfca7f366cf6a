/**
 * The children of an element serialized as the HTML standard serializes them (its "HTML fragment
 * serialization algorithm", what `innerHTML` gives in jsdom and in the reader's browser), for a DOM
 * whose own `innerHTML` does not (linkedom escapes quotes in text and writes attributes its way).
 * Only HTML elements, text and comments are expected: plain reader HTML (plain-reader-html.ts).
 */
const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  'area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'input', 'keygen', 'link', 'meta',
  'param', 'source', 'track', 'wbr',
]);
/** Elements whose text the standard writes as it is (with scripting off, as jsdom and the importers parse). */
const RAW_TEXT_ELEMENTS: ReadonlySet<string> = new Set(['style', 'script', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const COMMENT_NODE = 8;

const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '\u00a0': '&nbsp;', '<': '&lt;', '>': '&gt;' };
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '\u00a0': '&nbsp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' };
const escapeText = (text: string): string => text.replace(/[&\u00a0<>]/g, (char) => TEXT_ESCAPES[char]!);
const escapeAttribute = (value: string): string => value.replace(/[&\u00a0"<>]/g, (char) => ATTRIBUTE_ESCAPES[char]!);

export function serializeChildren(parent: Node): string {
  const out: string[] = [];
  // Iterative, depth first: a closing tag is queued as a string before the element's children.
  const pending: (Node | string)[] = [...Array.from(parent.childNodes)].reverse();
  while (pending.length > 0) {
    const item = pending.pop()!;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    if (item.nodeType === TEXT_NODE) {
      const parentName = item.parentNode?.nodeType === ELEMENT_NODE ? (item.parentNode as Element).localName : '';
      out.push(RAW_TEXT_ELEMENTS.has(parentName) ? (item as Text).data : escapeText((item as Text).data));
    } else if (item.nodeType === COMMENT_NODE) {
      out.push(`<!--${(item as Comment).data}-->`);
    } else if (item.nodeType === ELEMENT_NODE) {
      const element = item as Element;
      const name = element.localName;
      let tag = `<${name}`;
      for (const { name: attribute, value } of Array.from(element.attributes)) tag += ` ${attribute}="${escapeAttribute(value)}"`;
      out.push(`${tag}>`);
      if (VOID_ELEMENTS.has(name)) continue;
      pending.push(`</${name}>`);
      const children = element.childNodes;
      for (let index = children.length - 1; index >= 0; index -= 1) pending.push(children[index]!);
    }
  }
  return out.join('');
}

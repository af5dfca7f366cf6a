/**
 * The `textContent` an HTML fragment will have once parsed as the `innerHTML` of a `<div>`, which is
 * what the reader does with content.html. Parsed with parse5, the HTML parser inside jsdom, on its
 * plain tree: the same tree jsdom would build, without jsdom's DOM objects, which makes this check
 * several times faster and lighter than a jsdom parse (it runs on every imported article).
 * Scripting is off, as in jsdom without `runScripts`; it only changes how `<noscript>` parses, and
 * the sanitizer never lets a `<noscript>` through.
 */
import { type DefaultTreeAdapterMap, defaultTreeAdapter, html as htmlSpec, parseFragment } from 'parse5';

type ChildNode = DefaultTreeAdapterMap['childNode'];

const context = defaultTreeAdapter.createElement('div', htmlSpec.NS.HTML, []);

export function fragmentText(html: string): string {
  const parts: string[] = [];
  // Depth first in document order, iterative so that a deeply nested fragment cannot overflow the stack.
  const stack: ChildNode[] = [...parseFragment(context, html, { scriptingEnabled: false }).childNodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (defaultTreeAdapter.isTextNode(node)) parts.push(node.value);
    // textContent does not enter a <template>'s content, which parse5 keeps apart as well.
    else if ('childNodes' in node) for (let i = node.childNodes.length - 1; i >= 0; i -= 1) stack.push(node.childNodes[i]!);
  }
  return parts.join('');
}

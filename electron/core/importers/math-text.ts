/**
 * The text of a formula, for text.txt and search. A formula's textContent is its tokens run
 * together (`<mi>x</mi><mo>=</mo><mn>2</mn>` reads "x=2", a fraction ½ "12"), which no one would
 * type and search splits wrongly. Chromium lays out no text between MathML elements (only inside
 * tokens), so a space between the parts of a formula changes nothing on the page and makes its
 * text "x = 2", "1 2". A base and its scripts stay together ("x2" for x², "xi" for xᵢ), as typed.
 * Invisible operators (function application in `cos θ`, invisible times in `2a`) are dropped: they
 * show nothing and add next to no space, yet would glue onto the words beside them in search.
 */
import { ELEMENT_NODE, TEXT_NODE } from './dom-window';
import { styledText } from './math-variants';
import { MATHML_NAMESPACE, MATHML_SCRIPTS, MATHML_TOKENS } from './mathml';

const INVISIBLE_OPERATOR = /^[ \t\n\r\f]*[\u2061-\u2064][ \t\n\r\f]*$/;
const WHITESPACE_ONLY = /^[ \t\n\r\f]*$/;

/**
 * Puts one space between the parts of every formula under `root`, drops its invisible operators
 * and writes its styled letters as Unicode (math-variants.ts), in place and idempotent. One walk
 * per formula that changes only what differs: a book holds thousands of formulas, and every jsdom
 * query and change costs.
 */
export function prepareMathText(root: Element): void {
  for (const math of Array.from(root.getElementsByTagName('math'))) {
    if (math.namespaceURI === MATHML_NAMESPACE) prepareFormulaPart(math, null);
  }
}

/** @param inherited the `mathvariant` of the nearest ancestor within the formula that has one */
function prepareFormulaPart(element: Element, inherited: string | null): void {
  let variant = inherited;
  const own = element.getAttribute('mathvariant');
  if (own !== null) {
    variant = own.trim().toLowerCase();
    // `normal` stays: it is the one value Chromium reads (an upright single-letter <mi>).
    if (variant !== 'normal') element.removeAttribute('mathvariant');
  }
  if (MATHML_TOKENS.has(element.localName)) {
    if (variant !== null && variant !== 'normal') styleTextNodes(element, variant);
    return;
  }
  const joined = MATHML_SCRIPTS.has(element.localName);
  let previous: Element | null = null;
  for (let node = element.firstChild; node !== null; ) {
    const next: ChildNode | null = node.nextSibling;
    if (node.nodeType === TEXT_NODE) {
      // Between MathML elements, text is never laid out: whitespace there only shapes the text.
      const data = node.nodeValue ?? '';
      const spacer = !joined && previous !== null && data === ' ' && next?.nodeType === ELEMENT_NODE;
      if (!spacer && WHITESPACE_ONLY.test(data)) node.remove();
    } else if (node.nodeType === ELEMENT_NODE) {
      const part = node as Element;
      if (part.localName === 'mo' && INVISIBLE_OPERATOR.test(part.textContent ?? '')) {
        part.remove();
      } else {
        if (!joined && previous !== null && part.previousSibling?.nodeType !== TEXT_NODE) {
          element.insertBefore(element.ownerDocument.createTextNode(' '), part);
        }
        if (part.namespaceURI === MATHML_NAMESPACE) prepareFormulaPart(part, variant);
        previous = part;
      }
    }
    node = next;
  }
}

function styleTextNodes(token: Element, variant: string): void {
  const stack: Node[] = [token];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      const styled = styledText(node.nodeValue ?? '', variant);
      if (styled !== node.nodeValue) node.nodeValue = styled;
    } else for (let child = node.firstChild; child !== null; child = child.nextSibling) stack.push(child);
  }
}

/** `<math display="block">`: laid out as a block of its own, so its text is a line of its own. */
export const isDisplayMath = (element: Element): boolean =>
  element.localName === 'math' && element.namespaceURI === MATHML_NAMESPACE && element.getAttribute('display')?.trim().toLowerCase() === 'block';

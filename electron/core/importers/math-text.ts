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
import { applyMathVariants } from './math-variants';
import { MATHML_NAMESPACE, MATHML_SCRIPTS, MATHML_TOKENS } from './mathml';

const INVISIBLE_OPERATOR = /^[ \t\n\r\f]*[\u2061-\u2064][ \t\n\r\f]*$/;

/**
 * Puts one space between the parts of every formula under `root`, drops its invisible operators
 * and writes its styled letters as Unicode (math-variants.ts) (in place; idempotent).
 */
export function prepareMathText(root: Element): void {
  for (const math of Array.from(root.getElementsByTagName('math'))) {
    if (math.namespaceURI !== MATHML_NAMESPACE) continue;
    applyMathVariants(math);
    for (const operator of Array.from(math.getElementsByTagName('mo'))) {
      if (INVISIBLE_OPERATOR.test(operator.textContent ?? '')) operator.remove();
    }
    spaceParts(math);
    for (const element of Array.from(math.getElementsByTagName('*'))) {
      if (element.namespaceURI === MATHML_NAMESPACE) spaceParts(element);
    }
  }
}

function spaceParts(element: Element): void {
  if (MATHML_TOKENS.has(element.localName)) return;
  const joined = MATHML_SCRIPTS.has(element.localName);
  const children = Array.from(element.childNodes);
  for (const child of children) {
    // Between MathML elements, text is never laid out: whitespace there only shapes the text.
    if (child.nodeType === TEXT_NODE && /^[ \t\n\r\f]*$/.test(child.nodeValue ?? '')) child.remove();
  }
  if (joined) return;
  const parts = Array.from(element.childNodes).filter((child) => child.nodeType === ELEMENT_NODE);
  for (const part of parts.slice(1)) element.insertBefore(element.ownerDocument.createTextNode(' '), part);
}

/** `<math display="block">`: laid out as a block of its own, so its text is a line of its own. */
export const isDisplayMath = (element: Element): boolean =>
  element.localName === 'math' && element.namespaceURI === MATHML_NAMESPACE && element.getAttribute('display')?.trim().toLowerCase() === 'block';

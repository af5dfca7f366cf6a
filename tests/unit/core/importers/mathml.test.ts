/**
 * Mathematics is kept as MathML Core through the sanitizer, as text a reader can search, and
 * nothing in or around it acts: no script, handler, link or HTML smuggled through MathML.
 */
import { describe, expect, it } from 'vitest';
import { parseFragment } from '../../../../electron/core/importers/dom-window';
import { normalizeReaderHtml } from '../../../../electron/core/importers/normalize-html';
import { sanitizeToElement } from '../../../../electron/core/importers/sanitize-html';

const MATHML = 'http://www.w3.org/1998/Math/MathML';

/** Sanitized and normalized as every importer does, parsed again as the reader parses it. */
function read(dirty: string): { html: string; text: string; root: HTMLElement } {
  const { html, text } = normalizeReaderHtml(sanitizeToElement(dirty));
  const root = parseFragment(html);
  expect(root.textContent).toBe(text);
  return { html, text, root };
}

const mathElements = (root: Element): Element[] => Array.from(root.querySelectorAll('*')).filter((element) => element.namespaceURI === MATHML);

describe('MathML through the sanitizer', () => {
  it('keeps a formula as MathML, with its structure and presentation attributes', () => {
    const { root, text } = read(
      '<p>Roots: <math display="block"><mi>x</mi><mo>=</mo><mfrac linethickness="1px"><mrow><mo>−</mo><mi>b</mi><mo>±</mo>' +
        '<msqrt><msup><mi>b</mi><mn>2</mn></msup><mo>−</mo><mn>4</mn><mi>a</mi><mi>c</mi></msqrt></mrow><mrow><mn>2</mn><mi>a</mi></mrow></mfrac></math></p>',
    );
    const math = root.querySelector('math')!;
    expect(math.namespaceURI).toBe(MATHML);
    expect(math.getAttribute('display')).toBe('block');
    expect(root.querySelector('mfrac')?.getAttribute('linethickness')).toBe('1px');
    expect(mathElements(root).map((element) => element.localName)).toContain('msqrt');
    // A displayed formula is a line of its own; the parts of a formula are words, a base and its script one.
    expect(text).toBe('Roots:\nx = − b ± b2 − 4 a c 2 a');
  });

  it('keeps tables, prescripts and semantics, and reads inline formulas as words of the sentence', () => {
    const { root, text } = read(
      '<p>Let <math><semantics><mrow><mi>A</mi><mo>=</mo><mrow><mo>(</mo><mtable><mtr><mtd><mn>1</mn></mtd><mtd><mn>0</mn></mtd></mtr>' +
        '<mtr><mtd><mn>0</mn></mtd><mtd><mn>1</mn></mtd></mtr></mtable><mo>)</mo></mrow></mrow><annotation encoding="application/x-tex">A = I</annotation></semantics></math>' +
        ' and <math><mmultiscripts><mi>C</mi><mprescripts/><mn>14</mn><none/></mmultiscripts></math>.</p>',
    );
    expect(mathElements(root).map((element) => element.localName)).toEqual(expect.arrayContaining(['semantics', 'mtable', 'mtr', 'mtd', 'mprescripts', 'none']));
    // The TeX annotation is never shown by the reader, so it is not part of the text either.
    expect(root.querySelector('annotation')).toBeNull();
    expect(text).toBe('Let A = ( 1 0 0 1 ) and C14.');
  });

  it('writes styled letters as the Unicode letters Chromium draws (it ignores mathvariant)', () => {
    const { root, text } = read(
      '<p><math><mi mathvariant="double-struck">R</mi><mo>,</mo><mi mathvariant="bold">v</mi><mo>,</mo><mstyle mathvariant="fraktur"><mi>g</mi><mi>H</mi></mstyle><mo>,</mo><mi mathvariant="normal">d</mi></math></p>',
    );
    expect(text).toBe('ℝ , 𝐯 , 𝔤 ℌ , d');
    expect(Array.from(root.querySelectorAll('[mathvariant]'), (element) => element.getAttribute('mathvariant'))).toEqual(['normal']);
  });

  it('drops colours and styles, which would vanish on the dark theme or restyle the app', () => {
    const { root } = read('<math><mstyle mathcolor="white" mathbackground="white" style="font-size:90px" class="x"><mi>y</mi></mstyle></math>');
    const style = root.querySelector('mstyle')!;
    expect(style.getAttributeNames()).toEqual([]);
    expect(style.textContent).toBe('y');
  });

  it.each([
    ['a script inside mtext', '<math><mtext><script>alert(1)</script>t</mtext></math>'],
    ['a link on math', '<math href="javascript:alert(1)"><mi>click</mi></math>'],
    ['an xlink on a token', '<math><mi xlink:href="javascript:alert(1)">mi</mi></math>'],
    ['an action', '<math><maction actiontype="statusline"><mi>x</mi><mtext>shown in the status line</mtext></maction></math>'],
    ['HTML in annotation-xml', '<math><semantics><mi>x</mi><annotation-xml encoding="text/html"><img src=x onerror="alert(1)"></annotation-xml></semantics></math>'],
    ['a handler on a token', '<math><mi onclick="alert(1)" onmouseover="alert(1)">x</mi></math>'],
    ['an mglyph image', '<math><mi><mglyph src="https://evil.example/x.png"/></mi></math>'],
    ['mutation through mglyph and style', '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=x onerror=alert(1)&gt;">'],
    ['form and math mutation', '<form><math><mtext></form><form><mglyph><style></math><img src=x onerror="alert(1)">'],
    ['math in svg foreignObject', '<svg><foreignObject><math><mi onfocus="alert(1)" tabindex="1" autofocus>x</mi></math></foreignObject></svg>'],
    ['an HTML link inside mtext', '<math><mtext><a href="javascript:alert(1)">link</a></mtext></math>'],
  ])('lets nothing act through MathML: %s', (_, payload) => {
    const { root, html } = read(payload);
    expect(root.querySelector('script, img, style, annotation-xml, maction, mglyph, form, svg, foreignObject')).toBeNull();
    for (const element of Array.from(root.querySelectorAll('*'))) {
      for (const name of element.getAttributeNames()) {
        expect(name, `${element.localName}[${name}] in ${html}`).not.toMatch(/^on|href|src|style|tabindex|autofocus/i);
      }
    }
    expect(html).not.toMatch(/javascript:|onerror|onclick/i);
  });
});

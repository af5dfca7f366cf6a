/**
 * Web pages written with MathJax or KaTeX: their formulas arrive as MathML, read with no script,
 * in both DOMs a page can be read in, and their text is searchable as words.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFragment } from '../../../../electron/core/importers/dom-window';
import { importHtml } from '../../../../electron/core/importers/html-importer';
import type { ImportedDocument } from '../../../../electron/core/importers/imported-document';
import { PAGE_DOM_ENGINES, type PageDomEngine } from '../../../../electron/core/importers/page-dom';

const MATHML = 'http://www.w3.org/1998/Math/MathML';
const FIXTURES = path.resolve('tests/fixtures/math');

function importPage(name: string, engine: PageDomEngine): ImportedDocument {
  const file = path.join(FIXTURES, name);
  return importHtml(name, readFileSync(file), pathToFileURL(file).href, { pageDom: engine });
}

/** The reader's view of the stored HTML: its formulas, as MathML elements, and their text. */
function formulas(document: ImportedDocument): { display: boolean; text: string }[] {
  const root = parseFragment(document.html);
  expect(root.textContent).toBe(document.text);
  return Array.from(root.querySelectorAll('math')).map((math) => {
    expect(math.namespaceURI).toBe(MATHML);
    // KaTeX writes `\,` as a thin space inside an <mtext>: shown, so kept; any space reads as one here.
    return { display: math.getAttribute('display') === 'block', text: (math.textContent ?? '').replace(/\s+/g, ' ') };
  });
}

describe.each(PAGE_DOM_ENGINES)('mathematics in web pages (read in %s)', (engine) => {
  it('a MathJax 2 page saved from a browser: each TeX source becomes MathML, the rendering goes', () => {
    const document = importPage('mathjax2-saved-page.html', engine);
    expect(formulas(document)).toEqual([
      { display: false, text: 'a ≠ 0' },
      { display: false, text: 'a x2 + b x + c = 0' },
      { display: true, text: 'x = − b ± b2 − 4 a c 2 a .' },
      { display: false, text: 'b2 − 4 a c' },
    ]);
    expect(document.text).toContain('When a ≠ 0, there are two solutions to a x2 + b x + c = 0 and they are');
    // Nothing of MathJax's own HTML rendering (a second copy of every formula) is left.
    expect(document.text).not.toContain('b2−4ac');
    expect(document.html).not.toMatch(/MathJax|<script|<nobr/i);
  });

  it('a KaTeX page: its MathML stays, its HTML twin goes, displayed formulas stay displayed', () => {
    const document = importPage('katex-page.html', engine);
    const found = formulas(document);
    expect(found).toHaveLength(6);
    expect(found.filter((formula) => formula.display)).toHaveLength(2);
    expect(found[0]!.text).toBe('e− x2');
    expect(found[3]!.text).toBe('∫− ∞∞ e− x2 d x = π');
    expect(document.text).toContain('Taking the square root, since I > 0, gives the result we were after:');
    expect(document.html).not.toContain('annotation');
  });

  it('a page that loads MathJax with its TeX still in the text: delimited TeX becomes MathML, prices and code stay', () => {
    const document = importPage('mathjax3-tex-source.html', engine);
    expect(formulas(document).map((formula) => formula.text)).toEqual([
      'ei π + 1 = 0',
      'θ',
      'ei θ = cos θ + i sin θ',
      'θ = π',
      'cos π = − 1',
      'sin π = 0',
    ]);
    expect(formulas(document)[2]!.display).toBe(true);
    expect(document.text).toContain('costs about $30 and a good one about $60; in code you would write exp(1j*pi) + 1, and a shell prompt shows $HOME');
  });

  it('a page that does not load MathJax keeps its dollars and backslashes as they are', () => {
    const source = '<html><head><title>Prices</title></head><body><article><h1>Prices</h1><p>Tea costs $3 and coffee $4 here; \\(not math\\) in a plain page, and $$ signs too, which are only words in this long enough paragraph.</p></article></body></html>';
    const document = importHtml('prices.html', new TextEncoder().encode(source), 'file:///tmp/prices.html', { pageDom: engine });
    expect(parseFragment(document.html).querySelector('math')).toBeNull();
    expect(document.text).toContain('Tea costs $3 and coffee $4 here; \\(not math\\) in a plain page, and $$ signs too');
  });
});

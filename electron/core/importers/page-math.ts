/**
 * Mathematics in a web page, as MathML before the article is found (Readability drops scripts, and
 * classes are dropped later). Pages carry formulas in a few known shapes:
 * - MathJax 2 keeps each formula's source in `<script type="math/tex">` (`; mode=display` for a
 *   displayed one) or `math/mml`, next to its rendering (`.MathJax`, `.MathJax_Preview`…): the
 *   source becomes MathML, the rendering goes.
 * - MathJax 3 renders into `<mjx-container>` with the MathML in `<mjx-assistive-mml>`: the MathML stays.
 * - KaTeX renders into `.katex` with a MathML twin in `.katex-mathml`: the MathML stays, the HTML goes.
 * - A page that loads MathJax or KaTeX but was saved before it ran still has its TeX in the text,
 *   between `\(…\)`, `\[…\]` or `$$…$$` (`$…$` too when its configuration says so). Only such a
 *   page is searched for delimiters: elsewhere a `$` is money and `\(` is an escape.
 * Works in linkedom and in jsdom (page-dom.ts); runs no script of the page.
 */
import { texToMathml, type TexMacros } from './tex-to-mathml';

const TEX_SCRIPT = /^math\/tex\s*(?:;|$)/i;
const DISPLAY_MODE = /;\s*mode\s*=\s*display/i;
/** Where MathJax and KaTeX's auto-render never look for TeX. */
const NO_TEX_INSIDE = new Set(['script', 'noscript', 'style', 'textarea', 'pre', 'code', 'kbd', 'samp', 'math', 'svg', 'template', 'title']);

const hasClass = (element: Element, name: string): boolean => (element.getAttribute('class') ?? '').split(/\s+/).includes(name);
const classStartsWith = (element: Element, prefix: string): boolean =>
  (element.getAttribute('class') ?? '').split(/\s+/).some((name) => name.startsWith(prefix));

/** Turns the page's formulas into MathML, in place. */
export function pageMathToMathml(doc: Document): void {
  const scripts = Array.from(doc.getElementsByTagName('script'));
  const sources = scripts.filter((script) => TEX_SCRIPT.test(script.getAttribute('type') ?? '') || /^math\/mml/i.test(script.getAttribute('type') ?? ''));
  const macros: TexMacros = {};
  if (sources.length > 0) {
    removeMathJaxRendering(doc);
    for (const script of sources) replaceMathScript(script, macros);
  }
  for (const container of Array.from(doc.getElementsByTagName('mjx-container'))) keepMathOf(container, container.getAttribute('display') === 'true');
  for (const katex of Array.from(doc.querySelectorAll('.katex'))) {
    keepMathOf(katex, katex.parentElement !== null && hasClass(katex.parentElement, 'katex-display'));
  }
  const delimiters = declaredDelimiters(scripts);
  if (delimiters && doc.body) texInText(doc.body, delimiters, macros);
}

/** MathJax 2's rendering and its messages (the formulas come again from their sources). */
function removeMathJaxRendering(doc: Document): void {
  for (const element of Array.from(doc.querySelectorAll('[class]'))) {
    if (element.isConnected && (classStartsWith(element, 'MathJax') || classStartsWith(element, 'MJX')) && !element.querySelector('script')) {
      element.remove();
    }
  }
}

/** Markup parsed into nodes of `doc` (an inert <template> in jsdom; linkedom runs nothing either). */
function parseNodes(doc: Document, markup: string): Node[] {
  const template = doc.createElement('template');
  template.innerHTML = markup;
  const holder = (template as HTMLTemplateElement).content ?? template;
  return Array.from(holder.childNodes);
}

function replaceMathScript(script: Element, macros: TexMacros): void {
  const source = script.textContent ?? '';
  const type = script.getAttribute('type') ?? '';
  const doc = script.ownerDocument;
  if (/^math\/mml/i.test(type)) {
    script.replaceWith(...parseNodes(doc, source));
    return;
  }
  const display = DISPLAY_MODE.test(type);
  const mathml = texToMathml(source.trim(), { display, macros });
  // TeX that does not read as TeX stays as its source: still the formula's words.
  script.replaceWith(...(mathml === null ? [doc.createTextNode(source)] : parseNodes(doc, mathml)));
}

/** Replaces a rendered formula with the MathML inside it, when it has some. */
function keepMathOf(rendered: Element, display: boolean): void {
  const math = rendered.getElementsByTagName('math')[0];
  if (!math) return;
  if (display) math.setAttribute('display', 'block');
  rendered.replaceWith(math);
}

interface Delimiter {
  open: string;
  close: string;
  display: boolean;
}

const STANDARD_DELIMITERS: Delimiter[] = [
  { open: '$$', close: '$$', display: true },
  { open: '\\[', close: '\\]', display: true },
  { open: '\\(', close: '\\)', display: false },
];
const DOLLAR: Delimiter = { open: '$', close: '$', display: false };
/** `inlineMath: [['$','$'], …]` (MathJax) or `{left: "$", right: "$"…}` (KaTeX auto-render). */
const DOLLAR_CONFIGURED = /\[\s*(['"])\$\1\s*,\s*(['"])\$\2\s*\]|left\s*:\s*(['"])\$\3\s*,\s*right\s*:\s*(['"])\$\4/;

/** The delimiters of TeX in text, when the page loads MathJax or KaTeX; else null. */
function declaredDelimiters(scripts: Element[]): Delimiter[] | null {
  let declared = false;
  let dollar = false;
  for (const script of scripts) {
    const src = (script.getAttribute('src') ?? '').toLowerCase();
    const code = script.getAttribute('src') === null ? script.textContent ?? '' : '';
    if (/mathjax|katex/.test(src) || /\bMathJax\b|renderMathInElement/.test(code)) declared = true;
    if (DOLLAR_CONFIGURED.test(code)) dollar = true;
  }
  if (!declared) return null;
  return dollar ? [...STANDARD_DELIMITERS, DOLLAR] : STANDARD_DELIMITERS;
}

/** Text nodes under `root` where TeX may be written (not in code, scripts or formulas). */
function texTextNodes(root: Element): Text[] {
  const found: Text[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (data.includes('$') || data.includes('\\')) found.push(node as Text);
    } else if (node.nodeType === 1 && !NO_TEX_INSIDE.has((node as Element).localName.toLowerCase())) {
      stack.push(...Array.from(node.childNodes));
    }
  }
  return found;
}

/** The first formula in `text` from `from` on: where it starts and ends, and its TeX. */
function nextFormula(text: string, from: number, delimiters: Delimiter[]): { start: number; end: number; tex: string; display: boolean } | null {
  let best: { start: number; end: number; tex: string; display: boolean } | null = null;
  for (const delimiter of delimiters) {
    let start = text.indexOf(delimiter.open, from);
    // `\$` is a dollar sign, and a single `$` never opens on a `$$`.
    while (start !== -1 && (text[start - 1] === '\\' || (delimiter === DOLLAR && text[start + 1] === '$'))) {
      start = text.indexOf(delimiter.open, start + 2);
    }
    if (start === -1 || (best !== null && start >= best.start)) continue;
    const close = text.indexOf(delimiter.close, start + delimiter.open.length);
    if (close === -1) continue;
    const tex = text.slice(start + delimiter.open.length, close);
    if (tex.trim() === '' || (delimiter === DOLLAR && (/^\s|\s$/.test(tex) || tex.includes('\n')))) continue;
    best = { start, end: close + delimiter.close.length, tex, display: delimiter.display };
  }
  return best;
}

function texInText(root: Element, delimiters: Delimiter[], macros: TexMacros): void {
  for (const node of texTextNodes(root)) {
    const text = node.data;
    const doc = node.ownerDocument;
    const parts: Node[] = [];
    let position = 0;
    for (let formula = nextFormula(text, 0, delimiters); formula !== null; formula = nextFormula(text, formula.end, delimiters)) {
      const mathml = texToMathml(formula.tex.trim(), { display: formula.display, macros });
      if (mathml === null) continue;
      if (formula.start > position) parts.push(doc.createTextNode(text.slice(position, formula.start)));
      parts.push(...parseNodes(doc, mathml));
      position = formula.end;
    }
    if (parts.length === 0) continue;
    if (position < text.length) parts.push(doc.createTextNode(text.slice(position)));
    node.replaceWith(...parts);
  }
}

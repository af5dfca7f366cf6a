import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { type DefaultTreeAdapterMap, parseFragment, serialize } from 'parse5';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { importHtml } from '../../../../electron/core/importers/html-importer';
import { standardPageTree } from '../../../../electron/core/importers/limit-nesting';
import { linkedomDocumentOf } from '../../../../electron/core/importers/linkedom-from-tree';
import { webPages } from '../support/corpus';

type ParentNode = DefaultTreeAdapterMap['parentNode'];

/**
 * The reader HTML with every element's attributes in name order: linkedom and jsdom may list an
 * element's attributes in another order (Readability moves them between elements), which no
 * reader sees.
 */
function withSortedAttributes(html: string): string {
  const fragment = parseFragment(html);
  const stack: ParentNode[] = [fragment];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ('attrs' in node) node.attrs.sort((a, b) => a.name.localeCompare(b.name));
    for (const child of node.childNodes) if ('childNodes' in child) stack.push(child);
  }
  return serialize(fragment);
}

describe('reading a page in linkedom instead of jsdom', () => {
  describe.each(webPages().map((page) => [page.name, page] as const))('%s', (_name, page) => {
    it('finds the same article with the same metadata', () => {
      const bytes = readFileSync(page.file);
      const read = (pageDom: 'linkedom' | 'jsdom') =>
        importHtml('source.html', bytes, pathToFileURL(page.file).href, { localFiles: true, pageDom });
      const jsdom = read('jsdom');
      const linkedom = read('linkedom');
      const { html: jsdomHtml, assets: jsdomAssets, ...jsdomRest } = jsdom;
      const { html: linkedomHtml, assets: linkedomAssets, ...linkedomRest } = linkedom;
      // title, byline, site, language, direction, date, excerpt, address and the whole text
      expect(linkedomRest).toEqual(jsdomRest);
      expect(withSortedAttributes(linkedomHtml)).toBe(withSortedAttributes(jsdomHtml));
      expect(linkedomAssets.map((asset) => asset.path)).toEqual(jsdomAssets.map((asset) => asset.path));
    });
  });
});

/**
 * What linkedom's own parser makes of the page once parse5 has given it the standard's shape,
 * serialized as parsed: without scripting, so `<noscript>` holds markup and its text is escaped.
 */
const parsedFromMarkup = (html: string): Document =>
  parseHTML(serialize(standardPageTree(html), { scriptingEnabled: false })).document as unknown as Document;
const builtFromTree = (html: string): Document => linkedomDocumentOf(standardPageTree(html));

describe('linkedom’s DOM built from parse5’s tree', () => {
  it.each(webPages().map((page) => [page.name, page.file] as const))('is the DOM linkedom’s parser makes of the serialized tree: %s', (_name, file) => {
    const html = readFileSync(file, 'utf8');
    expect(builtFromTree(html).toString()).toBe(parsedFromMarkup(html).toString());
  });

  it('keeps the doctype, comments, fostered table content, SVG, MathML, templates and namespaced attributes as the parser does', () => {
    const html = `<!-- before --><!DOCTYPE html><html lang="en" dir="ltr"><head><title>A &amp; B</title></head><body>
      <table><tr><td>cell</td></tr>fostered<b>bold</table>
      <p class="one two" id="p" data-x='a "quoted" &amp; value'>text &lt;tag&gt; &nbsp; <i>it<b>mis</i>nested</b></p>
      <svg viewBox="0 0 10 10"><linearGradient id="g"/><use xlink:href="#g"/><foreignObject><p>inside</p></foreignObject></svg>
      <svg><circle r="1"/></svg><span>after svg</span>
      <math><mi>x</mi><annotation-xml encoding="text/html"><b>t</b></annotation-xml></math>
      <template><li>in a template</li></template><noscript><p>no script</p></noscript>
      <script>if (a < b && c > d) {}</script><style>p > b { color: red }</style><!-- after --></body></html>`;
    const built = builtFromTree(html);
    expect(built.toString()).toBe(parsedFromMarkup(html).toString());
    expect(built.doctype?.name).toBe('html');
    expect(built.title).toBe('A & B');
    expect(built.querySelector('tbody > tr > td')?.textContent).toBe('cell');
    expect(built.querySelector('p')?.getAttribute('data-x')).toBe('a "quoted" & value');
    expect(built.querySelector('p')?.className).toBe('one two');
    const [svg, second] = Array.from(built.querySelectorAll('svg'));
    expect(svg!.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(svg!.querySelector('use')!.getAttribute('xlink:href')).toBe('#g');
    expect((svg!.querySelector('circle, lineargradient') as unknown as { ownerSVGElement: Element }).ownerSVGElement).toBe(svg);
    expect((second!.firstElementChild as unknown as { ownerSVGElement: Element }).ownerSVGElement).toBe(second);
    expect(built.querySelector('span')?.namespaceURI).toBe('http://www.w3.org/1999/xhtml');
    expect(built.querySelector('template')?.textContent).toBe('in a template');
    expect(built.querySelector('script')?.textContent).toBe('if (a < b && c > d) {}');
  });

  it('reads a hostile element of 200,000 attributes as linkedom’s parser does, without taking their square in time', () => {
    // Set one by one, each looked up first: over a minute here, past the test's time limit.
    const html = `<!doctype html><body><p ${Array.from({ length: 200_000 }, (_, i) => `data-a${i}="${i}"`).join(' ')}>crowded</p></body>`;
    const built = builtFromTree(html);
    expect(built.toString()).toBe(parsedFromMarkup(html).toString());
    expect(built.querySelector('p')?.getAttribute('data-a199999')).toBe('199999');
    expect(built.querySelector('p')?.textContent).toBe('crowded');
  });

  it('stays text where a browser keeps text and htmlparser2 would read markup', () => {
    const built = builtFromTree('<body><iframe><b>not markup</b></iframe><xmp><i>shown as typed</i></xmp></body>');
    expect(built.querySelector('iframe')?.textContent).toBe('<b>not markup</b>');
    expect(built.querySelector('iframe b, xmp i')).toBeNull();
  });
});

describe('links in a page read in linkedom', () => {
  it('resolve against the page’s <base>, and in-page links stay in the article', () => {
    const bytes = Buffer.from(`<!doctype html><html><head><title>Links</title><base href="https://example.org/docs/"></head><body>
      <article><h1>Links</h1><p>${'A paragraph long enough to be an article, with links in it. '.repeat(6)}
      <a href="guide/intro.html">relative</a>, <a href="/top.html">rooted</a>, <a href="#part-2">in the page</a>,
      <a href="https://other.example/x">absolute</a>.</p><h2 id="part-2">Part two</h2><p>${'More text. '.repeat(20)}</p></article>
    </body></html>`);
    const { html } = importHtml('links.html', bytes, 'file:///saved/links.html', { pageDom: 'linkedom' });
    expect(html).toContain('href="https://example.org/docs/guide/intro.html"');
    expect(html).toContain('href="https://example.org/top.html"');
    expect(html).toContain('href="https://other.example/x"');
    // a fragment of the page resolves to the base's address, which is not the page's own: it leaves the article
    expect(html).toContain('href="https://example.org/docs/#part-2"');
    expect(html).toBe(importHtml('links.html', bytes, 'file:///saved/links.html', { pageDom: 'jsdom' }).html);
  });
});

/**
 * linkedom is patched (patches/linkedom+*.patch) to keep an event target's listeners only once one
 * is added, instead of a WeakMap entry for every node it creates: what listeners do must not change.
 */
describe('events on a page read in linkedom', () => {
  it('reach the listeners added, in order, bubble to the document, and stop once removed', () => {
    const { document, Event: PageEvent } = parseHTML('<!doctype html><html><body><p id="p"><b id="b">x</b></p></body></html>');
    const heard: string[] = [];
    const onP = (): void => void heard.push('p');
    document.getElementById('p')!.addEventListener('ping', onP);
    document.getElementById('p')!.addEventListener('ping', () => heard.push('p again'));
    document.addEventListener('ping', () => heard.push('document'));
    // never given a listener: removing one and dispatching to it are no errors
    document.getElementById('b')!.removeEventListener('ping', onP);
    document.getElementById('b')!.dispatchEvent(new PageEvent('ping', { bubbles: true }));
    expect(heard).toEqual(['p', 'p again', 'document']);
    document.getElementById('p')!.removeEventListener('ping', onP);
    document.getElementById('b')!.dispatchEvent(new PageEvent('ping', { bubbles: true }));
    expect(heard).toEqual(['p', 'p again', 'document', 'p again', 'document']);
  });
});

/**
 * linkedom is also patched to keep a class attribute as its string and make the `classList` only
 * when asked for: the attribute, `className`, `classList` and class selectors must still agree.
 */
describe('classes on a page read in linkedom', () => {
  it('read the same through the attribute, className, classList and selectors, whichever changed them', () => {
    const { document } = parseHTML('<!doctype html><html><body><p class="lead  note lead">x</p><p class="other">y</p></body></html>');
    const p = document.querySelector('p')!;
    // Tokens once each, single spaces, as linkedom's list always wrote them.
    expect([p.className, p.getAttribute('class')]).toEqual(['lead note', 'lead note']);
    expect(document.querySelectorAll('.note').length).toBe(1);
    p.classList.add('wide');
    expect([p.getAttribute('class'), p.className]).toEqual(['lead note wide', 'lead note wide']);
    p.setAttribute('class', 'quote aside');
    expect([p.classList.contains('quote'), p.classList.contains('lead')]).toEqual([true, false]);
    expect([...p.classList]).toEqual(['quote', 'aside']);
    p.className = 'pull';
    expect([p.classList.contains('pull'), p.outerHTML]).toEqual([true, '<p class="pull">x</p>']);
    p.classList.toggle('pull');
    expect(p.classList.contains('pull')).toBe(false);
    expect(document.querySelectorAll('.pull, .quote').length).toBe(0);
    expect(document.querySelectorAll('.other').length).toBe(1);
  });
});

/**
 * linkedom is patched as well to match a selector that lists tag names only (`p`, `h1,h2`, `*`) by
 * name instead of compiling it with css-select at every call (Readability asks such lists over
 * a hundred times a page): each must find exactly what the compiled selector finds.
 */
describe('tag names asked of a page read in linkedom', () => {
  const ids = (elements: Iterable<Element>): string[] => [...elements].map((element) => element.id || element.localName);

  it('find the same elements, in the same order, as css-select finds for the same list', () => {
    const { document } = parseHTML(
      [
        '<!doctype html><html><body>',
        '<h1 id="title">T</h1><p id="first">a <img id="photo" src="x.png"></p>',
        '<figure id="figure"><picture id="picture"><img id="inner" src="y.png"></picture></figure>',
        '<template id="template"><p id="hidden">not in the document</p></template>',
        '<svg id="drawing"><clipPath id="clip"></clipPath></svg><P id="upper">b</P>',
        '</body></html>',
      ].join(''),
    );
    const body = document.body;
    // Made as Readability makes its wrappers: linkedom keeps the name as written, and a query of
    // an HTML page still finds it in lower case.
    const made = document.createElement('DIV');
    made.id = 'made';
    body.append(made);
    const lists = ['p', 'H1, p', ' img ,picture,FIGURE ', 'template,p', 'svg,clipPath', 'clippath', '*', 'h1,*', 'article', 'div', 'DIV,p'];
    for (const list of lists) {
      expect(ids(document.querySelectorAll(list)), list).toEqual(ids(document.querySelectorAll(`:is(${list})`)));
      expect(document.querySelector(list)?.id, list).toBe(document.querySelector(`:is(${list})`)?.id);
      expect(ids(body.querySelectorAll(list)), `body: ${list}`).toEqual(ids(body.querySelectorAll(`:is(${list})`)));
    }
    // What a reader of the page expects, whichever path found it: the template's content is not in the document.
    expect(ids(document.querySelectorAll('H1, p'))).toEqual(['title', 'first', 'upper']);
    expect(ids(document.querySelectorAll('img, picture, figure'))).toEqual(['photo', 'figure', 'picture', 'inner']);
    expect(ids(document.querySelectorAll('div'))).toEqual(['made']);
    expect(ids(document.querySelectorAll('div > p, div'))).toEqual(['made']);
    // By tag name, linkedom compares the name as written and the name in upper case (an HTML
    // element's tagName), as it always has; it also looks inside a template's content.
    expect(ids(document.getElementsByTagName('p'))).toEqual(['first', 'hidden', 'upper']);
    expect(ids(document.getElementsByTagName('P'))).toEqual(['first', 'hidden', 'upper']);
    expect(ids(document.getElementsByTagName('DIV'))).toEqual(['made']);
    expect(ids(document.getElementsByTagName('Div'))).toEqual([]);
  });

  it('keep the case of names in an XML document, as css-select does', () => {
    const xml = new (parseHTML('').DOMParser)().parseFromString('<root><Item id="a"/><item id="b"/><group><Item id="c"/></group></root>', 'text/xml');
    for (const list of ['Item', 'item', 'ITEM', 'Item, group', '*']) {
      expect(ids(xml.querySelectorAll(list)), list).toEqual(ids(xml.querySelectorAll(`:is(${list})`)));
    }
    expect(ids(xml.querySelectorAll('Item'))).toEqual(['a', 'c']);
  });
});

/**
 * The DOM a web page is read in: linkedom, a light DOM over htmlparser2, where finding the article
 * (Readability) runs several times faster and in less memory than in jsdom, whose spec-complete
 * DOM costs time on every node it creates and changes. Nothing read here reaches the reader as it
 * is: the article leaves as a string, which is parsed again by the standard's parser for the
 * sanitizer (parse5 for a plain article, plain-reader-html.ts; jsdom for DOMPurify otherwise,
 * sanitize-html.ts), so the HTML the reader gets is cleaned in a browser-exact parse.
 *
 * linkedom's own parser, htmlparser2, is not the HTML standard's (no implied `<tbody>`, no table
 * fostering, a mis-nested page can come out in another shape), so the page is parsed with parse5,
 * the standard's parser inside jsdom, and linkedom's DOM is built from its tree
 * (linkedom-from-tree.ts): the shape a browser gives the page. Either DOM gets the page with its
 * nesting limited (limit-nesting.ts). What linkedom lacks for Readability, the document's address,
 * its base URL and a standard `title`, is added here.
 *
 * jsdom stays selectable (`QUIRE_PAGE_DOM=jsdom`, or the importer's `pageDom` option) so that the
 * two can be measured side by side and a test can compare what each extracts.
 */
import type { JSDOM } from 'jsdom';
import { collectAfterLargeMarkup } from './collect-garbage';
import { jsdom } from './dom-window';
import { limitPageNesting, standardPageTree } from './limit-nesting';
import { linkedomDocumentOf } from './linkedom-from-tree';

export type PageDomEngine = 'linkedom' | 'jsdom';

export const PAGE_DOM_ENGINES: readonly PageDomEngine[] = ['linkedom', 'jsdom'];

const ENGINE_ENV = 'QUIRE_PAGE_DOM';

/** linkedom unless QUIRE_PAGE_DOM names jsdom (for measuring the two side by side). */
export function pageDomEngine(): PageDomEngine {
  return process.env[ENGINE_ENV] === 'jsdom' ? 'jsdom' : 'linkedom';
}

export interface PageDom {
  document: Document;
  /** Releases the DOM (jsdom's window holds timers and listeners until closed). */
  close(): void;
}

/** What HTML calls ASCII whitespace, which `document.title` strips and collapses. */
const ASCII_WHITESPACE = /[\t\n\f\r ]+/g;

/**
 * Once a large page's DOM is dropped (`readPage` keeps only strings), a full collection before its
 * article is sanitized: the DOM of a 4 MB page is a few hundred megabytes of garbage then, which V8
 * would otherwise still hold while jsdom builds the sanitizer's trees on top (measured on the
 * largest Debian page: 525 → 372 MB resident at its peak). Only where `gc()` is exposed, as in the
 * import workers (import-host.ts); an ordinary page is left to V8, a collection per page costs more
 * time than it saves.
 */
export function releaseLargePage(bytes: Uint8Array): void {
  collectAfterLargeMarkup(bytes.length);
}

/**
 * Parses a whole page at `url` (relative links resolve against it, or against the page's `<base>`)
 * in a DOM that never runs scripts or loads anything; markup nested deeper than a browser would
 * show is flattened first (limit-nesting.ts: a DOM's time grows with the square of the depth).
 */
export function parsePage(source: string, url: string, engine: PageDomEngine = pageDomEngine()): PageDom {
  return engine === 'jsdom' ? jsdomPage(limitPageNesting(source), url) : linkedomPage(source, url);
}

// A silent console: pages are full of CSS jsdom cannot parse, which is no concern of the user.
function jsdomPage(source: string, url: string): PageDom {
  // No `runScripts` and no `resources`: jsdom then never runs a script or fetches anything.
  const { JSDOM: Dom, VirtualConsole } = jsdom();
  const dom = new Dom(source, { url, contentType: 'text/html', virtualConsole: new VirtualConsole() });
  unclobber(dom);
  return { document: dom.window.document, close: () => dom.window.close() };
}

function linkedomPage(source: string, url: string): PageDom {
  // linkedom runs no scripts and fetches nothing.
  const document = linkedomDocumentOf(standardPageTree(source));
  const documentUrl = new URL(url).href;
  Object.defineProperties(document, {
    // linkedom gives the raw `href` of the first <base>, and no document address at all.
    documentURI: { value: documentUrl },
    URL: { value: documentUrl },
    baseURI: { get: () => baseUrlOf(document, documentUrl) },
    // The standard's title (the first <title> anywhere, whitespace collapsed), not linkedom's.
    title: { get: () => (document.getElementsByTagName('title')[0]?.textContent ?? '').replace(ASCII_WHITESPACE, ' ').trim() },
  });
  return { document, close: () => undefined };
}

/** The document's base URL: its first `<base href>` resolved against its address, else the address. */
function baseUrlOf(document: Document, documentUrl: string): string {
  const href = document.querySelector('base[href]')?.getAttribute('href');
  if (href === null || href === undefined) return documentUrl;
  try {
    return new URL(href, documentUrl).href;
  } catch {
    return documentUrl;
  }
}

/**
 * Makes every link under `root` absolute, as a browser's `a.href` gives it (the attribute as
 * written when it does not parse as a URL): serializing keeps links as written, and Readability
 * resolves only those of its article. Not `a.href`, which linkedom leaves relative.
 */
export function resolveLinks(root: Element): void {
  const base = root.ownerDocument.baseURI; // once: the page's base cannot change meanwhile
  for (const link of Array.from(root.querySelectorAll('a[href]'))) {
    const href = link.getAttribute('href') ?? '';
    try {
      link.setAttribute('href', new URL(href, base).href);
    } catch {
      // not a URL: kept as written (the sanitizer drops it)
    }
  }
}

/**
 * DOM clobbering (jsdom only: linkedom gives elements no named properties): HTML makes an `<img>`,
 * `<form>`, `<embed>`, `<object>` or `<iframe>` with a `name` (an `<img>`/`<object>` with an `id`
 * too) a property of `document`, and a form's controls properties of the form, so a page with
 * `<img name="querySelector">` replaces `document.querySelector` and the importer (and Readability)
 * would throw. Names and ids that shadow a property are removed before anything reads the page
 * (they are never shown). The search and the attribute calls go through the prototypes, which a
 * clobbered object cannot shadow.
 */
const CLOBBERS_DOCUMENT = 'embed[name], form[name], iframe[name], img[name], object[name], img[id], object[id]';
const CLOBBERS_FORM = 'form :is(button, fieldset, input, object, output, select, textarea, img)[name], form :is(button, fieldset, input, object, output, select, textarea, img)[id]';

function unclobber(dom: JSDOM): void {
  const { Document, Element, HTMLFormElement } = dom.window;
  const doc = dom.window.document;
  const strip = (selector: string, shadowed: object): void => {
    for (const element of Array.from(Document.prototype.querySelectorAll.call(doc, selector))) {
      for (const attribute of ['name', 'id']) {
        const value = Element.prototype.getAttribute.call(element, attribute);
        if (value !== null && Reflect.has(shadowed, value)) Element.prototype.removeAttribute.call(element, attribute);
      }
    }
  };
  strip(CLOBBERS_DOCUMENT, Document.prototype);
  strip(CLOBBERS_FORM, HTMLFormElement.prototype);
}

/**
 * Imported HTML is untrusted (docs/design.md §5). DOMPurify removes scripts, event handlers and
 * dangerous URLs; on top of that Quire keeps only what a reader view needs: no forms, frames,
 * embedded objects, media, styles or classes (a page's class names could match the app's own CSS).
 * Mathematics is kept as MathML Core, through an allow-list of its own (mathml.ts).
 */
import createDOMPurify from 'dompurify';
import { domWindow } from './dom-window';
import { limitFragmentNesting } from './limit-nesting';
import { serializeChildren } from './plain-html-serializer';
import { plainReaderElement } from './plain-reader-html';
import { MATHML_ATTRIBUTES, MATHML_NAMESPACE, MATHML_ONLY_ATTRIBUTES } from './mathml';
import { IMAGE_ALT_CLASS, LINK_REL, parseUrl, safeHref, SANITIZER_CONFIG, TAG_LIKE } from './sanitize-rules';

let purifier: ReturnType<typeof createDOMPurify> | undefined;

function purify(): ReturnType<typeof createDOMPurify> {
  if (purifier) return purifier;
  purifier = createDOMPurify(domWindow() as unknown as Parameters<typeof createDOMPurify>[0]);
  // Attributes are allowed per namespace: a MathML element keeps only MathML's presentation
  // attributes (so never `href`, which makes any MathML element a link), an HTML element never
  // MathML's own.
  purifier.addHook('uponSanitizeAttribute', (node, data) => {
    const name = data.attrName.toLowerCase();
    const isMath = (node as Element).namespaceURI === MATHML_NAMESPACE;
    if (isMath ? !MATHML_ATTRIBUTES.has(name) : MATHML_ONLY_ATTRIBUTES.has(name)) data.keepAttr = false;
  });
  return purifier;
}

/**
 * Images are never fetched (Quire stays offline): an image survives only when the importer stored
 * it among the article's assets; any other becomes its alt text, marked so the reader can style it.
 */
function replaceImagesWithAltText(root: HTMLElement, keepImage: (src: string) => string | null): void {
  const doc = root.ownerDocument;
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const kept = keepImage((img.getAttribute('src') ?? '').trim());
    if (kept !== null) {
      img.setAttribute('src', kept);
      continue;
    }
    const alt = (img.getAttribute('alt') ?? '').trim();
    if (alt === '') {
      img.remove();
      continue;
    }
    const span = doc.createElement('span');
    span.className = IMAGE_ALT_CLASS;
    span.textContent = altText(alt, doc);
    img.replaceWith(span);
  }
}

/**
 * Some sites write markup inside alt text (`Story Of <em>Metroid</em>`, meant to be rendered):
 * kept as it is, its tags became words of the article, its snippets and its search matches.
 * Such an alt is read as HTML (in an inert template) and only its text is kept.
 */
function altText(alt: string, doc: Document): string {
  if (!TAG_LIKE.test(alt)) return alt;
  const template = doc.createElement('template');
  template.innerHTML = alt;
  return (template.content.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function fixLinks(root: HTMLElement, pageUrl: URL | null): void {
  for (const link of Array.from(root.querySelectorAll('a'))) {
    const href = link.getAttribute('href');
    const safe = href === null ? null : safeHref(href, pageUrl);
    if (safe === null) {
      link.removeAttribute('href');
      link.removeAttribute('rel');
      continue;
    }
    link.setAttribute('href', safe);
    if (!safe.startsWith('#')) link.setAttribute('rel', LINK_REL);
  }
}

/**
 * Sanitizes untrusted HTML into a detached container element of the shared window.
 * @param pageUrl the page's own address, to keep links to its own fragments inside the article
 * @param keepImage the `assets/<name>` path an image is stored at (the importer stores it), or null
 * to show its alt text instead
 */
export function sanitizeToElement(
  dirtyHtml: string,
  { pageUrl, keepImage = () => null }: { pageUrl?: string | null; keepImage?: (src: string) => string | null } = {},
): HTMLElement {
  // A fragment rather than a string: saves serializing and parsing again (jsdom parses slowly).
  // Markup nested past the limit is flattened first: DOMPurify's jsdom parse would take minutes.
  const clean = purify().sanitize(limitFragmentNesting(dirtyHtml), { ...SANITIZER_CONFIG, RETURN_DOM_FRAGMENT: true });
  const root = domWindow().document.createElement('div');
  root.append(clean);
  // Content the page itself hides is not part of what a reader sees.
  for (const hidden of Array.from(root.querySelectorAll('[hidden]'))) hidden.remove();
  replaceImagesWithAltText(root, keepImage);
  fixLinks(root, parseUrl(pageUrl));
  return root;
}

/** Sanitized HTML in a detached element, and how that element's DOM writes its children as the standard does. */
export interface SanitizedRoot {
  root: HTMLElement;
  innerHtml: (root: Element) => string;
}

/**
 * Untrusted HTML sanitized into a detached element: in linkedom without jsdom when it is plain
 * reader HTML (plain-reader-html.ts), by DOMPurify over jsdom otherwise (`sanitizeToElement`).
 * @param plainPath false only to compare the two paths
 */
export function sanitizeToRoot(
  dirtyHtml: string,
  options: { pageUrl?: string | null; keepImage?: (src: string) => string | null } = {},
  { plainPath = true }: { plainPath?: boolean } = {},
): SanitizedRoot {
  const plain = plainPath ? plainReaderElement(dirtyHtml, options) : null;
  if (plain) return { root: plain as HTMLElement, innerHtml: serializeChildren };
  return { root: sanitizeToElement(dirtyHtml, options), innerHtml: (root) => root.innerHTML };
}

/**
 * Imported HTML is untrusted (docs/design.md §5). DOMPurify removes scripts, event handlers and
 * dangerous URLs; on top of that Quire keeps only what a reader view needs: no forms, frames,
 * embedded objects, media, styles or classes (a page's class names could match the app's own CSS).
 * Mathematics is kept as MathML Core, through an allow-list of its own (mathml.ts).
 */
import createDOMPurify, { type Config } from 'dompurify';
import { domWindow } from './dom-window';
import { limitFragmentNesting } from './limit-nesting';
import { MATHML_ATTRIBUTES, MATHML_DROPPED_WITH_CONTENT, MATHML_ELEMENTS, MATHML_NAMESPACE, MATHML_ONLY_ATTRIBUTES } from './mathml';

export const FORBIDDEN_TAGS = [
  'style', 'link', 'meta', 'base', 'title', 'script', 'noscript', 'template',
  'form', 'input', 'button', 'select', 'option', 'optgroup', 'datalist', 'textarea', 'output', 'label',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'portal',
  'audio', 'video', 'source', 'track', 'picture', 'canvas', 'map', 'area', 'dialog', 'slot',
  'svg', 'maction', 'menclose', 'mfenced', 'mlabeledtr', ...MATHML_DROPPED_WITH_CONTENT,
  // Moving text is no way to read; its words stay.
  'marquee',
];
/** Removed together with their content: what is inside is UI or fallback, never article text. */
export const FORBIDDEN_CONTENTS = [
  'button', 'select', 'option', 'datalist', 'textarea', 'output', 'object', 'embed', 'applet',
  'canvas', 'audio', 'video', 'picture', 'map', 'dialog', 'frameset', ...MATHML_DROPPED_WITH_CONTENT,
];
export const FORBIDDEN_ATTRIBUTES = [
  'style', 'class', 'srcset', 'sizes', 'loading', 'decoding', 'tabindex', 'contenteditable',
  'autofocus', 'draggable', 'accesskey', 'target', 'ping', 'download', 'form', 'formaction',
  'background', 'poster', 'usemap',
  // A popover is hidden until something opens it, then drawn over the whole app (the top layer):
  // its words would be in text.txt but not on the page, and an invoker that ever got through
  // could lay a page's own UI over Quire's. Invokers are dropped too.
  'popover', 'popovertarget', 'popovertargetaction', 'commandfor', 'command', 'interestfor',
];

const CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: FORBIDDEN_TAGS,
  ADD_FORBID_CONTENTS: FORBIDDEN_CONTENTS,
  FORBID_ATTR: FORBIDDEN_ATTRIBUTES,
  // DOMPurify's own namespace checks still apply: a MathML element only inside <math>, HTML inside
  // MathML only where the HTML parser would put it (token elements), never through annotation-xml.
  ADD_TAGS: [...MATHML_ELEMENTS],
  ADD_ATTR: [...MATHML_ATTRIBUTES],
  ALLOW_DATA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  WHOLE_DOCUMENT: false,
};

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

const withoutHash = (url: URL): string => url.href.slice(0, url.href.length - url.hash.length);

/**
 * Link targets the reader can follow: http(s) and mailto open outside; `#…` (also when spelled as
 * the page's own address plus a fragment) stays inside the article; anything else is dropped.
 */
function safeHref(href: string, pageUrl: URL | null): string | null {
  const trimmed = href.trim();
  if (trimmed.startsWith('#')) return trimmed;
  try {
    const url = new URL(trimmed);
    if (pageUrl && url.hash && withoutHash(url) === withoutHash(pageUrl)) return url.hash;
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null; // relative to a page we do not have: nothing sensible to open
  }
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
    span.className = 'quire-image-alt';
    span.textContent = altText(alt, doc);
    img.replaceWith(span);
  }
}

const TAG_LIKE = /<\/?[a-z][^>]*>/i;

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
    if (!safe.startsWith('#')) link.setAttribute('rel', 'noopener noreferrer');
  }
}

const parseUrl = (url: string | null | undefined): URL | null => {
  try {
    return url ? new URL(url) : null;
  } catch {
    return null;
  }
};

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
  const clean = purify().sanitize(limitFragmentNesting(dirtyHtml), { ...CONFIG, RETURN_DOM_FRAGMENT: true });
  const root = domWindow().document.createElement('div');
  root.append(clean);
  // Content the page itself hides is not part of what a reader sees.
  for (const hidden of Array.from(root.querySelectorAll('[hidden]'))) hidden.remove();
  replaceImagesWithAltText(root, keepImage);
  fixLinks(root, parseUrl(pageUrl));
  return root;
}

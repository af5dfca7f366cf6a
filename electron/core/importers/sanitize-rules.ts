/**
 * The sanitizer's rules, apart from any DOM (sanitize-html.ts applies them with DOMPurify over
 * jsdom, plain-reader-html.ts to plain articles without jsdom): what DOMPurify is told to remove,
 * which links the reader can follow, how an image that is not kept is marked.
 */
import type { Config } from 'dompurify';
import { MATHML_ATTRIBUTES, MATHML_DROPPED_WITH_CONTENT, MATHML_ELEMENTS } from './mathml';

/** The class of the `<span>` that stands for an image not kept (its alt text), styled by the reader. */
export const IMAGE_ALT_CLASS = 'quire-image-alt';

/** The `rel` the sanitizer gives every link that leaves the article. */
export const LINK_REL = 'noopener noreferrer';

export const FORBIDDEN_TAGS = [
  'style', 'link', 'meta', 'base', 'title', 'script', 'noscript', 'template',
  'form', 'input', 'button', 'select', 'option', 'optgroup', 'datalist', 'textarea', 'output', 'label',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'portal',
  'audio', 'video', 'source', 'track', 'picture', 'canvas', 'map', 'area', 'dialog', 'slot',
  'svg', 'maction', 'menclose', 'mfenced', 'mlabeledtr', ...MATHML_DROPPED_WITH_CONTENT,
  // Moving text is no way to read; its words stay.
  'marquee',
];
/**
 * Removed together with their content: what is inside is UI or fallback, never article text. The
 * last two lines are what DOMPurify removes so of itself (its default FORBID_CONTENTS, less MathML,
 * which the configuration allows, and `<colgroup>` and `<thead>`, which it keeps): named here as
 * well, because the path without jsdom (plain-reader-html.ts) removes what this list says, and
 * must remove what DOMPurify does.
 */
export const FORBIDDEN_CONTENTS = [
  'button', 'select', 'option', 'datalist', 'textarea', 'output', 'object', 'embed', 'applet',
  'canvas', 'audio', 'video', 'picture', 'map', 'dialog', 'frameset', ...MATHML_DROPPED_WITH_CONTENT,
  'iframe', 'script', 'style', 'noscript', 'template', 'title', 'svg', 'noembed', 'noframes', 'xmp', 'plaintext', 'head',
  'desc', 'foreignobject', 'selectedcontent',
];
/**
 * DOMPurify's own allow-list of HTML elements (its `html` profile, which the configuration uses),
 * copied here for the path without jsdom: an element in the HTML namespace that is neither on it
 * nor one of the MathML elements added to it, a custom element or one no standard knows
 * (`<x-share-bar>`, Node's API pages' `<string>`), is removed by DOMPurify with its content left in
 * its place. A unit test holds this copy to what DOMPurify over jsdom does with each element.
 */
export const DOMPURIFY_HTML_ELEMENTS: readonly string[] = [
  'a', 'abbr', 'acronym', 'address', 'area', 'article', 'aside', 'audio', 'b', 'bdi', 'bdo', 'big', 'blink', 'blockquote',
  'body', 'br', 'button', 'canvas', 'caption', 'center', 'cite', 'code', 'col', 'colgroup', 'content', 'data', 'datalist',
  'dd', 'decorator', 'del', 'details', 'dfn', 'dialog', 'dir', 'div', 'dl', 'dt', 'element', 'em', 'fieldset', 'figcaption',
  'figure', 'font', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hgroup', 'hr', 'html', 'i',
  'img', 'input', 'ins', 'kbd', 'label', 'legend', 'li', 'main', 'map', 'mark', 'marquee', 'menu', 'menuitem', 'meter',
  'nav', 'nobr', 'ol', 'optgroup', 'option', 'output', 'p', 'picture', 'pre', 'progress', 'q', 'rp', 'rt', 'ruby', 's',
  'samp', 'search', 'section', 'select', 'shadow', 'slot', 'small', 'source', 'spacer', 'span', 'strike', 'strong',
  'style', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'template', 'textarea', 'tfoot', 'th', 'thead', 'time', 'tr',
  'track', 'tt', 'u', 'ul', 'var', 'video', 'wbr',
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

export const SANITIZER_CONFIG: Config = {
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

const withoutHash = (url: URL): string => url.href.slice(0, url.href.length - url.hash.length);

/**
 * Link targets the reader can follow: http(s) and mailto open outside; `#…` (also when spelled as
 * the page's own address plus a fragment) stays inside the article; anything else is dropped.
 */
export function safeHref(href: string, pageUrl: URL | null): string | null {
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

/** Alt text that holds markup (`Story Of <em>Metroid</em>`): read as HTML for its text. */
export const TAG_LIKE = /<\/?[a-z][^>]*>/i;

export const parseUrl = (url: string | null | undefined): URL | null => {
  try {
    return url ? new URL(url) : null;
  } catch {
    return null;
  }
};

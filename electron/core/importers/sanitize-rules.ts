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
 * second line is what DOMPurify removes so of itself (its default FORBID_CONTENTS, less MathML,
 * which the configuration allows): named here as well, because the path without jsdom
 * (plain-reader-html.ts) removes what this list says, and must remove what DOMPurify does.
 */
export const FORBIDDEN_CONTENTS = [
  'button', 'select', 'option', 'datalist', 'textarea', 'output', 'object', 'embed', 'applet',
  'canvas', 'audio', 'video', 'picture', 'map', 'dialog', 'frameset', ...MATHML_DROPPED_WITH_CONTENT,
  'iframe', 'script', 'style', 'noscript', 'template', 'title', 'svg', 'noembed', 'noframes', 'xmp', 'plaintext', 'head',
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

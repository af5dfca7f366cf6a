/**
 * A fixed-layout page made ready to draw: its markup in the page's own stand-ins for `html` and
 * `body`, its pictures and its CSS's `url()`s pointed at the article's files. The importer
 * sanitized both; the pages file is a file of the library, which anything may have written, so
 * what could act is removed once more here (the page's Content-Security-Policy would refuse it
 * anyway: no inline script, no foreign picture).
 */
import type { FixedPage } from '../../../electron/shared/fixed-layout';

const ASSET = /^assets\/[A-Za-z0-9][A-Za-z0-9_-]{0,100}\.[A-Za-z0-9]{1,10}$/;
const ACTIVE_ELEMENTS = 'script, style, link, meta, base, iframe, frame, frameset, object, embed, applet, form, input, button, textarea, select, template, svg, audio, video, source, track, portal, dialog, slot, noscript';
const ACTIVE_ATTRIBUTE = /^(?:on|formaction$|action$|href$|xlink:href$|srcset$|style$|popover|ping$|src$)/i;

/** The page's content: `<epub-html><epub-body>…</epub-body></epub-html>`, inert until attached. */
export function pageContent(page: FixedPage, assetUrl: (path: string) => string, doc: Document = document): DocumentFragment {
  const template = doc.createElement('template');
  template.innerHTML = page.html;
  for (const element of Array.from(template.content.querySelectorAll(ACTIVE_ELEMENTS))) element.remove();
  for (const element of Array.from(template.content.querySelectorAll('*'))) {
    const src = element.localName === 'img' ? element.getAttribute('src') : null;
    for (const attribute of Array.from(element.attributes)) if (ACTIVE_ATTRIBUTE.test(attribute.name)) element.removeAttribute(attribute.name);
    if (src !== null && ASSET.test(src)) element.setAttribute('src', assetUrl(src));
  }
  const root = doc.createElement('epub-html');
  const body = doc.createElement('epub-body');
  if (page.rootClass) root.setAttribute('class', page.rootClass);
  if (page.bodyClass) body.setAttribute('class', page.bodyClass);
  body.append(template.content);
  root.append(body);
  const fragment = doc.createDocumentFragment();
  fragment.append(root);
  return fragment;
}

const URL_FUNCTION = /url\(\s*(['"]?)([^'")]*)\1\s*\)/gi;

/** The page's CSS with its pictures at the article's addresses; any other `url()` loads nothing. */
export const pageCss = (css: string, assetUrl: (path: string) => string): string =>
  css.replace(URL_FUNCTION, (_whole, _quote: string, url: string) => (ASSET.test(url.trim()) ? `url("${assetUrl(url.trim())}")` : 'none'));

/** What every page starts from: the app's inherited styles stop at the page, which is white paper. */
export const PAGE_BASE_CSS = `
:host { all: initial; display: block; position: relative; overflow: hidden; contain: strict; background: #fff; color: #000; }
epub-html, epub-body { display: block; position: relative; inline-size: 100%; block-size: 100%; margin: 0; }
img { max-inline-size: none; }
`;

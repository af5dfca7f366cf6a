/**
 * Article HTML refers to its own images with paths relative to the article's folder; the reader
 * shows it from elsewhere, so those paths are pointed at the content route of the host.
 * Each text block gets `dir="auto"`, so a line in another script than the article lays out its
 * own way. The HTML was sanitized at import; parsing it in an inert <template> fetches and runs
 * nothing. Elements of a page's head are dropped once more here, should stored HTML hold any: a
 * `<meta http-equiv="refresh">` acts even inside the body, and would move the tab.
 */
import { assetUrl } from '../api/api-client';
import { markBlockDirections } from './text-direction';

const ABSOLUTE_OR_SPECIAL = /^(?:[a-z][a-z0-9+.-]*:|\/|#)/i;
const HEAD_ELEMENTS = 'meta, base, link';

export function prepareArticleHtml(html: string, articleId: string): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  let changed = markBlockDirections(template.content);
  for (const element of Array.from(template.content.querySelectorAll(HEAD_ELEMENTS))) {
    element.remove();
    changed = true;
  }
  for (const image of Array.from(template.content.querySelectorAll('img[src]'))) {
    const src = image.getAttribute('src') ?? '';
    if (ABSOLUTE_OR_SPECIAL.test(src)) continue;
    image.setAttribute('src', assetUrl(articleId, src));
    image.removeAttribute('srcset');
    changed = true;
  }
  return changed ? template.innerHTML : html;
}

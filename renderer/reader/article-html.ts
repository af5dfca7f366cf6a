/**
 * Article HTML refers to its own images with paths relative to the article's folder; the reader
 * shows it from elsewhere, so those paths are pointed at the content route of the host.
 * The HTML was sanitized at import; parsing it in an inert <template> fetches and runs nothing.
 */
import { assetUrl } from '../api/api-client';

const ABSOLUTE_OR_SPECIAL = /^(?:[a-z][a-z0-9+.-]*:|\/|#)/i;

export function prepareArticleHtml(html: string, articleId: string): string {
  if (!/<img\b/i.test(html)) return html;
  const template = document.createElement('template');
  template.innerHTML = html;
  let changed = false;
  for (const image of Array.from(template.content.querySelectorAll('img[src]'))) {
    const src = image.getAttribute('src') ?? '';
    if (ABSOLUTE_OR_SPECIAL.test(src)) continue;
    image.setAttribute('src', assetUrl(articleId, src));
    image.removeAttribute('srcset');
    changed = true;
  }
  return changed ? template.innerHTML : html;
}

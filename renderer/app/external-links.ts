/**
 * Links inside article HTML and notes must never navigate the app itself. In-page anchors
 * scroll; http(s) links open outside (Electron's main process sends window.open to the system
 * browser after validating the URL; in browser mode it is a new tab); anything else is ignored.
 */
import type { MouseEvent } from 'react';

export function handleContentLinkClick(event: MouseEvent<HTMLElement>): void {
  const target = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!target || !event.currentTarget.contains(target)) return;
  event.preventDefault();
  const href = target.getAttribute('href') ?? '';
  if (href.startsWith('#')) {
    const id = decodeURIComponent(href.slice(1));
    const anchor = id ? event.currentTarget.querySelector(`[id="${id.replace(/["\\]/g, '\\$&')}"], a[name="${id.replace(/["\\]/g, '\\$&')}"]`) : null;
    anchor?.scrollIntoView?.({ block: 'start' });
    // Keyboard and screen reader users follow the footnote too, not only the scroll position.
    if (anchor instanceof HTMLElement) {
      if (!anchor.hasAttribute('tabindex')) anchor.tabIndex = -1;
      anchor.focus({ preventScroll: true });
    }
    return;
  }
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') window.open(url.href, '_blank', 'noopener,noreferrer');
}

/**
 * The book's table of contents: the `toc` nav of an EPUB 3 navigation document, or the navMap of
 * an EPUB 2 NCX. Each entry names a file of the book and, often, an element in it.
 */
import { cleanLine } from '../imported-document';
import { resolveHref } from './package-document';
import { elementsNamed, firstNamed, parseXml } from './xml';

export interface TocLink {
  label: string;
  /** archive path of the file it opens */
  path: string;
  /** id of the element it opens at, if any */
  fragment: string | null;
  /** 1 for top-level entries */
  depth: number;
}

const EPUB_NS = 'http://www.idpf.org/2007/ops';

export function navTableOfContents(navPath: string, xhtml: string): TocLink[] {
  const doc = parseXml(xhtml, 'application/xhtml+xml');
  if (!doc) return [];
  const navs = elementsNamed(doc, 'nav');
  const toc =
    navs.find((nav) => (nav.getAttributeNS(EPUB_NS, 'type') ?? nav.getAttribute('epub:type') ?? '').split(/\s+/).includes('toc')) ??
    navs[0];
  const list = toc ? Array.from(toc.children).find((child) => child.localName === 'ol') : undefined;
  const links: TocLink[] = [];
  const walk = (ol: Element, depth: number): void => {
    for (const li of Array.from(ol.children).filter((child) => child.localName === 'li')) {
      const anchor = Array.from(li.children).find((child) => child.localName === 'a' || child.localName === 'span');
      const label = cleanLine(anchor?.textContent);
      const href = anchor?.localName === 'a' ? anchor.getAttribute('href') : null;
      if (label && href) {
        const target = resolveHref(navPath, href);
        if (target.path) links.push({ label, path: target.path, fragment: target.fragment || null, depth });
      }
      const nested = Array.from(li.children).find((child) => child.localName === 'ol');
      if (nested) walk(nested, depth + 1);
    }
  };
  if (list) walk(list, 1);
  return links;
}

export function ncxTableOfContents(ncxPath: string, xml: string): TocLink[] {
  const doc = parseXml(xml);
  const navMap = doc ? firstNamed(doc, 'navMap') : null;
  if (!navMap) return [];
  const links: TocLink[] = [];
  const walk = (parent: Element, depth: number): void => {
    for (const point of Array.from(parent.children).filter((child) => child.localName === 'navPoint')) {
      const labelElement = Array.from(point.children).find((child) => child.localName === 'navLabel');
      const label = cleanLine(labelElement?.textContent);
      const src = Array.from(point.children).find((child) => child.localName === 'content')?.getAttribute('src');
      if (label && src) {
        const target = resolveHref(ncxPath, src);
        if (target.path) links.push({ label, path: target.path, fragment: target.fragment || null, depth });
      }
      walk(point, depth + 1);
    }
  };
  walk(navMap, 1);
  return links;
}

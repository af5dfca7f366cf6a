/**
 * The package document (OPF) of an EPUB 2 or 3: what the book says about itself, the files it is
 * made of (manifest) and the order they are read in (spine). Hrefs are resolved against the OPF's
 * folder into archive paths; one that leaves the archive resolves to nothing.
 */
import type { QuireError } from '../../../shared/result';
import { say } from '../../../shared/i18n/core-sentences';
import { sentenceError } from '../../../shared/i18n/english-sentence';
import { cleanLine } from '../imported-document';
import { archivePath } from './zip-archive';
import { elementsNamed, firstNamed, parseXml } from './xml';

export interface ManifestItem {
  id: string;
  /** archive path, or null when the href leaves the archive */
  path: string | null;
  mediaType: string;
  properties: string[];
}

export interface PackageDocument {
  title: string | null;
  creators: string[];
  language: string | null;
  publisher: string | null;
  date: string | null;
  description: string | null;
  /** `page-progression-direction` of the spine */
  direction: 'ltr' | 'rtl' | null;
  /** pages laid out by the author as pictures are (`rendition:layout` pre-paginated, or the older `fixed-layout` meta) */
  fixedLayout: boolean;
  manifest: ReadonlyMap<string, ManifestItem>;
  /** manifest items in reading order (linear ones only, unless the book has none) */
  spine: ManifestItem[];
  /** EPUB 3 navigation document */
  nav: ManifestItem | null;
  /** EPUB 2 NCX table of contents */
  ncx: ManifestItem | null;
}

/** `href` of a file inside the archive, relative to `baseFile` (percent-decoded, fragment removed). */
export function resolveHref(baseFile: string, href: string): { path: string | null; fragment: string | null } {
  const hashAt = href.indexOf('#');
  const rawPath = hashAt >= 0 ? href.slice(0, hashAt) : href;
  const fragment = hashAt >= 0 ? safeDecode(href.slice(hashAt + 1)) : null;
  if (rawPath === '') return { path: baseFile, fragment };
  if (/^[a-z][a-z0-9+.-]*:/i.test(rawPath) || rawPath.startsWith('/')) return { path: null, fragment };
  const folder = baseFile.includes('/') ? baseFile.slice(0, baseFile.lastIndexOf('/') + 1) : '';
  const decoded = safeDecode(rawPath.split('?')[0] ?? '');
  // `archivePath` refuses a path that climbs above the archive's root.
  return { path: decoded === null ? null : archivePath(folder + decoded), fragment };
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

const invalidPackage = (): QuireError =>
  sentenceError('import-failed', say('core.import.epubInvalidPackage'));

const textOf = (element: Element | null): string | null => cleanLine(element?.textContent);

/** The main title: EPUB 3 marks it with `title-type main`; otherwise the first `dc:title`. */
function mainTitle(doc: Document): string | null {
  const titles = elementsNamed(doc, 'title').filter((t) => t.namespaceURI === 'http://purl.org/dc/elements/1.1/');
  const refinements = elementsNamed(doc, 'meta');
  const main = titles.find((title) => {
    const id = title.getAttribute('id');
    return id !== null && refinements.some((meta) => meta.getAttribute('refines') === `#${id}` && meta.getAttribute('property') === 'title-type' && cleanLine(meta.textContent) === 'main');
  });
  return textOf(main ?? titles[0] ?? null);
}

/** EPUB 3 says `rendition:layout` is `pre-paginated` (for the book or each spine item); Apple's and Kindle's older books say `fixed-layout`. */
function isFixedLayout(doc: Document, itemrefs: Element[]): boolean {
  const metas = elementsNamed(doc, 'meta');
  return (
    metas.some((meta) => meta.getAttribute('property') === 'rendition:layout' && cleanLine(meta.textContent) === 'pre-paginated') ||
    metas.some((meta) => meta.getAttribute('name') === 'fixed-layout' && meta.getAttribute('content')?.trim().toLowerCase() === 'true') ||
    (itemrefs.length > 0 && itemrefs.every((ref) => (ref.getAttribute('properties') ?? '').split(/\s+/).includes('rendition:layout-pre-paginated')))
  );
}

/** Authors: creators whose role, when the book gives one, is author (`aut`). */
function authors(doc: Document): string[] {
  const metas = elementsNamed(doc, 'meta');
  const creators = elementsNamed(doc, 'creator');
  const roleOf = (creator: Element): string | null => {
    const opfRole = creator.getAttributeNS('http://www.idpf.org/2007/opf', 'role') ?? creator.getAttribute('opf:role');
    if (opfRole) return opfRole;
    const id = creator.getAttribute('id');
    const refined = metas.find((m) => id !== null && m.getAttribute('refines') === `#${id}` && m.getAttribute('property') === 'role');
    return cleanLine(refined?.textContent);
  };
  const named = creators.map((c) => ({ name: textOf(c), role: roleOf(c) })).filter((c): c is { name: string; role: string | null } => c.name !== null);
  const withAuthorRole = named.filter((c) => c.role === null || c.role === 'aut');
  return [...new Set((withAuthorRole.length > 0 ? withAuthorRole : named).map((c) => c.name))];
}

export function parsePackage(opfPath: string, xml: string): PackageDocument {
  const doc = parseXml(xml);
  if (!doc || doc.documentElement.localName !== 'package') throw invalidPackage();

  const manifest = new Map<string, ManifestItem>();
  for (const item of elementsNamed(doc, 'item')) {
    const id = item.getAttribute('id');
    const href = item.getAttribute('href');
    if (!id || !href || manifest.has(id)) continue;
    manifest.set(id, {
      id,
      path: resolveHref(opfPath, href).path,
      mediaType: (item.getAttribute('media-type') ?? '').toLowerCase().trim(),
      properties: (item.getAttribute('properties') ?? '').split(/\s+/).filter(Boolean),
    });
  }

  const spineElement = firstNamed(doc, 'spine');
  const itemrefs = spineElement ? elementsNamed(spineElement, 'itemref') : [];
  // A spine entry naming no manifest item is skipped: the rest of the book is still readable.
  const inSpine = itemrefs.flatMap((ref) => {
    const item = manifest.get(ref.getAttribute('idref') ?? '');
    return item ? [{ item, linear: ref.getAttribute('linear') !== 'no' }] : [];
  });
  const linear = inSpine.filter((entry) => entry.linear);
  const spine = (linear.length > 0 ? linear : inSpine).map((entry) => entry.item);

  const progression = spineElement?.getAttribute('page-progression-direction');
  const description = textOf(firstNamed(doc, 'description'));
  return {
    title: mainTitle(doc),
    creators: authors(doc),
    language: textOf(firstNamed(doc, 'language')),
    publisher: textOf(firstNamed(doc, 'publisher')),
    date: textOf(firstNamed(doc, 'date')),
    // Descriptions are often HTML written as text: keep only what a reader sees.
    description: description === null ? null : cleanLine(description.replace(/<[^>]*>/g, ' ')),
    direction: progression === 'rtl' || progression === 'ltr' ? progression : null,
    fixedLayout: isFixedLayout(doc, itemrefs),
    manifest,
    spine,
    nav: [...manifest.values()].find((item) => item.properties.includes('nav')) ?? null,
    ncx: manifest.get(spineElement?.getAttribute('toc') ?? '') ?? [...manifest.values()].find((item) => item.mediaType === 'application/x-dtbncx+xml') ?? null,
  };
}

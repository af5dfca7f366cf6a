/**
 * How a book asks to be laid out (EPUB 3's rendition properties, and the older fixed-layout
 * meta): which spine items are pages the author laid out (pre-paginated), the pages' size, whether
 * two pages share the screen, which side each page sits on and which way the pages turn. Read from
 * the package document on its own, so the importer's reading of the package stays as it was.
 */
import type { PageSide, PageSpread } from '../../../shared/fixed-layout';
import { cleanLine } from '../imported-document';
import { elementsNamed, firstNamed, parseXml } from './xml';

export interface PageSize {
  width: number;
  height: number;
}

/** What the package says about one spine item (by its position in the package's spine, all items). */
export interface ItemRendition {
  idref: string;
  /** laid out by its author as a page */
  prePaginated: boolean;
  side: PageSide | null;
}

export interface BookRendition {
  /** the whole book is pages, or at least one spine item is */
  hasPages: boolean;
  spread: PageSpread;
  progression: 'ltr' | 'rtl';
  /** `rendition:viewport` of the package: the pages' size when a page does not say */
  viewport: PageSize | null;
  /** by idref */
  items: ReadonlyMap<string, ItemRendition>;
}

/** Smallest and largest side a page may claim, in CSS pixels; anything outside is a mistake. */
const MIN_SIDE = 16;
const MAX_SIDE = 20_000;
/** A page that says nothing usable about its size: a portrait page of a common tablet. */
export const DEFAULT_PAGE_SIZE: PageSize = { width: 768, height: 1024 };

const SPREADS: readonly PageSpread[] = ['none', 'landscape', 'portrait', 'both', 'auto'];

const side = (value: number | null): number | null =>
  value !== null && Number.isFinite(value) && value >= MIN_SIDE && value <= MAX_SIDE ? value : null;

/**
 * `width=1024, height=768` (a viewport meta, or `rendition:viewport`): both sides as positive
 * numbers, or null. Commas, semicolons or spaces separate; `px` is allowed; `device-width` and
 * anything else that is not a number is not a size.
 */
export function parseViewport(content: string | null | undefined): PageSize | null {
  if (!content || content.length > 1000) return null;
  const values = new Map<string, string>();
  for (const part of content.split(/[,;]|\s+(?=[a-z-]+\s*=)/i)) {
    const [key, value] = part.split('=').map((piece) => piece.trim().toLowerCase());
    if (key && value !== undefined) values.set(key, value);
  }
  const number = (key: string): number | null => {
    const match = /^(\d+(?:\.\d+)?)(?:px)?$/.exec(values.get(key) ?? '');
    return match ? side(Number(match[1])) : null;
  };
  const width = number('width');
  const height = number('height');
  return width !== null && height !== null ? { width, height } : null;
}

/** `viewBox="0 0 W H"` of an SVG page. */
export function parseViewBox(viewBox: string | null | undefined): PageSize | null {
  const parts = (viewBox ?? '').trim().split(/[\s,]+/).map(Number);
  if (parts.length !== 4 || parts.some((part) => !Number.isFinite(part))) return null;
  const width = side(parts[2] ?? null);
  const height = side(parts[3] ?? null);
  return width !== null && height !== null ? { width, height } : null;
}

/** The size a page's own document gives: its viewport meta, else the viewBox of an SVG that is the page. */
export function pageSizeOf(page: Document): PageSize | null {
  for (const meta of elementsNamed(page, 'meta')) {
    if (meta.getAttribute('name')?.toLowerCase() === 'viewport') {
      const size = parseViewport(meta.getAttribute('content'));
      if (size) return size;
    }
  }
  const svg = elementsNamed(page, 'svg')[0];
  return svg ? parseViewBox(svg.getAttribute('viewBox')) : null;
}

const propertyOf = (metas: Element[], name: string): string | null =>
  cleanLine(metas.find((meta) => meta.getAttribute('property') === name && !meta.hasAttribute('refines'))?.textContent);

function sideOf(properties: readonly string[]): PageSide | null {
  for (const property of properties) {
    const match = /^(?:rendition:)?page-spread-(left|right|center)$/.exec(property);
    if (match) return match[1] as PageSide;
  }
  return null;
}

/** The book's rendition, read from its package document (null when the XML cannot be read). */
export function readRendition(opfXml: string): BookRendition | null {
  const doc = parseXml(opfXml);
  if (!doc) return null;
  const metas = elementsNamed(doc, 'meta');
  const bookPaginated =
    propertyOf(metas, 'rendition:layout') === 'pre-paginated' ||
    metas.some((meta) => meta.getAttribute('name') === 'fixed-layout' && meta.getAttribute('content')?.trim().toLowerCase() === 'true');
  const spine = firstNamed(doc, 'spine');
  const items = new Map<string, ItemRendition>();
  for (const ref of spine ? elementsNamed(spine, 'itemref') : []) {
    const idref = ref.getAttribute('idref') ?? '';
    const properties = (ref.getAttribute('properties') ?? '').split(/\s+/).filter(Boolean);
    const prePaginated = properties.includes('rendition:layout-pre-paginated') || (bookPaginated && !properties.includes('rendition:layout-reflowable'));
    if (!items.has(idref)) items.set(idref, { idref, prePaginated, side: sideOf(properties) });
  }
  const spread = propertyOf(metas, 'rendition:spread');
  const progression = spine?.getAttribute('page-progression-direction');
  return {
    hasPages: bookPaginated || [...items.values()].some((item) => item.prePaginated),
    spread: SPREADS.find((known) => known === spread) ?? 'auto',
    progression: progression === 'rtl' ? 'rtl' : 'ltr',
    viewport: parseViewport(propertyOf(metas, 'rendition:viewport')),
    items,
  };
}

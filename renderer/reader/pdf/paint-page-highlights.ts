/**
 * Paints bookmarks, notes and search matches on the rendered pages' text layers with the CSS
 * Custom Highlight API (one highlight per colour, `::highlight(quire-page-<colour>)` in
 * pdf-pages.css): pdf.js's spans stay as pdf.js made them, and nothing covers the text, so it can
 * still be selected.
 */
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../electron/shared/models';
import { DEFAULT_HIGHLIGHT_COLOR } from '../colors';
import { canPaintHighlights } from '../find/find-highlights';
import type { PlacedAnnotation } from '../placed-annotations';
import type { TextSpan } from '../text-offsets';
import { pageOfOffset, passageOnPage } from './pdf-anchoring';
import { layerRange, type PageTextLayer } from './pdf-text-layer';

const colorHighlight = (color: HighlightColor): string => `quire-page-${color}`;
const MATCH_HIGHLIGHT = 'quire-page-match';
const CURRENT_MATCH_HIGHLIGHT = 'quire-page-match-current';

export interface PageAnchorContext {
  text: string;
  pageStarts: readonly number[];
  layers: ReadonlyMap<number, PageTextLayer>;
}

/** The ranges that show `span` on the rendered pages (none when its pages are not drawn). */
export function rangesOf({ text, pageStarts, layers }: PageAnchorContext, span: TextSpan): Range[] {
  const ranges: Range[] = [];
  const last = pageOfOffset(pageStarts, Math.max(span.start, span.end - 1));
  for (let page = pageOfOffset(pageStarts, span.start); page <= last; page += 1) {
    const layer = layers.get(page);
    if (!layer) continue;
    const onPage = passageOnPage(text, pageStarts, page, span, layer.text);
    const range = onPage && layerRange(layer, onPage);
    if (range) ranges.push(range);
  }
  return ranges;
}

/**
 * The bookmark or note painted under a point on the pages, with the box of its line there (where
 * its popover goes), or null. Painted highlights are no elements: a click is matched against their boxes.
 */
export function highlightAt(
  context: PageAnchorContext,
  placed: readonly PlacedAnnotation[],
  x: number,
  y: number,
): { annotationId: string; rect: { top: number; bottom: number; left: number; right: number } } | null {
  for (const { annotation, span } of placed) {
    if (!span) continue;
    for (const range of rangesOf(context, span)) {
      const box = Array.from(range.getClientRects()).find((rect) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom);
      if (box) return { annotationId: annotation.id, rect: { top: box.top, bottom: box.bottom, left: box.left, right: box.right } };
    }
  }
  return null;
}

export function paintPageHighlights(
  context: PageAnchorContext,
  placed: readonly PlacedAnnotation[],
  matches: readonly TextSpan[],
  currentMatch: number,
): void {
  if (!canPaintHighlights()) return;
  const byColor = new Map<HighlightColor, Highlight>(HIGHLIGHT_COLORS.map((color) => [color, new Highlight()]));
  for (const { annotation, span } of placed) {
    if (!span) continue;
    const highlight = byColor.get(annotation.color ?? DEFAULT_HIGHLIGHT_COLOR)!;
    for (const range of rangesOf(context, span)) highlight.add(range);
  }
  for (const [color, highlight] of byColor) CSS.highlights.set(colorHighlight(color), highlight);
  const all = new Highlight();
  const current = new Highlight();
  current.priority = 1;
  matches.forEach((match, index) => {
    for (const range of rangesOf(context, match)) (index === currentMatch ? current : all).add(range);
  });
  CSS.highlights.set(MATCH_HIGHLIGHT, all);
  CSS.highlights.set(CURRENT_MATCH_HIGHLIGHT, current);
}

export function clearPageHighlights(): void {
  if (!canPaintHighlights()) return;
  for (const color of HIGHLIGHT_COLORS) CSS.highlights.delete(colorHighlight(color));
  CSS.highlights.delete(MATCH_HIGHLIGHT);
  CSS.highlights.delete(CURRENT_MATCH_HIGHLIGHT);
}

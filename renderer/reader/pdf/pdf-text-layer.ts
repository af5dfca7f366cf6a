/**
 * A drawn page's text as one string, and the way between offsets into that string and DOM
 * positions: what highlights are painted with and what a selection on the page is read from. A
 * PDF page's text is pdf.js's text layer (transparent spans over the canvas, one text node each);
 * a fixed-layout book's page is its own markup, whose text nodes are the pieces.
 */
import type { TextSpan } from '../text-offsets';

export interface PageTextLayer {
  page: number;
  /** the pieces holding the text, in content order: text nodes, or elements holding one text node each */
  divs: readonly Node[];
  /** where each piece's text starts in `text` */
  starts: readonly number[];
  text: string;
}

export function pageTextLayer(page: number, divs: readonly Node[]): PageTextLayer {
  const starts: number[] = [];
  let text = '';
  for (const div of divs) {
    starts.push(text.length);
    text += div.textContent ?? '';
  }
  return { page, divs, starts, text };
}

function divAt(layer: PageTextLayer, offset: number): number {
  let low = 0;
  let high = layer.starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (layer.starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

function boundary(layer: PageTextLayer, offset: number): { node: Node; offset: number } | null {
  const index = divAt(layer, offset);
  const div = layer.divs[index];
  const node = div?.nodeType === Node.TEXT_NODE ? div : div?.firstChild;
  if (!div || !node) return null;
  return { node, offset: Math.min(offset - layer.starts[index]!, node.textContent?.length ?? 0) };
}

/** A DOM range over `span` (offsets into the layer's text). */
export function layerRange(layer: PageTextLayer, span: TextSpan): Range | null {
  const start = boundary(layer, span.start);
  const end = boundary(layer, span.end);
  if (!start || !end) return null;
  const range = document.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  return range;
}

/**
 * The offset in the layer's text of a DOM boundary (a selection's start or end), or null when it
 * is not in this layer. A boundary between spans counts as the start of the next one.
 */
export function layerOffset(layer: PageTextLayer, node: Node, offset: number): number | null {
  for (let i = 0; i < layer.divs.length; i += 1) {
    const div = layer.divs[i]!;
    if (div === node || div.contains(node)) {
      if (node.nodeType === Node.TEXT_NODE) return layer.starts[i]! + offset;
      return layer.starts[i]! + (offset === 0 ? 0 : (div.textContent ?? '').length);
    }
  }
  // Between spans: the first span that follows the boundary.
  const probe = document.createRange();
  probe.setStart(node, offset);
  for (let i = 0; i < layer.divs.length; i += 1) {
    if (probe.comparePoint(layer.divs[i]!, 0) >= 0) return layer.starts[i]!;
  }
  return layer.divs.length > 0 ? layer.text.length : null;
}

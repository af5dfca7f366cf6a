/**
 * Passage offsets are offsets into the article's canonical text, which is exactly the
 * `textContent` of the reader container: the concatenation of its Text nodes in document order.
 * These functions translate between DOM positions (a selection's Range) and those offsets.
 */

import type { TextSpan } from '../../electron/shared/models';

export type { TextSpan };

export interface TextNodeEntry {
  node: Text;
  /** offset of the node's first character in the container's textContent */
  start: number;
}

/** Every Text node under `root`, in document order, with where it starts in `root.textContent`. */
export function indexTextNodes(root: Node): TextNodeEntry[] {
  const entries: TextNodeEntry[] = [];
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let offset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    entries.push({ node: text, start: offset });
    offset += text.data.length;
  }
  return entries;
}

const textLength = (entries: TextNodeEntry[]): number => {
  const last = entries[entries.length - 1];
  return last ? last.start + last.node.data.length : 0;
};

/** Offset of the first Text node at or after `node` in document order (descendants included). */
function offsetBeforeNode(entries: TextNodeEntry[], node: Node): number {
  for (const entry of entries) {
    if (entry.node === node || node.contains(entry.node)) return entry.start;
    // DOCUMENT_POSITION_FOLLOWING: the text node comes after `node`.
    if (node.compareDocumentPosition(entry.node) & Node.DOCUMENT_POSITION_FOLLOWING) return entry.start;
  }
  return textLength(entries);
}

/** Offset in the text of a DOM boundary point (container, offset) that lies inside `root`. */
export function boundaryToOffset(root: Node, entries: TextNodeEntry[], container: Node, offset: number): number {
  if (container.nodeType === Node.TEXT_NODE) {
    const entry = entries.find((e) => e.node === container);
    if (entry) return entry.start + Math.min(offset, entry.node.data.length);
  }
  if (container.nodeType === Node.TEXT_NODE || container.nodeType === Node.COMMENT_NODE) {
    // A comment (or a text node we did not index): count what precedes it.
    return offsetBeforeNode(entries, container);
  }
  const child = container.childNodes[offset];
  if (child) return offsetBeforeNode(entries, child);
  // After the last child of `container`: everything in it is before the point.
  if (container === root) return textLength(entries);
  let after: Node | null = container;
  while (after && after !== root && !after.nextSibling) after = after.parentNode;
  return after && after !== root && after.nextSibling ? offsetBeforeNode(entries, after.nextSibling) : textLength(entries);
}

/**
 * The part of `range` inside `root`, as offsets into `root.textContent`; null when the range
 * does not touch `root` or selects no text.
 */
export function rangeToOffsets(root: Node, range: Range): TextSpan | null {
  const doc = root.ownerDocument!;
  const rootRange = doc.createRange();
  rootRange.selectNodeContents(root);
  // Clip the range to the root (a selection may start or end outside the article).
  if (range.compareBoundaryPoints(Range.END_TO_START, rootRange) >= 0) return null; // starts after root's end
  if (range.compareBoundaryPoints(Range.START_TO_END, rootRange) <= 0) return null; // ends before root's start
  const startsInside = range.compareBoundaryPoints(Range.START_TO_START, rootRange) >= 0;
  const endsInside = range.compareBoundaryPoints(Range.END_TO_END, rootRange) <= 0;
  const entries = indexTextNodes(root);
  const start = startsInside ? boundaryToOffset(root, entries, range.startContainer, range.startOffset) : 0;
  const end = endsInside ? boundaryToOffset(root, entries, range.endContainer, range.endOffset) : textLength(entries);
  return end > start ? { start, end } : null;
}

/** The DOM point of a text offset. `affinity` picks the node when the offset sits between two. */
export function offsetToBoundary(
  entries: TextNodeEntry[],
  offset: number,
  affinity: 'forward' | 'backward',
): { node: Text; offset: number } | null {
  if (entries.length === 0) return null;
  const clamped = Math.max(0, Math.min(offset, textLength(entries)));
  // Binary search for the last node starting at or before the offset.
  let low = 0;
  let high = entries.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (entries[mid]!.start <= clamped) low = mid;
    else high = mid - 1;
  }
  let index = low;
  if (affinity === 'backward') {
    // At a node's start, prefer the end of the previous non-empty node.
    while (index > 0 && entries[index]!.start === clamped) index--;
  } else {
    // At a node's end (or in an empty node), prefer the start of the next non-empty node.
    while (index < entries.length - 1 && entries[index]!.start + entries[index]!.node.data.length <= clamped) index++;
  }
  const entry = entries[index]!;
  return { node: entry.node, offset: Math.max(0, Math.min(clamped - entry.start, entry.node.data.length)) };
}

/** A Range over `root` covering text offsets [start, end). */
export function offsetsToRange(root: Node, span: TextSpan, entries = indexTextNodes(root)): Range | null {
  const start = offsetToBoundary(entries, span.start, 'forward');
  const end = offsetToBoundary(entries, Math.max(span.start, span.end), 'backward');
  if (!start || !end) return null;
  const range = root.ownerDocument!.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  return range;
}

/** The current selection inside `root` as offsets, or null. */
export function selectionToOffsets(root: Node, selection: Selection | null): TextSpan | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  return rangeToOffsets(root, selection.getRangeAt(0));
}

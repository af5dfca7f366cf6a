/**
 * Follows the user's text selection inside the article: its offsets (what a bookmark stores)
 * and where it is on screen (where the selection toolbar goes). A selection that moves out of
 * the article by focus alone (tabbing to a button) is remembered, so keyboard users can act on it.
 */
import { useEffect, useState, type RefObject } from 'react';
import { selectionToOffsets, type TextSpan } from './text-offsets';

export interface PassageSelection {
  span: TextSpan;
  /** viewport rectangle of the selection, when the browser can tell */
  rect: { top: number; bottom: number; left: number; right: number } | null;
}

/** Reads a selection inside `root` as offsets into the article's text (the text view walks its text nodes). */
export type SpanReader = (root: HTMLElement, selection: Selection) => TextSpan | null;

/** Whether `node` is inside `root`, or inside a shadow root hosted there (a fixed-layout book's page). */
function holds(root: Node, node: Node): boolean {
  for (let at: Node | null = node; at; at = at.getRootNode() instanceof ShadowRoot ? (at.getRootNode() as ShadowRoot).host : null) {
    if (root.contains(at)) return true;
  }
  return false;
}

/**
 * Whether the selection holds no text. A selection made with the mouse inside a shadow root (a
 * fixed-layout book's page) is shown to the document collapsed at the root's host, though it
 * holds the page's words: its text says.
 */
export const selectsNothing = (selection: Selection): boolean => selection.isCollapsed && selection.toString() === '';

/** The selected range where its words are: inside a page's shadow root when that is where the selection is. */
function selectedRange(root: HTMLElement, selection: Selection): Range {
  const range = selection.getRangeAt(0);
  if (!range.collapsed || typeof selection.getComposedRanges !== 'function') return range;
  const shadowRoots = Array.from(root.querySelectorAll('*'), (element) => element.shadowRoot).filter((shadow) => shadow !== null);
  const composed = selection.getComposedRanges({ shadowRoots })[0];
  if (!composed) return range;
  const inside = root.ownerDocument.createRange();
  inside.setStart(composed.startContainer, composed.startOffset);
  inside.setEnd(composed.endContainer, composed.endOffset);
  return inside;
}

function readSelection(root: HTMLElement, spanOf: SpanReader): PassageSelection | null | 'outside' {
  const selection = root.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0) return 'outside';
  if (selectsNothing(selection)) {
    return selection.anchorNode && holds(root, selection.anchorNode) ? null : 'outside';
  }
  const span = spanOf(root, selection);
  if (!span) return null;
  const range = selectedRange(root, selection);
  const box = typeof range.getBoundingClientRect === 'function' ? range.getBoundingClientRect() : null;
  const rect = box && (box.width > 0 || box.height > 0) ? { top: box.top, bottom: box.bottom, left: box.left, right: box.right } : null;
  return { span, rect };
}

export function usePassageSelection(
  container: RefObject<HTMLElement | null>,
  scroller: RefObject<HTMLElement | null>,
  spanOf: SpanReader = selectionToOffsets,
) {
  const [selection, setSelection] = useState<PassageSelection | null>(null);

  useEffect(() => {
    const update = () => {
      const root = container.current;
      if (!root) return;
      const next = readSelection(root, spanOf);
      if (next !== 'outside') setSelection(next);
    };
    const doc = container.current?.ownerDocument ?? document;
    const scrollElement = scroller.current;
    doc.addEventListener('selectionchange', update);
    scrollElement?.addEventListener('scroll', update, { passive: true });
    return () => {
      doc.removeEventListener('selectionchange', update);
      scrollElement?.removeEventListener('scroll', update);
    };
  }, [container, scroller, spanOf]);

  /** The selection right now (read from the document), else the one remembered. */
  const current = (): PassageSelection | null => {
    const root = container.current;
    const live = root ? readSelection(root, spanOf) : null;
    return live && live !== 'outside' ? live : selection;
  };

  const clear = () => {
    setSelection(null);
    container.current?.ownerDocument.getSelection()?.removeAllRanges();
  };

  return { selection, current, clear };
}

export type PassageSelectionState = ReturnType<typeof usePassageSelection>;

/**
 * Keys for a selected passage while its colour bar shows: 1–5 highlight it in a colour, N writes
 * a note on it, Escape dismisses the bar (and the selection). They act when the focus is in the
 * reader and not in a field. Listened to first (capture, on the document) and marked as used, so
 * N does not also step to the next match and Escape does not also leave the reader.
 */
import { useEffect, useRef, type RefObject } from 'react';
import type { HighlightColor } from '../../electron/shared/models';
import { colorForKey, NOTE_KEY } from './highlight-keys';
import { isTyping } from './use-reader-shortcuts';

interface SelectionKeysOptions {
  /** the reader's main region: keys pressed outside it and its panel (the header's search box) are not ours */
  region: RefObject<HTMLElement | null>;
  /** the bar shows: a passage is selected and nothing (a dialog, a popover) is in its way */
  active: boolean;
  onHighlight: (color: HighlightColor) => void;
  onNote: () => void;
  onDismiss: () => void;
}

export function useSelectionKeys({ region, active, onHighlight, onNote, onDismiss }: SelectionKeysOptions): void {
  const latest = useRef({ onHighlight, onNote, onDismiss });
  useEffect(() => {
    latest.current = { onHighlight, onNote, onDismiss };
  });
  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      // The reader is the main region and the panel beside it (one layout element holds both).
      const reader = region.current?.parentElement ?? region.current;
      const target = event.target;
      const inReader = target === document.body || (target instanceof Node && reader?.contains(target));
      if (!inReader) return;
      const color = event.shiftKey ? null : colorForKey(event.key);
      if (event.key === 'Escape') latest.current.onDismiss();
      else if (color) latest.current.onHighlight(color);
      else if (event.key.toLowerCase() === NOTE_KEY && !event.shiftKey) latest.current.onNote();
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [active, region]);
}

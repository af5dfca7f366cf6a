/**
 * The reader's window-level keys: Escape or Alt+← go back to where the article was opened from
 * (Alt+← and Backspace first back to where the reader was before following a link in the text),
 * F turns focus mode on and off. Escape goes back only when nothing else wants it: a dialog, an
 * open menu, drawer or bar (they close first: they mark the key as used), a part of the reader
 * that says it takes the key (`escapeTaken`), a field being typed in, or a selected passage
 * (Escape clears the selection first).
 */
import { useEffect, useRef } from 'react';

/** A key typed into a field (text, a select) is the field's, never a reader shortcut. */
export const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'range'].includes(target.type)));

/** A modal dialog keeps the focus inside itself, so the key's own target tells whether one is open. */
const inDialog = (target: EventTarget | null): boolean =>
  target instanceof Element && target.closest('[aria-modal="true"]') !== null;

/** Clears a selected passage; true when there was one. */
function clearSelection(): boolean {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed) return false;
  selection.removeAllRanges();
  return true;
}

interface ReaderShortcutsOptions {
  onBack: () => void;
  /** Alt+← and Backspace first return from a link followed in the text; false when there was none */
  onBackInText: () => boolean;
  onToggleFocusMode: () => void;
  /** true while a part of the reader (the find bar) keeps Escape for itself */
  escapeTaken: () => boolean;
}

export function useReaderShortcuts({ onBack, onBackInText, onToggleFocusMode, escapeTaken }: ReaderShortcutsOptions): void {
  const latest = useRef({ onBack, onBackInText, onToggleFocusMode, escapeTaken });
  useEffect(() => {
    latest.current = { onBack, onBackInText, onToggleFocusMode, escapeTaken };
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || inDialog(event.target) || isTyping(event.target)) return;
      const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
      if (event.key === 'Escape' && plain && !event.shiftKey) {
        if (latest.current.escapeTaken()) return;
        event.preventDefault();
        if (!clearSelection()) latest.current.onBack();
      } else if (event.key === 'ArrowLeft' && event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
        event.preventDefault();
        if (!latest.current.onBackInText()) latest.current.onBack();
      } else if (event.key === 'Backspace' && plain && !event.shiftKey) {
        // Never out of the reader: a stray Backspace must not close the book.
        if (latest.current.onBackInText()) event.preventDefault();
      } else if (event.key.toLowerCase() === 'f' && plain && !event.shiftKey) {
        event.preventDefault();
        latest.current.onToggleFocusMode();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

/** Mouse at the top edge: focus mode's hidden toolbar shows while the pointer stays near it. */
export function useChromePeek(enabled: boolean, toolbar: React.RefObject<HTMLElement | null>, onPeek: (peek: boolean) => void): void {
  useEffect(() => {
    if (!enabled) return;
    const EDGE = 48;
    const onMove = (event: MouseEvent) => {
      const bar = toolbar.current?.getBoundingClientRect();
      const nearBar = bar !== undefined && event.clientY <= bar.bottom + 12 && bar.height > 0 && bar.top >= 0;
      onPeek(event.clientY <= EDGE || nearBar);
    };
    window.addEventListener('mousemove', onMove);
    return () => window.removeEventListener('mousemove', onMove);
  }, [enabled, toolbar, onPeek]);
}

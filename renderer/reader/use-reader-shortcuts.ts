/**
 * The reader's window-level keys: Escape or Alt+← go back to where the article was opened from,
 * F turns focus mode on and off. Escape goes back only when nothing else wants it: a dialog, the
 * find bar, an open menu or drawer (they close first: they mark the key as used), a field being
 * typed in, or a selected passage (Escape clears the selection first).
 */
import { useEffect, useRef } from 'react';

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'range'].includes(target.type)));

const dialogOpen = (): boolean => document.querySelector('[aria-modal="true"]') !== null;
const findBarOpen = (): boolean => document.querySelector('.find-bar') !== null;

/** Clears a selected passage; true when there was one. */
function clearSelection(): boolean {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed) return false;
  selection.removeAllRanges();
  return true;
}

export function useReaderShortcuts({ onBack, onToggleFocusMode }: { onBack: () => void; onToggleFocusMode: () => void }): void {
  const latest = useRef({ onBack, onToggleFocusMode });
  useEffect(() => {
    latest.current = { onBack, onToggleFocusMode };
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || dialogOpen() || isTyping(event.target)) return;
      const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
      if (event.key === 'Escape' && plain && !event.shiftKey) {
        if (findBarOpen()) return;
        event.preventDefault();
        if (!clearSelection()) latest.current.onBack();
      } else if (event.key === 'ArrowLeft' && event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
        event.preventDefault();
        latest.current.onBack();
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

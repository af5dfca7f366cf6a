/**
 * Reading by keyboard, while focus is in the reader and not in a field: H / Shift+H next and
 * previous heading, N / Shift+N next and previous search or find match. Arrow keys, Page Up/Down,
 * Space and Home/End scroll the focusable text region natively. Find itself (Ctrl+F, F3) is in
 * find/use-find-in-article.ts.
 */
import type { Text } from '../i18n/use-text';
import { useEffect, type RefObject } from 'react';
import { findKeyLabel } from './find/find-shortcuts';
import { adjacentHeading, articleHeadings, goToHeading } from './headings';
import { isTyping } from './use-reader-shortcuts';

/** The reader's keys in one sentence (catalog `reader.keysHint`), for the text's description. */
export const readerKeysHint = (text: Text): string => text('reader.keysHint', { find: findKeyLabel() });

interface ReaderKeysOptions {
  region: RefObject<HTMLElement | null>;
  scroller: RefObject<HTMLElement | null>;
  container: RefObject<HTMLElement | null>;
  onNextMatch: (() => void) | null;
  onPreviousMatch: (() => void) | null;
}

export function useReaderKeys({ region, scroller, container, onNextMatch, onPreviousMatch }: ReaderKeysOptions) {
  useEffect(() => {
    const root = region.current;
    if (!root) return;
    const onKey = (event: KeyboardEvent) => {
      // A key already used (the selection's N: a note) is not a reader key too.
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'h' && scroller.current && container.current) {
        const heading = adjacentHeading(articleHeadings(container.current), scroller.current, event.shiftKey ? -1 : 1);
        if (heading) goToHeading(heading.element);
        event.preventDefault();
      } else if (key === 'n') {
        const step = event.shiftKey ? onPreviousMatch : onNextMatch;
        if (step) {
          step();
          event.preventDefault();
        }
      }
    };
    root.addEventListener('keydown', onKey);
    return () => root.removeEventListener('keydown', onKey);
  }, [region, scroller, container, onNextMatch, onPreviousMatch]);
}

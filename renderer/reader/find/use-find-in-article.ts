/**
 * Opens and closes the find bar: Ctrl+F (⌘F) opens it with the selected text, else the last
 * query; F3 and Ctrl+G step through the matches (opening the bar when it is closed); closing
 * gives the focus back to the article text.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { FindBarHandle } from './FindBar';
import { findShortcut, isReaderKey } from './find-shortcuts';
import { selectionToOffsets } from '../text-offsets';

export interface FindRequest {
  /** what the field holds when the bar opens */
  query: string;
  /** a new value remounts the bar (Ctrl+F on a new selection starts a new find) */
  key: number;
}

interface FindInArticleOptions {
  text: string;
  main: RefObject<HTMLElement | null>;
  container: RefObject<HTMLElement | null>;
  scroller: RefObject<HTMLElement | null>;
  /** what to look for when nothing is selected and nothing was looked for yet */
  fallbackQuery: () => string;
  /** the bar opens: the search-result bar gives way, so one bar shows at a time */
  onOpen: () => void;
}

/** A selection longer than this is not a find query: the user was selecting, not asking. */
const MAX_SELECTED_QUERY = 200;

function selectedQuery(main: HTMLElement | null, container: HTMLElement | null, text: string): string | null {
  if (!main || !container) return null;
  const selection = main.ownerDocument.getSelection();
  const span = selectionToOffsets(container, selection);
  // Outside the text: a selection on a PDF's pages is taken as it reads.
  const inMain = selection !== null && !selection.isCollapsed && selection.anchorNode !== null && main.contains(selection.anchorNode);
  const raw = span ? text.slice(span.start, span.end) : inMain ? selection.toString() : '';
  const selected = raw.replace(/\s+/g, ' ').trim();
  return selected && selected.length <= MAX_SELECTED_QUERY ? selected : null;
}

export function useFindInArticle({ text, main, container, scroller, fallbackQuery, onOpen }: FindInArticleOptions) {
  const [find, setFind] = useState<FindRequest | null>(null);
  const bar = useRef<FindBarHandle>(null);
  const lastQuery = useRef('');

  // The keydown listener is added once; it reads the latest state and callbacks from here.
  const latest = useRef({ find, text, fallbackQuery, onOpen });
  useEffect(() => {
    latest.current = { find, text, fallbackQuery, onOpen };
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const shortcut = findShortcut(event);
      if (!shortcut || !isReaderKey(event, main.current)) return;
      event.preventDefault();
      const { find: open, text: articleText, fallbackQuery: fallback, onOpen: opened } = latest.current;
      const selected = shortcut === 'open' ? selectedQuery(main.current, container.current, articleText) : null;
      if (open && selected === null) {
        if (shortcut === 'open') bar.current?.focus();
        else bar.current?.step(shortcut === 'next' ? 1 : -1);
        return;
      }
      setFind({ query: selected ?? (lastQuery.current || fallback()), key: (open?.key ?? 0) + 1 });
      opened();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [main, container]);

  const close = (query: string) => {
    lastQuery.current = query;
    setFind(null);
    // The bar and its field go away: keep the focus in the text the user was finding in (a PDF's or
    // a fixed-layout book's pages when they are shown instead of the text).
    const text = scroller.current && !scroller.current.closest('[hidden]') ? scroller.current : main.current?.querySelector<HTMLElement>('.pdf-view, .fixed-layout-view');
    text?.focus({ preventScroll: true });
  };

  return { find, bar, close };
}

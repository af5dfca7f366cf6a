/**
 * The selected passage's colour bar and its keys: when it shows, what its colour, Note and Copy
 * do, and where the focus goes when it goes. Highlighting by key (or from the focused bar) gives
 * the new highlight the focus, so the keys can go on with it.
 */
import { useText } from '../i18n/use-text';
import type { RefObject } from 'react';
import type { HighlightColor } from '../../electron/shared/models';
import { useStatus } from '../app/status-context';
import { copyText } from './copy-text';
import type { SelectionBarHandle } from './SelectionBar';
import type { PassageSelectionState } from './use-passage-selection';
import { useSelectionKeys } from './use-selection-keys';

interface SelectionBarOptions {
  text: string;
  /** the bar's handle (its ref): whether the focus is in it */
  bar: RefObject<SelectionBarHandle | null>;
  selection: PassageSelectionState;
  /** a dialog or a highlight's popover is open: the bar waits */
  blocked: boolean;
  main: RefObject<HTMLElement | null>;
  scroller: RefObject<HTMLElement | null>;
  highlight: (color: HighlightColor, options: { focus: boolean }) => Promise<void>;
  writeNote: () => void;
}

export function useSelectionBar({ text, bar, selection, blocked, main, scroller, highlight, writeNote }: SelectionBarOptions) {
  const { notify } = useStatus();
  const words = useText();
  const shown = selection.selection !== null && !blocked;
  const barHasFocus = () => bar.current?.hasFocus() ?? false;

  const dismiss = () => {
    const focusInBar = barHasFocus();
    selection.clear();
    if (focusInBar) scroller.current?.focus({ preventScroll: true });
  };
  useSelectionKeys({
    region: main,
    active: shown,
    onHighlight: (color) => void highlight(color, { focus: true }),
    onNote: writeNote,
    onDismiss: dismiss,
  });

  const copy = async () => {
    const span = selection.current()?.span;
    if (!span) return;
    notify(words((await copyText(text.slice(span.start, span.end))) ? 'reader.copied' : 'reader.copyFailed'));
  };

  return {
    shown,
    onHighlight: (color: HighlightColor) => void highlight(color, { focus: barHasFocus() }),
    onNote: writeNote,
    onCopy: () => void copy(),
  };
}

/**
 * The reader's chrome, sized to the window: the bookmarks panel is a column beside the text in a
 * wide window and a drawer (opened from the toolbar) in a narrow one or in focus mode; focus mode
 * hides the header, toolbar and panel until they are asked for (reader.css).
 */
import { useCallback, type RefObject } from 'react';
import { useMediaQuery } from '../app/use-media-query';
import { useSettings } from '../app/settings-context';
import { useDisclosure, type Disclosure } from '../app/use-disclosure';

/** Below this the panel is a drawer; reader.css and app.css break at the same width. */
export const NARROW_WINDOW_QUERY = '(max-width: 1159.98px)';

export interface ReaderChrome {
  focusMode: boolean;
  toggleFocusMode: () => void;
  /** the panel is a drawer (narrow window or focus mode) rather than a column */
  drawerMode: boolean;
  drawer: Disclosure;
}

/** Whether the panels are drawers (narrow window or focus mode) rather than columns. */
export function useDrawerMode(): boolean {
  const { settings } = useSettings();
  return useMediaQuery(NARROW_WINDOW_QUERY) || settings.focusMode;
}

/** `drawerButton` and `drawerPanel`: the refs the toolbar's button and the panel carry. */
export function useReaderChrome(drawerButton: RefObject<HTMLButtonElement | null>, drawerPanel: RefObject<HTMLElement | null>): ReaderChrome {
  const { settings, updateSettings } = useSettings();
  const drawerMode = useDrawerMode();
  const drawer = useDisclosure(drawerButton, drawerPanel, { closeOnOutside: false });
  const focusMode = settings.focusMode;
  const toggleFocusMode = useCallback(() => updateSettings({ focusMode: !focusMode }), [focusMode, updateSettings]);
  return { focusMode, toggleFocusMode, drawerMode, drawer };
}

/**
 * The keys of the highlight bars, in one place for the bars' hints and the key handler: 1–5 pick
 * the colours in the order they are shown, N writes a note.
 */
import type { HighlightColor } from '../../electron/shared/models';
import { isMacPlatform } from './find/find-shortcuts';
import { HIGHLIGHT_COLOR_OPTIONS } from './colors';

export const NOTE_KEY = 'n';

/** The colour a digit key picks ('1' → the first colour), or null. */
export function colorForKey(key: string): HighlightColor | null {
  const index = /^[1-9]$/.test(key) ? Number(key) - 1 : -1;
  return HIGHLIGHT_COLOR_OPTIONS[index]?.value ?? null;
}

export const colorKey = (color: HighlightColor): string =>
  String(HIGHLIGHT_COLOR_OPTIONS.findIndex((option) => option.value === color) + 1);

/** Saves the note dialog from its text field: Ctrl+Enter, or ⌘+Enter on macOS (either works anywhere). */
export const saveKeyLabel = (mac = isMacPlatform()): string => (mac ? '⌘+Enter' : 'Ctrl+Enter');
export const saveKeyAria = (mac = isMacPlatform()): string => (mac ? 'Meta+Enter' : 'Control+Enter');

export const isSaveKey = (event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }): boolean =>
  event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;

/**
 * The keys of find in the article, as browsers and e-book readers have them: Ctrl+F (⌘F on macOS)
 * opens the find bar; F3 / Shift+F3 and Ctrl+G / Ctrl+Shift+G (⌘G / ⌘⇧G) go to the next and
 * previous match. They act only while the reader has the focus, so elsewhere in the app Ctrl+F
 * stays the browser's own.
 */

export type FindShortcut = 'open' | 'next' | 'previous';

export const isMacPlatform = (): boolean => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The letter pressed, by its key, else by its place on the keyboard (Ctrl+F on a Cyrillic layout). */
function letterOf(event: KeyboardEvent): string {
  const key = event.key.toLowerCase();
  if (/^[a-z]$/.test(key)) return key;
  return /^Key[A-Z]$/.test(event.code) ? event.code.slice(3).toLowerCase() : key;
}

export function findShortcut(event: KeyboardEvent, mac = isMacPlatform()): FindShortcut | null {
  if (event.altKey) return null;
  if (event.key === 'F3' && !event.ctrlKey && !event.metaKey) return event.shiftKey ? 'previous' : 'next';
  const command = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  if (!command) return null;
  const letter = letterOf(event);
  if (letter === 'f' && !event.shiftKey) return 'open';
  if (letter === 'g') return event.shiftKey ? 'previous' : 'next';
  return null;
}

/** How the shortcut reads on this platform, for hints. */
export const findKeyLabel = (mac = isMacPlatform()): string => (mac ? '⌘F' : 'Ctrl+F');

/**
 * Whether a key press belongs to the reader: focus inside the reader (the article, its toolbars,
 * the bookmarks panel beside `main`, all children of one layout element), or on nothing at all,
 * and no modal dialog open. The app header's library search box is outside.
 */
export function isReaderKey(event: KeyboardEvent, main: HTMLElement | null): boolean {
  if (!main) return false;
  const reader = main.parentElement ?? main;
  const doc = main.ownerDocument;
  if (doc.querySelector('[aria-modal="true"]')) return false;
  const target = event.target;
  if (target === doc.body || target === doc.documentElement || target === doc || target === doc.defaultView) return true;
  return target instanceof Node && reader.contains(target);
}

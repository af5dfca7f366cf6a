/**
 * The desktop shell's "search" command (menu Search Library, Ctrl+K / ⌘K taken by the menu
 * accelerator, and the context menu's Search for “…”): the cursor goes to the search box, with the
 * selected words typed in when there are some.
 */
import type { RefObject } from 'react';
import { useAppCommand } from '../app/use-app-command';

export function useSearchCommand(input: RefObject<HTMLInputElement | null>, change: (query: string) => void, onFocus: () => void): void {
  useAppCommand('search', ({ query }) => {
    // As with the keyboard shortcut: an open dialog keeps the focus.
    if (document.querySelector('[aria-modal="true"]')) return;
    if (query !== undefined) change(query);
    input.current?.focus();
    if (query === undefined) input.current?.select();
    onFocus();
  });
}

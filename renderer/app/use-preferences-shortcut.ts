import { useEffect } from 'react';

/**
 * Ctrl+, / Cmd+, opens Preferences, as in most desktop apps. The desktop app's menu owns that
 * accelerator (and sends the same command), so the page listens only in browser mode.
 */
export function usePreferencesShortcut(enabled: boolean, open: () => void): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== ',' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      if (document.querySelector('[aria-modal="true"]')) return;
      event.preventDefault();
      open();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled, open]);
}

/**
 * A toolbar as WAI-ARIA describes it: one Tab stop (the last button used), the arrow keys move
 * between its buttons (wrapping), Home and End go to the first and last.
 */
import { useState, type KeyboardEvent } from 'react';

const STEPS: Record<string, (at: number, count: number) => number> = {
  ArrowRight: (at, count) => (at + 1) % count,
  ArrowDown: (at, count) => (at + 1) % count,
  ArrowLeft: (at, count) => (at - 1 + count) % count,
  ArrowUp: (at, count) => (at - 1 + count) % count,
  Home: () => 0,
  End: (_at, count) => count - 1,
};

export function useToolbarKeys(initial = 0) {
  const [active, setActive] = useState(initial);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const step = STEPS[event.key];
    if (!step || event.altKey || event.ctrlKey || event.metaKey) return;
    // The toolbar's own buttons, in the order they are shown.
    const buttons = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not([disabled])'));
    const at = buttons.findIndex((button) => button === event.target);
    if (buttons.length === 0) return;
    event.preventDefault();
    const next = step(Math.max(0, at), buttons.length);
    buttons[next]?.focus();
    setActive(next);
  };

  /** The props of the button at `index`: in the Tab order only when it is the active one. */
  const itemProps = (index: number) => ({ tabIndex: index === active ? 0 : -1, onFocus: () => setActive(index) });

  return { onKeyDown, itemProps };
}

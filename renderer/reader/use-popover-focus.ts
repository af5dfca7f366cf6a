/**
 * A pop-up at a place in the text, while it is open: the focus moves in (to the element
 * `focusSelector` finds, or the pop-up itself), and a press outside closes it without moving the
 * focus (the press is not used for anything else).
 */
import { useEffect, useRef, type RefObject } from 'react';

export function usePopoverFocus(box: RefObject<HTMLElement | null>, onClose: (returnFocus: boolean) => void, focusSelector?: string): void {
  const latestClose = useRef(onClose);
  useEffect(() => {
    latestClose.current = onClose;
  });
  useEffect(() => {
    const target = focusSelector ? box.current?.querySelector<HTMLElement>(focusSelector) : box.current;
    target?.focus({ preventScroll: true });
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !box.current?.contains(event.target)) latestClose.current(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [box, focusSelector]);
}

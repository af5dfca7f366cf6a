/**
 * A disclosure (a button that shows and hides a panel: the header menu, the folded reader
 * settings, the bookmarks drawer). Escape closes it and puts focus back on its button; a press
 * outside closes it when `closeOnOutside` (menus do, the drawer does not: people select text in
 * the article while it is open).
 */
import { useCallback, useEffect, useId, useState, type RefObject } from 'react';

export interface Disclosure {
  open: boolean;
  /** ties the button to the panel (`aria-controls`) */
  panelId: string;
  toggle: () => void;
  show: () => void;
  /** `returnFocus`: back to the button, as after Escape or a choice in a menu */
  close: (returnFocus?: boolean) => void;
}

/** The caller owns the refs (on its button and its panel), so they stay plain refs to React. */
export function useDisclosure(
  buttonRef: RefObject<HTMLButtonElement | null>,
  panelRef: RefObject<HTMLElement | null>,
  { closeOnOutside = true }: { closeOnOutside?: boolean } = {},
): Disclosure {
  const [open, setOpen] = useState(false);
  const panelId = useId();

  const close = useCallback(
    (returnFocus = false) => {
      setOpen(false);
      if (returnFocus) buttonRef.current?.focus();
    },
    [buttonRef],
  );
  const toggle = useCallback(() => setOpen((was) => !was), []);
  const show = useCallback(() => setOpen(true), []);

  useEffect(() => {
    if (!open) return;
    // On the document, so it runs before window listeners (the reader's Escape = back) and tells
    // them, through defaultPrevented, that this Escape was used.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (document.querySelector('[aria-modal="true"]')) return;
      // A disclosure open inside this one (Text layout in the folded settings) closes first.
      if (panelRef.current?.querySelector('[aria-expanded="true"]')) return;
      event.preventDefault();
      close(true);
    };
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target;
      if (!(target instanceof Node)) return;
      if (panelRef.current?.contains(target) || buttonRef.current?.contains(target)) return;
      close();
    };
    document.addEventListener('keydown', onKeyDown);
    if (closeOnOutside) document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open, close, closeOnOutside, buttonRef, panelRef]);

  return { open, panelId, toggle, show, close };
}

/**
 * Keeps a fixed-position bar next to its passage (floating-position.ts), measured after each
 * render, so its real size, the window's size and the passage's place decide where it goes.
 * Returns the ref the bar's element carries.
 */
import { useLayoutEffect, useRef } from 'react';
import { placeNear, type ScreenRect } from './floating-position';

export function useFloatingPosition<T extends HTMLElement>(anchor: ScreenRect | null) {
  const bar = useRef<T>(null);
  useLayoutEffect(() => {
    const element = bar.current;
    if (!element || !anchor) return;
    const root = element.ownerDocument.documentElement;
    // The window without its scroll bars: the bar must not sit under one.
    const { top, left } = placeNear(
      anchor,
      { width: element.offsetWidth, height: element.offsetHeight },
      { width: root.clientWidth || window.innerWidth, height: root.clientHeight || window.innerHeight },
    );
    element.style.top = `${Math.round(top)}px`;
    element.style.left = `${Math.round(left)}px`;
  });
  return bar;
}

/**
 * Where a small floating bar goes next to a passage on screen (the selection's colour bar, a
 * highlight's popover): centred on the passage, above it when there is room, else below it, and
 * always wholly inside the window, whatever its size and whichever way the text runs.
 */

export interface ScreenRect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Space kept between the bar and the passage, and between the bar and the window's edges. */
export const FLOAT_GAP = 8;

export function placeNear(anchor: ScreenRect, bar: Size, viewport: Size): { top: number; left: number } {
  const maxLeft = Math.max(FLOAT_GAP, viewport.width - bar.width - FLOAT_GAP);
  const maxTop = Math.max(FLOAT_GAP, viewport.height - bar.height - FLOAT_GAP);
  const centre = (anchor.left + anchor.right) / 2;
  const left = Math.min(maxLeft, Math.max(FLOAT_GAP, centre - bar.width / 2));
  const above = anchor.top - FLOAT_GAP - bar.height;
  const below = anchor.bottom + FLOAT_GAP;
  // Above while it fits in the window, else below; with no room on either side (a passage taller
  // than the window, or one scrolled partly out of it) the window's edge holds it, over the text.
  const top = above >= FLOAT_GAP ? above : below;
  return { top: Math.min(maxTop, Math.max(FLOAT_GAP, top)), left };
}

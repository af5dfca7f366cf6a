/** The page view's zoom: fit the page's width or the whole page to the view, or a scale of its own. */
export interface Zoom {
  fit: 'width' | 'page' | null;
  /** the scale when `fit` is null */
  scale: number;
}

export const MIN_SCALE = 0.25;
export const MAX_SCALE = 5;
const STEP = 1.25;
/** Room around a page inside the view (its margin and the scroll bar). */
const GUTTER = 32;

const clamp = (scale: number): number => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

export function effectiveScale(zoom: Zoom, page: { width: number; height: number }, view: { width: number; height: number }): number {
  if (zoom.fit === null || view.width === 0) return clamp(zoom.scale);
  const width = (view.width - GUTTER) / page.width;
  return clamp(zoom.fit === 'width' ? width : Math.min(width, (view.height - GUTTER) / page.height));
}

/** The zoom after a step in or out (from the scale shown now), or a fit. */
export function nextZoom(current: Zoom, action: 'in' | 'out' | 'fit-width' | 'fit-page'): Zoom {
  if (action === 'fit-width') return { fit: 'width', scale: current.scale };
  if (action === 'fit-page') return { fit: 'page', scale: current.scale };
  return { fit: null, scale: clamp(action === 'in' ? current.scale * STEP : current.scale / STEP) };
}

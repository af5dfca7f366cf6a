/**
 * Remembers the window's size, position and maximized state between runs, and puts it back only
 * where it can be seen: a window saved on a monitor that is gone (or on a layout that changed)
 * comes back on the nearest display that exists, never off-screen.
 */
import type { BrowserWindow, Rectangle } from 'electron';

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

export interface WindowStateStore {
  load(): unknown;
  save(state: WindowState): void;
}

export const DEFAULT_SIZE = { width: 1200, height: 820 } as const;
export const MIN_SIZE = { width: 480, height: 360 } as const;
/** At least this much of the title bar must be on a display for the window to be reachable. */
const MIN_VISIBLE = 64;

const isRectangle = (value: unknown): value is Rectangle =>
  typeof value === 'object' &&
  value !== null &&
  ['x', 'y', 'width', 'height'].every((key) => Number.isFinite((value as Record<string, unknown>)[key]));

/** A stored state, or null when it is missing or not a state at all (a hand-edited file, say). */
export function parseWindowState(raw: unknown): WindowState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { bounds, maximized } = raw as Record<string, unknown>;
  if (!isRectangle(bounds)) return null;
  return { bounds, maximized: maximized === true };
}

const overlap = (a: Rectangle, b: Rectangle): { width: number; height: number } => ({
  width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
  height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
});

const centerOf = (r: Rectangle): { x: number; y: number } => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

/**
 * Where the window should open, given the saved state and the work areas of the displays that
 * exist now (the first is the primary display).
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rectangle[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  if (!saved) return { bounds: centered(DEFAULT_SIZE, primary), maximized: false };

  // The saved title bar still visible on some display: keep the window exactly where it was.
  const titleBar = { ...saved.bounds, height: Math.min(saved.bounds.height, 32) };
  const visible = workAreas.some((area) => {
    const o = overlap(titleBar, area);
    return o.width >= MIN_VISIBLE && o.height > 0;
  });
  if (visible) return { bounds: fitInside(saved.bounds, workAreaContaining(saved.bounds, workAreas) ?? primary, true), maximized: saved.maximized };

  // Otherwise move it onto the display nearest to where it was, at a size that fits there.
  const target = nearest(saved.bounds, workAreas) ?? primary;
  return { bounds: centered(saved.bounds, target), maximized: saved.maximized };
}

function workAreaContaining(bounds: Rectangle, areas: readonly Rectangle[]): Rectangle | undefined {
  let best: Rectangle | undefined;
  let bestArea = 0;
  for (const area of areas) {
    const o = overlap(bounds, area);
    const size = Math.max(0, o.width) * Math.max(0, o.height);
    if (size > bestArea) {
      best = area;
      bestArea = size;
    }
  }
  return best;
}

function nearest(bounds: Rectangle, areas: readonly Rectangle[]): Rectangle | undefined {
  const c = centerOf(bounds);
  let best: Rectangle | undefined;
  let bestDistance = Infinity;
  for (const area of areas) {
    const a = centerOf(area);
    const distance = Math.hypot(a.x - c.x, a.y - c.y);
    if (distance < bestDistance) {
      best = area;
      bestDistance = distance;
    }
  }
  return best;
}

/** The size clamped to the area (and the minimum), optionally keeping the position where it fits. */
function fitInside(bounds: Rectangle, area: Rectangle, keepPosition: boolean): Rectangle {
  const width = Math.max(MIN_SIZE.width, Math.min(bounds.width, area.width));
  const height = Math.max(MIN_SIZE.height, Math.min(bounds.height, area.height));
  if (!keepPosition) return { x: area.x, y: area.y, width, height };
  return { x: bounds.x, y: Math.max(area.y, bounds.y), width, height };
}

function centered(size: { width: number; height: number }, area: Rectangle): Rectangle {
  const { width, height } = fitInside({ x: 0, y: 0, ...size }, area, false);
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width,
    height,
  };
}

/** Saves the state whenever the window settles (debounced) and when it closes. */
export function trackWindowState(window: BrowserWindow, store: WindowStateStore): void {
  let timer: NodeJS.Timeout | undefined;
  const save = (): void => {
    if (window.isDestroyed()) return;
    // The normal bounds, so that un-maximizing next time restores the size the user chose.
    store.save({ bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  };
  const saveSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) {
    window.on(event as 'resize', saveSoon);
  }
  window.on('close', () => {
    clearTimeout(timer);
    save();
  });
}

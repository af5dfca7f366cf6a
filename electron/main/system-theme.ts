/**
 * OS dark mode. The page follows it by itself: Chromium derives `prefers-color-scheme` from
 * `nativeTheme`, and themes.css switches the "System" theme on it, live. What main adds is the
 * window's own background (seen before the first paint and while resizing), kept in step so a
 * dark desktop never flashes white.
 */
import type { BrowserWindow, NativeTheme } from 'electron';

/** The `--bg` of the light and dark themes in renderer/styles/themes.css. */
export const WINDOW_BACKGROUND = { light: '#fbfaf7', dark: '#17181a' } as const;

export const windowBackground = (theme: Pick<NativeTheme, 'shouldUseDarkColors'>): string =>
  theme.shouldUseDarkColors ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light;

/** Keeps the window's background in step with the OS; returns a function that stops. */
export function followSystemTheme(theme: NativeTheme, window: () => BrowserWindow | null): () => void {
  const update = (): void => {
    const current = window();
    if (current && !current.isDestroyed()) current.setBackgroundColor(windowBackground(theme));
  };
  theme.on('updated', update);
  return () => void theme.removeListener('updated', update);
}

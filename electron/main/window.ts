/** Quire's one window. */
import { BrowserWindow, nativeTheme, screen, type BrowserWindowConstructorOptions, type Rectangle } from 'electron';
import { pageUrl, windowIcon, type AppLocations } from './locations';
import { windowBackground } from './system-theme';
import { DEFAULT_SIZE, MIN_SIZE, parseWindowState, placeWindow, trackWindowState, type WindowStateStore } from './window-state';

export function mainWindowOptions(
  locations: AppLocations,
  bounds: Partial<Rectangle> = DEFAULT_SIZE,
): BrowserWindowConstructorOptions {
  const icon = windowIcon(locations);
  return {
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Quire',
    show: false,
    // The OS theme's background until the page paints (see system-theme.ts).
    backgroundColor: windowBackground(nativeTheme),
    ...(icon ? { icon } : {}),
    webPreferences: {
      preload: locations.preload,
      // Checklist #3 "Enable Context Isolation", #4 "Enable process sandboxing",
      // #2 "Do not enable Node.js integration for remote content", #6 "Do not disable webSecurity".
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      // Checklist #9 "Do not enable experimental features", #10 "Do not use enableBlinkFeatures",
      // #11 "Do not use allowpopups" / webviews: none of them is needed.
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/** The work areas of the displays attached now, the primary one first. */
function displayWorkAreas(): Rectangle[] {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((display) => display.id !== primary.id)].map((d) => d.workArea);
}

/**
 * Creates the window where it was last time (if that place is still on a display), shows it once
 * its first paint is ready, and loads our page into it from the `quire-app:` scheme (never
 * file://, see app-protocol.ts).
 */
export function createMainWindow(
  locations: AppLocations,
  log: (message: string, error?: unknown) => void,
  stateStore?: WindowStateStore,
): BrowserWindow {
  const placed = placeWindow(parseWindowState(stateStore?.load()), displayWorkAreas());
  const window = new BrowserWindow(mainWindowOptions(locations, placed.bounds));
  if (stateStore) trackWindowState(window, stateStore);
  window.once('ready-to-show', () => {
    if (placed.maximized) window.maximize();
    window.show();
  });
  window.loadURL(pageUrl()).catch((error: unknown) => log('Quire could not load its window.', error));
  return window;
}

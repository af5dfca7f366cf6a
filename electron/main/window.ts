/** Quire's one window. */
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { windowIcon, type AppLocations } from './locations';

export function mainWindowOptions(locations: AppLocations): BrowserWindowConstructorOptions {
  const icon = windowIcon(locations);
  return {
    width: 1200,
    height: 820,
    minWidth: 480,
    minHeight: 360,
    title: 'Quire',
    show: false,
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

/** Creates the window, shows it once its first paint is ready, and loads our page into it. */
export function createMainWindow(
  locations: AppLocations,
  log: (message: string, error?: unknown) => void,
): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(locations));
  window.once('ready-to-show', () => window.show());
  window.loadFile(locations.rendererIndex).catch((error: unknown) => log('Quire could not load its window.', error));
  return window;
}

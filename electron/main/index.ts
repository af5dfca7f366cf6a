/**
 * The desktop app's main process: lifecycle only. Security, the content protocol and the window
 * live in their own modules; the core does the work.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { app, dialog, ipcMain, nativeTheme, protocol, session, utilityProcess, type BrowserWindow } from 'electron';
import { APP_NAME, cacheDirFor, resolveLibraryDir } from '../core/app-paths';
import { openQuire, type QuireCore } from '../core/open-quire';
import { PREPARED_SAMPLES_FILE } from '../core/library/prepared-samples';
import { createCommandSender } from './commands';
import { handleAppProtocol } from './app-protocol';
import { handleContentProtocol } from './content-protocol';
import { installContextMenu } from './context-menu';
import { createElectronStoreSettings, createWindowStateStore } from './electron-store-adapter';
import { spawnImportHostWith } from './import-host-process';
import { registerImportDialog } from './import-dialog';
import { errorText, followLanguageSetting, mainText } from './interface-language';
import { registerLibraryFolder } from './library-folder';
import { forwardEvents, registerIpcHandlers, trustedSenderOf } from './ipc';
import { appLocations, isOurPage } from './locations';
import { installAppMenu } from './menu';
import { createOpenRequests } from './open-requests';
import { createPageFlusher } from './page-flush';
import { recoverPageWhenItDies } from './page-recovery';
import { registerPrivilegedSchemes } from './privileged-schemes';
import { installSecurity, secureSession } from './security';
import { followSystemTheme } from './system-theme';
import { createMainWindow } from './window';

const log = (message: string, error?: unknown): void => {
  console.error(`[quire] ${message}`, ...(error === undefined ? [] : [error]));
};

const locations = appLocations();

// Same folder whether Electron was started on the project (`electron .`) or on the script
// (`electron out/main/index.js`, which would otherwise name the app "Electron").
app.setName(APP_NAME);
app.setPath('userData', path.join(app.getPath('appData'), APP_NAME));

// Both must happen before the app is ready and before any window exists.
registerPrivilegedSchemes(protocol);
installSecurity(app, { isOurPage, log });

let mainWindow: BrowserWindow | null = null;
let core: Promise<QuireCore> | null = null;
/** true once the core is closed (or never opened): windows may close and the app may quit at once */
let coreClosed = false;
let started = false;
/** Preferences moved the library or chose another: done once the library has closed, before the restart. */
let switchAfterClose: (() => Promise<void>) | null = null;

function showWindow(): void {
  // macOS keeps running without a window: a file or link opened then brings one back.
  if (!mainWindow) {
    if (started) openWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

const isTrustedSender = trustedSenderOf(() => mainWindow, isOurPage);
// Commands wait in main until the page listens, so files and links that arrive before the
// window (macOS open-file, the first launch's argv) are not lost.
const commands = createCommandSender(ipcMain, { window: () => mainWindow, isTrustedSender, log });
// The page saves a note being typed before its window closes and before the core closes.
const pageFlush = createPageFlusher(ipcMain, { window: () => mainWindow, isTrustedSender });
const openRequests = createOpenRequests({
  send: (command) => commands.send(command),
  showWindow,
  isFile: (file) => {
    try {
      return statSync(file).isFile();
    } catch {
      return false;
    }
  },
  log,
});

async function start(): Promise<void> {
  secureSession(session.defaultSession);
  const installMenu = () => installAppMenu({ developer: !app.isPackaged, send: (command) => commands.send(command) });
  // Main's words follow the `language` setting (or the system's languages), and change with it.
  const systemLanguages = () => [app.getLocale(), ...app.getPreferredSystemLanguages()];
  const settings = followLanguageSetting(createElectronStoreSettings(), systemLanguages, installMenu);
  installMenu();

  const userData = app.getPath('userData');
  const libraryDir = resolveLibraryDir(undefined, { userData });
  core = openQuire({
    libraryDir,
    cacheDir: cacheDirFor(userData, libraryDir),
    settings,
    sampleLibraryDir: path.join(locations.resourcesDir, 'sample-library'),
    preparedSamplesFile: path.join(locations.outDir, PREPARED_SAMPLES_FILE),
    // The sample library greets the reader in the interface language.
    systemLanguages: systemLanguages(),
    log,
    // Files are read in a utility process: a file that brings the importer down takes only it.
    spawnImportHost: spawnImportHostWith(utilityProcess, log),
    // The library check in the background and daily backups (libraryHealth reports the check).
    maintenance: true,
  });
  core.catch((error: unknown) => {
    log('The library could not be opened.', error);
    dialog.showErrorBox(mainText('dialog.libraryFailed.title'), `${libraryDir}\n\n${errorText(error)}`);
    coreClosed = true;
    app.quit();
  });
  const openedCore = core;

  handleAppProtocol(protocol, locations.rendererDir, log);
  handleContentProtocol(protocol, () => libraryDir, log);
  registerIpcHandlers(ipcMain, { core: () => openedCore, isTrustedSender, log });
  registerImportDialog(ipcMain, {
    window: () => mainWindow,
    isTrustedSender,
    dialog,
    log,
    // A core that failed to open has said so already (above).
    prepareImport: () => void openedCore.then((quire) => quire.prepareImport(), () => undefined),
  });
  registerLibraryFolder(ipcMain, {
    window: () => mainWindow,
    isTrustedSender,
    dialog,
    libraryDir,
    userData,
    libraryFromEnvironment: Boolean(process.env.QUIRE_LIBRARY),
    log,
    restart: (switchFolder) => {
      switchAfterClose = switchFolder;
      app.relaunch();
      app.quit();
    },
  });
  followSystemTheme(nativeTheme, () => mainWindow);

  openedCore.then((opened) => forwardEvents(opened.events, () => mainWindow)).catch(() => {
    // Reported above, where the core failed to open.
  });

  started = true;
  openWindow();
  // macOS: clicking the dock icon with no window open brings the window back.
  app.on('activate', () => showWindow());
  // "Open with Quire" and `quire FILE`/`quire://…` on the first launch.
  openRequests.openArgv(process.argv, process.cwd());
}

function openWindow(): void {
  const window = createMainWindow(locations, log, createWindowStateStore({}, log));
  mainWindow = window;
  installContextMenu(window.webContents, (command) => commands.send(command));
  recoverPageWhenItDies(window, { dialog, log });
  // Closing the window waits (a bounded time) for the page to save a note being typed. While
  // quitting, before-quit has done that already.
  let flushed = false;
  let asking = false;
  window.on('close', (event) => {
    if (flushed || coreClosed) return;
    event.preventDefault();
    // A second click on the close button while the page saves changes nothing.
    if (asking) return;
    asking = true;
    void pageFlush.flush().then((outcome) => {
      if (outcome === 'timed-out') log('The window closed before its page said it had saved everything.');
      flushed = true;
      if (!window.isDestroyed()) window.close();
    });
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
}

if (!app.requestSingleInstanceLock()) {
  // Another Quire already has the library open: it gets focus (below), this one leaves.
  app.quit();
} else {
  // A second launch hands its files and links to this one, which comes to the front.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    showWindow();
    openRequests.openArgv(argv, workingDirectory);
  });
  // macOS: Finder's "Open With" and quire:// links (may arrive before the app is ready).
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openRequests.openFile(file);
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    openRequests.openLink(url);
  });
  // Only an installed Quire claims quire:// links: a development run must not take them over
  // (electron-builder also declares the scheme in the installers).
  if (app.isPackaged) app.setAsDefaultProtocolClient('quire');
  // macOS convention: the app stays in the dock with no window; elsewhere the last window quits.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Quitting: first the page saves what it holds (a note being typed), then the core closes (it
  // flushes the search index and stops its workers); the app quits once both are done.
  let closing = false;
  app.on('before-quit', (event) => {
    if (coreClosed || !core) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    const openedCore = core;
    pageFlush
      .flush()
      .then((outcome) => {
        if (outcome === 'timed-out') log('Quire quit before its page said it had saved everything.');
        return openedCore;
      })
      .then((opened) => opened.close())
      .catch((error: unknown) => {
        log('The library did not close cleanly.', error);
        // A library that did not close may still be written to: it is not switched.
        switchAfterClose = null;
      })
      .then(() => switchAfterClose?.())
      .catch((error: unknown) => log('The library folder was not changed; Quire opens the library it had.', error))
      .finally(() => {
        coreClosed = true;
        app.quit();
      });
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log('Quire failed to start.', error);
      app.exit(1);
    });
}

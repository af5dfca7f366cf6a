import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FLUSH_DONE_CHANNEL, FLUSH_REQUEST_CHANNEL } from '../../../electron/shared/commands';
import { READER_METHODS } from '../../../electron/shared/contract';
import { fake, type FakeBrowserWindow } from '../../support/fake-electron';
import { createFakeReaderService } from '../../support/fake-reader-service';

const opened = vi.hoisted(() => ({ options: [] as unknown[], closes: 0, fail: null as Error | null, importsPrepared: 0 }));

vi.mock('../../../electron/core/open-quire', () => ({
  openQuire: vi.fn(async (options: unknown) => {
    opened.options.push(options);
    if (opened.fail) throw opened.fail;
    return {
      ...createFakeReaderService(),
      libraryDir: '/lib',
      close: async () => void opened.closes++,
      prepareImport: async () => void opened.importsPrepared++,
    };
  }),
}));
vi.mock('../../../electron/main/electron-store-adapter', () => ({
  createElectronStoreSettings: () => ({ get: () => undefined, set: () => {} }),
  createWindowStateStore: () => ({ load: () => undefined, save: () => {} }),
}));

/** Runs main's top-level code the way Electron does: before `ready`, which comes a turn later. */
async function startApp() {
  vi.resetModules();
  fake.ready = false;
  await import('../../../electron/main/index');
}

async function startedWindow(): Promise<FakeBrowserWindow> {
  await startApp();
  await vi.waitFor(() => expect(fake.BrowserWindow.instances).toHaveLength(1));
  return fake.BrowserWindow.instances[0]!;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

const quitEvent = () => ({ prevented: false, preventDefault() { this.prevented = true; } });

/** What the preload does when main asks it to save: answers with the request's number. */
function answerFlushRequests(window: FakeBrowserWindow): void {
  window.webContents.send.mockImplementation((channel: string, id?: unknown) => {
    if (channel === FLUSH_REQUEST_CHANNEL) {
      fake.ipcMain.emit(FLUSH_DONE_CHANNEL, { sender: window.webContents, senderFrame: window.webContents.mainFrame }, id);
    }
  });
}

const flushRequests = (window: FakeBrowserWindow) =>
  window.webContents.send.mock.calls.filter(([channel]) => channel === FLUSH_REQUEST_CHANNEL);

function onPlatform(platform: NodeJS.Platform): () => void {
  const original = Object.getOwnPropertyDescriptor(process, 'platform')!;
  Object.defineProperty(process, 'platform', { value: platform });
  return () => Object.defineProperty(process, 'platform', original);
}

describe('main process lifecycle', () => {
  beforeEach(() => {
    opened.options = [];
    opened.closes = 0;
    opened.fail = null;
    opened.importsPrepared = 0;
  });

  it('quits at once when another Quire holds the single-instance lock', async () => {
    fake.app.requestSingleInstanceLock.mockReturnValue(false);
    await startApp();
    await flush();
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.BrowserWindow.instances).toHaveLength(0);
    expect(opened.options).toHaveLength(0);
  });

  it('installs security before the window, then serves the page, content, IPC and one window', async () => {
    const window = await startedWindow();
    // The guards were attached when the window's web contents was created.
    expect(window.webContents.setWindowOpenHandler).toHaveBeenCalled();
    expect(fake.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    // Both schemes privileged in one call before ready (the fake refuses anything else).
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(fake.protocol.privileged.map((s) => s.scheme).sort()).toEqual(['quire-app', 'quire-content']);
    // Only article files are readable from another origin (a PDF's original, fetched by the page view).
    expect(fake.protocol.privileged.filter((s) => s.privileges?.corsEnabled).map((s) => s.scheme)).toEqual(['quire-content']);
    // The page's scripts keep their compiled code between starts; article files run no scripts.
    expect(fake.protocol.privileged.filter((s) => s.privileges?.codeCache).map((s) => s.scheme)).toEqual(['quire-app']);
    expect([...fake.protocol.handlers.keys()].sort()).toEqual(['quire-app', 'quire-content']);
    expect(window.loadURL).toHaveBeenCalledWith('quire-app://app/index.html');
    // One handler per contract method, plus the native import dialog and the library folder's two channels.
    expect(fake.ipcMain.handlers.size).toBe(READER_METHODS.length + 3);
    expect(fake.ipcMain.handlers.has('quire-desktop:choose-import')).toBe(true);
    expect(fake.app.setPath).toHaveBeenCalledWith('userData', expect.stringMatching(/Quire$/));
    expect(opened.options[0]).toMatchObject({ cacheDir: expect.stringContaining('.quire-cache') });
  });

  it('starts the import host as the import dialog opens, while the user chooses', async () => {
    const window = await startedWindow();
    fake.dialog.showOpenDialog.mockImplementationOnce(async () => {
      // the dialog is showing: the core was asked to get its import host ready
      await vi.waitFor(() => expect(opened.importsPrepared).toBe(1));
      return { canceled: false, filePaths: ['/docs/a.epub'] };
    });
    const fromOurPage = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    expect(await fake.ipcMain.invoke('quire-desktop:choose-import', fromOurPage, 'files')).toEqual(['/docs/a.epub']);
  });

  it('focuses the existing window when a second instance starts', async () => {
    await startApp();
    await vi.waitFor(() => expect(fake.BrowserWindow.instances).toHaveLength(1));
    const window = fake.BrowserWindow.instances[0]!;
    window.minimized = true;
    fake.app.emit('second-instance', {}, [], '/');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('hands a second launch’s files and a quire:// link to the page once it listens', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quire-open-'));
    writeFileSync(path.join(dir, 'book.md'), '# Book');
    try {
      await startApp();
      await vi.waitFor(() => expect(fake.BrowserWindow.instances).toHaveLength(1));
      const window = fake.BrowserWindow.instances[0]!;
      const sent = vi.fn();
      Object.assign(window.webContents, { send: sent });
      fake.app.emit('second-instance', {}, ['quire', '--some-switch', 'book.md', 'quire://article/abc123?passage=2-8'], dir);
      fake.app.emit('open-url', { preventDefault() {} }, 'quire://article/../../etc');
      // The page has not said it listens yet: nothing is sent.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(sent).not.toHaveBeenCalled();
      fake.ipcMain.emit('quire-command:ready', { sender: window.webContents, senderFrame: window.webContents.mainFrame });
      expect(sent.mock.calls).toEqual([
        ['quire-command', { type: 'open-article', articleId: 'abc123', passage: { start: 2, end: 8 }, annotationId: null }],
        ['quire-command', { type: 'open-files', paths: [path.join(dir, 'book.md')] }],
      ]);
      expect(window.focus).toHaveBeenCalled();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('claims quire:// links only when installed, never for a development run', async () => {
    await startApp();
    await vi.waitFor(() => expect(fake.BrowserWindow.instances).toHaveLength(1));
    expect(fake.app.setAsDefaultProtocolClient).not.toHaveBeenCalled();
  });

  it('asks the page to save, then closes the core, before quitting, once', async () => {
    const window = await startedWindow();
    let pageAnswer: (() => void) | undefined;
    window.webContents.send.mockImplementation((channel: string, id?: unknown) => {
      if (channel !== FLUSH_REQUEST_CHANNEL) return;
      pageAnswer = () => fake.ipcMain.emit(FLUSH_DONE_CHANNEL, { sender: window.webContents, senderFrame: window.webContents.mainFrame }, id);
    });
    const first = quitEvent();
    fake.app.emit('before-quit', first);
    expect(first.prevented).toBe(true);
    await vi.waitFor(() => expect(pageAnswer).toBeDefined());
    // The page is still saving a note: the core stays open.
    await flush();
    expect(opened.closes).toBe(0);
    expect(fake.app.quit).not.toHaveBeenCalled();
    pageAnswer!();
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalled());
    expect(opened.closes).toBe(1);
    const second = quitEvent();
    fake.app.emit('before-quit', second);
    expect(second.prevented).toBe(false);
    expect(opened.closes).toBe(1);
    // Windows close without asking again once the core is closed.
    window.close();
    expect(window.destroyed).toBe(true);
  });

  it('does not wait forever for a page that never answers', async () => {
    const window = await startedWindow();
    vi.useFakeTimers();
    try {
      fake.app.emit('before-quit', quitEvent());
      expect(flushRequests(window)).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(3000);
      expect(opened.closes).toBe(1);
      expect(fake.app.quit).toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('lets the page save before its window closes, asking once however often close is clicked', async () => {
    const window = await startedWindow();
    window.close();
    window.close();
    expect(window.destroyed).toBe(false);
    const requests = flushRequests(window);
    expect(requests).toHaveLength(1);
    fake.ipcMain.emit(FLUSH_DONE_CHANNEL, { sender: window.webContents, senderFrame: window.webContents.mainFrame }, requests[0]![1]);
    await vi.waitFor(() => expect(window.destroyed).toBe(true));
  });

  it('quits when the last window closes, except on macOS', async () => {
    const restore = onPlatform('linux');
    try {
      await startedWindow();
      fake.app.emit('window-all-closed');
      expect(fake.app.quit).toHaveBeenCalled();
    } finally {
      restore();
    }
  });

  it('macOS: closing the last window keeps Quire running, and the dock icon opens a window again', async () => {
    const restore = onPlatform('darwin');
    try {
      const window = await startedWindow();
      answerFlushRequests(window);
      window.close();
      await vi.waitFor(() => expect(window.destroyed).toBe(true));
      expect(fake.app.quit).not.toHaveBeenCalled();
      fake.app.emit('activate');
      expect(fake.BrowserWindow.getAllWindows()).toHaveLength(1);
      const second = fake.BrowserWindow.getAllWindows()[0]!;
      expect(second).not.toBe(window);
      expect(second.loadURL).toHaveBeenCalledWith('quire-app://app/index.html');
      // Activating with a window open only brings it forward.
      fake.app.emit('activate');
      expect(fake.BrowserWindow.instances).toHaveLength(2);
      expect(second.focus).toHaveBeenCalled();
    } finally {
      restore();
    }
  });

  it('reloads a page whose renderer crashed, saying so, and delivers commands sent meanwhile to the new page', async () => {
    const window = await startedWindow();
    const ready = () => fake.ipcMain.emit('quire-command:ready', { sender: window.webContents, senderFrame: window.webContents.mainFrame });
    ready();
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(window.webContents.loadURL).toHaveBeenLastCalledWith('quire-app://app/index.html?recovered=crashed');
    fake.app.emit('open-url', { preventDefault() {} }, 'quire://article/abc123');
    const commandsSent = () => window.webContents.send.mock.calls.filter(([channel]) => channel === 'quire-command');
    expect(commandsSent()).toHaveLength(0);
    ready();
    expect(commandsSent()).toEqual([['quire-command', expect.objectContaining({ type: 'open-article', articleId: 'abc123' })]]);
    // A window closing normally is no crash.
    window.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(window.webContents.loadURL).toHaveBeenCalledTimes(2);
  });

  it('offers to reload a page that stopped responding, and reloads it when asked', async () => {
    const window = await startedWindow();
    window.emit('unresponsive');
    await vi.waitFor(() => expect(window.webContents.loadURL).toHaveBeenLastCalledWith('quire-app://app/index.html?recovered=unresponsive'));
    expect(fake.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(fake.dialog.showMessageBox.mock.calls[0]?.[1]).toMatchObject({ buttons: ['Reload', 'Wait'] });
  });

  it('withdraws the question when the page responds again', async () => {
    const window = await startedWindow();
    let signal: AbortSignal | undefined;
    fake.dialog.showMessageBox.mockImplementation(async (_window: unknown, options: unknown) => {
      signal = (options as { signal: AbortSignal }).signal;
      // Electron answers an aborted box as cancelled (the cancel button: Wait).
      await new Promise((resolve) => signal!.addEventListener('abort', resolve));
      return { response: 1, checkboxChecked: false };
    });
    window.emit('unresponsive');
    window.emit('responsive');
    expect(signal?.aborted).toBe(true);
    await flush();
    expect(window.webContents.loadURL).toHaveBeenCalledTimes(1);
  });

  it('says why and quits when the library cannot be opened', async () => {
    opened.fail = new Error('EACCES: permission denied');
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    await startApp();
    await vi.waitFor(() => expect(fake.dialog.showErrorBox).toHaveBeenCalled());
    expect(fake.dialog.showErrorBox.mock.calls[0]?.[1]).toContain('permission denied');
    expect(fake.app.quit).toHaveBeenCalled();
    expect(consoleError).toHaveBeenCalled();
    consoleError.mockRestore();
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { READER_METHODS } from '../../../electron/shared/contract';
import { fake } from '../../support/fake-electron';
import { createFakeReaderService } from '../../support/fake-reader-service';

const opened = vi.hoisted(() => ({ options: [] as unknown[], closes: 0, fail: null as Error | null }));

vi.mock('../../../electron/core/open-quire', () => ({
  openQuire: vi.fn(async (options: unknown) => {
    opened.options.push(options);
    if (opened.fail) throw opened.fail;
    return { ...createFakeReaderService(), libraryDir: '/lib', close: async () => void opened.closes++ };
  }),
}));
vi.mock('../../../electron/main/electron-store-adapter', () => ({
  createElectronStoreSettings: () => ({ get: () => undefined, set: () => {} }),
  createWindowStateStore: () => ({ load: () => undefined, save: () => {} }),
}));

async function startApp() {
  vi.resetModules();
  await import('../../../electron/main/index');
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('main process lifecycle', () => {
  beforeEach(() => {
    opened.options = [];
    opened.closes = 0;
    opened.fail = null;
  });

  it('quits at once when another Quire holds the single-instance lock', async () => {
    fake.app.requestSingleInstanceLock.mockReturnValue(false);
    await startApp();
    await flush();
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.BrowserWindow.instances).toHaveLength(0);
    expect(opened.options).toHaveLength(0);
  });

  it('installs security before the window, then serves content, IPC and one window', async () => {
    await startApp();
    await vi.waitFor(() => expect(fake.BrowserWindow.instances).toHaveLength(1));
    const window = fake.BrowserWindow.instances[0]!;
    // The guards were attached when the window's web contents was created.
    expect(window.webContents.setWindowOpenHandler).toHaveBeenCalled();
    expect(fake.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(fake.protocol.privileged.map((s) => s.scheme)).toEqual(['quire-content']);
    expect(fake.protocol.handlers.has('quire-content')).toBe(true);
    // One handler per contract method, plus the native import dialog.
    expect(fake.ipcMain.handlers.size).toBe(READER_METHODS.length + 1);
    expect(fake.ipcMain.handlers.has('quire-desktop:choose-import')).toBe(true);
    expect(fake.app.setPath).toHaveBeenCalledWith('userData', expect.stringMatching(/Quire$/));
    expect(opened.options[0]).toMatchObject({ cacheDir: expect.stringContaining('.quire-cache') });
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

  it('closes the core before quitting, once', async () => {
    await startApp();
    await vi.waitFor(() => expect(fake.BrowserWindow.instances).toHaveLength(1));
    const quitEvent = { prevented: false, preventDefault() { this.prevented = true; } };
    fake.app.emit('before-quit', quitEvent);
    expect(quitEvent.prevented).toBe(true);
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalled());
    expect(opened.closes).toBe(1);
    const second = { prevented: false, preventDefault() { this.prevented = true; } };
    fake.app.emit('before-quit', second);
    expect(second.prevented).toBe(false);
    expect(opened.closes).toBe(1);
  });

  it('quits when the last window closes', async () => {
    await startApp();
    await vi.waitFor(() => expect(fake.BrowserWindow.instances).toHaveLength(1));
    fake.app.emit('window-all-closed');
    expect(fake.app.quit).toHaveBeenCalled();
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

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
    expect(fake.ipcMain.handlers.size).toBe(READER_METHODS.length);
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

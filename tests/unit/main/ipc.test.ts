import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { READER_METHODS, ipcChannel } from '../../../electron/shared/contract';
import { registerIpcHandlers, trustedSenderOf } from '../../../electron/main/ipc';
import { isOurPage, pageUrl } from '../../../electron/main/locations';
import { fake, FakeFrame, FakeWebContents } from '../../support/fake-electron';
import { createFakeReaderService } from '../../support/fake-reader-service';

const ourUrl = pageUrl();

async function setup() {
  const service = createFakeReaderService();
  const window = new fake.BrowserWindow();
  await window.loadURL(pageUrl());
  const log = vi.fn();
  const unregister = registerIpcHandlers(fake.ipcMain as unknown as IpcMain, {
    core: async () => service,
    isTrustedSender: trustedSenderOf(
      () => window as unknown as BrowserWindow,
      isOurPage,
    ),
    log,
  });
  const fromOurPage = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
  return { service, window, log, unregister, fromOurPage };
}

const invoke = (event: unknown, method: string, ...args: unknown[]) =>
  fake.ipcMain.invoke(`quire:${method}`, event as IpcMainInvokeEvent, ...args);

describe('IPC handler table', () => {
  it('registers exactly one handler per contract method, on its quire: channel', async () => {
    const { unregister } = await setup();
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(READER_METHODS.map(ipcChannel).sort());
    expect(fake.ipcMain.handle).toHaveBeenCalledTimes(READER_METHODS.length);
    unregister();
    expect(fake.ipcMain.handlers.size).toBe(0);
  });

  it('answers our own page with the core’s result in a Result envelope', async () => {
    const { service, fromOurPage } = await setup();
    const result = await invoke(fromOurPage, 'getArticle', 'a1b2c3d4e5f60718');
    expect(result).toMatchObject({ ok: true, value: { id: 'a1b2c3d4e5f60718' } });
    expect(service.getArticle).toHaveBeenCalledWith('a1b2c3d4e5f60718');
  });

  it('refuses a subframe of our window with forbidden, without calling the core', async () => {
    const { service, window } = await setup();
    const subframe = new FakeFrame(ourUrl, window.webContents.mainFrame);
    const result = await invoke({ sender: window.webContents, senderFrame: subframe }, 'listArticles');
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(service.listArticles).not.toHaveBeenCalled();
  });

  it('refuses another web contents, even one showing our page', async () => {
    const { service } = await setup();
    const other = new FakeWebContents(ourUrl);
    const result = await invoke({ sender: other, senderFrame: other.mainFrame }, 'listArticles');
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(service.listArticles).not.toHaveBeenCalled();
  });

  it('refuses our window once it shows a page that is not ours', async () => {
    const { service, window, fromOurPage } = await setup();
    window.webContents.mainFrame.url = 'https://evil.example/';
    expect(await invoke(fromOurPage, 'getSettings')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    window.webContents.mainFrame.url = 'file:///tmp/elsewhere/index.html';
    expect(await invoke(fromOurPage, 'getSettings')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(service.getSettings).not.toHaveBeenCalled();
  });

  it('refuses a frame that is gone and a window that was closed', async () => {
    const { window, fromOurPage } = await setup();
    expect(await invoke({ sender: window.webContents, senderFrame: null }, 'listTrash')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    window.close();
    expect(await invoke(fromOurPage, 'listTrash')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('accepts our page whatever its hash (client-side routes)', async () => {
    const { fromOurPage, window } = await setup();
    window.webContents.mainFrame.url = `${ourUrl}#/article/a1b2c3d4e5f60718`;
    expect(await invoke(fromOurPage, 'listTrash')).toEqual({ ok: true, value: [] });
  });

  it('answers bad arguments with invalid-argument, without calling the core', async () => {
    const { service, fromOurPage } = await setup();
    const badId = await invoke(fromOurPage, 'getArticle', '../../etc/passwd');
    expect(badId).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const missing = await invoke(fromOurPage, 'setProgress', 'a1b2c3d4e5f60718');
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const extra = await invoke(fromOurPage, 'listArticles', 'surprise');
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(service.getArticle).not.toHaveBeenCalled();
    expect(service.setProgress).not.toHaveBeenCalled();
    expect(service.listArticles).not.toHaveBeenCalled();
  });

  it('reports an unexpected failure as internal, with no details, and logs it', async () => {
    const { service, fromOurPage, log } = await setup();
    service.listArticles.mockRejectedValueOnce(new Error('EACCES: /home/someone/secret'));
    const result = await invoke(fromOurPage, 'listArticles');
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('/home/someone');
    expect(log).toHaveBeenCalled();
  });
});


describe('IPC events', () => {
  it('sends every core event to our window on its channel, and nothing once the window is gone', async () => {
    const { EventHub } = await import('../../../electron/core/events');
    const { forwardEvents } = await import('../../../electron/main/ipc');
    const hub = new EventHub(() => {});
    const send = vi.fn();
    let window: { isDestroyed: () => boolean; webContents: { send: typeof send } } | null = {
      isDestroyed: () => false,
      webContents: { send },
    };
    const stop = forwardEvents(hub, () => window as unknown as BrowserWindow);
    const progress = { jobId: 'j', done: 1, total: 2, current: null, reading: null, elapsedMs: 5, remainingMs: 5, counts: { imported: 1, duplicates: 0, failed: 0, skipped: 0 } };
    hub.emit('import-progress', progress);
    expect(send).toHaveBeenCalledWith('quire-event:import-progress', progress);

    window = null;
    hub.emit('import-progress', progress);
    stop();
    window = { isDestroyed: () => false, webContents: { send } };
    hub.emit('import-progress', progress);
    expect(send).toHaveBeenCalledTimes(1);
  });
});

import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, IpcMain } from 'electron';
import { trustedSenderOf } from '../../../electron/main/ipc';
import { isOurPage, pageUrl } from '../../../electron/main/locations';
import { createPageFlusher } from '../../../electron/main/page-flush';
import { FLUSH_DONE_CHANNEL, FLUSH_REQUEST_CHANNEL } from '../../../electron/shared/commands';
import { fake, FakeWebContents } from '../../support/fake-electron';

async function setup() {
  const window = new fake.BrowserWindow();
  await window.loadURL(pageUrl());
  let current: typeof window | null = window;
  const flusher = createPageFlusher(fake.ipcMain as unknown as IpcMain, {
    window: () => current as unknown as BrowserWindow | null,
    isTrustedSender: trustedSenderOf(() => current as unknown as BrowserWindow | null, isOurPage),
    timeoutMs: 3000,
  });
  const requestId = () => window.webContents.send.mock.calls.find(([channel]) => channel === FLUSH_REQUEST_CHANNEL)?.[1];
  return { window, flusher, requestId, closeWindow: () => (current = null) };
}

describe('asking the page to save before closing', () => {
  it('resolves when our page answers with the request’s number', async () => {
    const { window, flusher, requestId } = await setup();
    const outcome = flusher.flush();
    fake.ipcMain.emit(FLUSH_DONE_CHANNEL, { sender: window.webContents, senderFrame: window.webContents.mainFrame }, requestId());
    await expect(outcome).resolves.toBe('flushed');
  });

  it('ignores an answer from another frame or with another number, and gives up after the time limit', async () => {
    vi.useFakeTimers();
    try {
      const { window, flusher, requestId } = await setup();
      const outcome = flusher.flush();
      const stranger = new FakeWebContents(pageUrl());
      fake.ipcMain.emit(FLUSH_DONE_CHANNEL, { sender: stranger, senderFrame: stranger.mainFrame }, requestId());
      fake.ipcMain.emit(FLUSH_DONE_CHANNEL, { sender: window.webContents, senderFrame: window.webContents.mainFrame }, 999);
      await vi.advanceTimersByTimeAsync(2999);
      let settled = false;
      void outcome.then(() => (settled = true));
      await vi.advanceTimersByTimeAsync(0);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await expect(outcome).resolves.toBe('timed-out');
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not ask when there is no window', async () => {
    const { window, flusher, closeWindow } = await setup();
    closeWindow();
    await expect(flusher.flush()).resolves.toBe('no-page');
    expect(window.webContents.send).not.toHaveBeenCalled();
  });
});

import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, IpcMain } from 'electron';
import { COMMAND_CHANNEL, COMMANDS_READY_CHANNEL } from '../../../electron/shared/commands';
import { createCommandSender } from '../../../electron/main/commands';
import { trustedSenderOf } from '../../../electron/main/ipc';
import { isOurPage, pageUrl } from '../../../electron/main/locations';
import { fake, FakeFrame, FakeWebContents } from '../../support/fake-electron';


async function setup() {
  const window = new fake.BrowserWindow();
  await window.loadURL(pageUrl());
  const sendSpy = vi.fn();
  Object.assign(window.webContents, { send: sendSpy });
  const log = vi.fn();
  const commands = createCommandSender(fake.ipcMain as unknown as IpcMain, {
    window: () => window as unknown as BrowserWindow,
    isTrustedSender: trustedSenderOf(() => window as unknown as BrowserWindow, isOurPage),
    log,
  });
  const ready = (sender: FakeWebContents = window.webContents, frame: FakeFrame = sender.mainFrame) =>
    fake.ipcMain.emit(COMMANDS_READY_CHANNEL, { sender, senderFrame: frame });
  return { window, sendSpy, log, commands, ready };
}

describe('commands main → renderer', () => {
  it('holds commands until our page listens, then delivers them in order on the one channel', async () => {
    const { commands, sendSpy, ready } = await setup();
    commands.send({ type: 'open-files', paths: ['/a.epub'] });
    commands.send({ type: 'search' });
    expect(sendSpy).not.toHaveBeenCalled();
    ready();
    expect(sendSpy.mock.calls).toEqual([
      [COMMAND_CHANNEL, { type: 'open-files', paths: ['/a.epub'] }],
      [COMMAND_CHANNEL, { type: 'search' }],
    ]);
    commands.send({ type: 'preferences' });
    expect(sendSpy).toHaveBeenLastCalledWith(COMMAND_CHANNEL, { type: 'preferences' });
    // A second "ready" (another subscriber) delivers nothing twice.
    ready();
    expect(sendSpy).toHaveBeenCalledTimes(3);
  });

  it('waits again after a reload, until the new page listens', async () => {
    const { window, commands, sendSpy, ready } = await setup();
    ready();
    window.webContents.emit('did-start-loading');
    commands.send({ type: 'import-files' });
    expect(sendSpy).not.toHaveBeenCalled();
    ready();
    expect(sendSpy).toHaveBeenCalledWith(COMMAND_CHANNEL, { type: 'import-files' });
  });

  it('holds commands from the moment the page crashes, before any reload starts', async () => {
    const { window, commands, sendSpy, ready } = await setup();
    ready();
    window.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    commands.send({ type: 'open-files', paths: ['/a.epub'] });
    expect(sendSpy).not.toHaveBeenCalled();
    ready();
    expect(sendSpy).toHaveBeenCalledWith(COMMAND_CHANNEL, { type: 'open-files', paths: ['/a.epub'] });
  });

  it('ignores "ready" from a subframe or another web contents', async () => {
    const { window, commands, sendSpy, ready, log } = await setup();
    ready(window.webContents, new FakeFrame(window.webContents.mainFrame.url, window.webContents.mainFrame));
    const other = new FakeWebContents(window.webContents.mainFrame.url);
    ready(other);
    commands.send({ type: 'search' });
    expect(sendSpy).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledTimes(2);
  });

  it('keeps only the latest commands while nobody listens', async () => {
    const { commands, sendSpy, ready } = await setup();
    for (let i = 0; i < 30; i += 1) commands.send({ type: 'search', query: String(i) });
    ready();
    expect(sendSpy).toHaveBeenCalledTimes(20);
    expect(sendSpy.mock.calls[0]?.[1]).toEqual({ type: 'search', query: '10' });
  });

  it('stops listening when disposed', async () => {
    const { commands } = await setup();
    commands.dispose();
    expect(fake.ipcMain.listenerCount(COMMANDS_READY_CHANNEL)).toBe(0);
  });
});

import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, Dialog, IpcMain } from 'electron';
import { CHOOSE_IMPORT_CHANNEL } from '../../../electron/shared/commands';
import { importDialogOptions, registerImportDialog } from '../../../electron/main/import-dialog';
import { trustedSenderOf } from '../../../electron/main/ipc';
import { isOurPage, pageUrl } from '../../../electron/main/locations';
import { fake, FakeWebContents } from '../../support/fake-electron';


async function setup() {
  const window = new fake.BrowserWindow();
  await window.loadURL(pageUrl());
  const log = vi.fn();
  const prepareImport = vi.fn();
  registerImportDialog(fake.ipcMain as unknown as IpcMain, {
    window: () => window as unknown as BrowserWindow,
    isTrustedSender: trustedSenderOf(() => window as unknown as BrowserWindow, isOurPage),
    dialog: fake.dialog as unknown as Dialog,
    log,
    prepareImport,
  });
  const fromOurPage = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
  return { window, log, fromOurPage, prepareImport };
}

describe('native import dialog', () => {
  it('offers the importable types for files, and a folder picker', () => {
    const files = importDialogOptions('files');
    expect(files.properties).toEqual(['openFile', 'multiSelections']);
    expect(files.filters?.[0]?.extensions).toEqual(['epub', 'pdf', 'html', 'htm', 'xhtml', 'md', 'markdown', 'txt']);
    expect(importDialogOptions('folder').properties).toEqual(['openDirectory']);
  });

  it('shows the dialog over our window and answers with the chosen paths, the import host started as it opens', async () => {
    const { window, fromOurPage, prepareImport } = await setup();
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/docs/a.epub', '/docs/b.md'] });
    const paths = await fake.ipcMain.invoke(CHOOSE_IMPORT_CHANNEL, fromOurPage, 'files');
    expect(paths).toEqual(['/docs/a.epub', '/docs/b.md']);
    expect(fake.dialog.showOpenDialog).toHaveBeenCalledWith(window, importDialogOptions('files'));
    expect(prepareImport).toHaveBeenCalledTimes(1);
    expect(prepareImport.mock.invocationCallOrder[0]).toBeLessThan(fake.dialog.showOpenDialog.mock.invocationCallOrder[0]!);
  });

  it('answers [] when cancelled, for an unknown kind, or to a stranger (without showing anything)', async () => {
    const { fromOurPage, log, prepareImport } = await setup();
    expect(await fake.ipcMain.invoke(CHOOSE_IMPORT_CHANNEL, fromOurPage, 'folder')).toEqual([]);
    expect(await fake.ipcMain.invoke(CHOOSE_IMPORT_CHANNEL, fromOurPage, 'anything')).toEqual([]);
    const other = new FakeWebContents(fromOurPage.senderFrame.url);
    expect(await fake.ipcMain.invoke(CHOOSE_IMPORT_CHANNEL, { sender: other, senderFrame: other.mainFrame }, 'files')).toEqual([]);
    expect(fake.dialog.showOpenDialog).toHaveBeenCalledTimes(1);
    // only for the dialog that showed: nothing starts for an unknown kind or a stranger
    expect(prepareImport).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('Refused the import dialog'));
  });
});

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserWindow, Dialog, IpcMain } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveLibraryDir } from '../../../electron/core/app-paths';
import { trustedSenderOf } from '../../../electron/main/ipc';
import { libraryDialogOptions, registerLibraryFolder } from '../../../electron/main/library-folder';
import { isOurPage, pageUrl } from '../../../electron/main/locations';
import { CHANGE_LIBRARY_FOLDER_CHANNEL, LIBRARY_FOLDER_CHANNEL } from '../../../electron/shared/commands';
import { fake, FakeWebContents } from '../../support/fake-electron';

let root: string;
let libraryDir: string;
let userData: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'quire-library-folder-'));
  libraryDir = path.join(root, 'library');
  userData = path.join(root, 'userData');
  mkdirSync(path.join(libraryDir, 'articles', 'a1b2c3d4e5f60718'), { recursive: true });
  writeFileSync(path.join(libraryDir, 'quire-library.json'), '{}\n');
  writeFileSync(path.join(libraryDir, 'articles', 'a1b2c3d4e5f60718', 'text.txt'), 'Rivers.\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function setup({ libraryFromEnvironment = false } = {}) {
  const window = new fake.BrowserWindow();
  await window.loadURL(pageUrl());
  const log = vi.fn();
  const switches: Array<() => Promise<void>> = [];
  registerLibraryFolder(fake.ipcMain as unknown as IpcMain, {
    window: () => window as unknown as BrowserWindow,
    isTrustedSender: trustedSenderOf(() => window as unknown as BrowserWindow, isOurPage),
    dialog: fake.dialog as unknown as Dialog,
    libraryDir,
    userData,
    libraryFromEnvironment,
    log,
    restart: (switchFolder) => switches.push(switchFolder),
  });
  const fromOurPage = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
  const pick = (folder: string) => fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [folder] });
  return { window, log, switches, fromOurPage, pick };
}

describe('the library folder in Preferences', () => {
  it('tells our page where the library is, and a stranger nothing', async () => {
    const { fromOurPage } = await setup();
    expect(await fake.ipcMain.invoke(LIBRARY_FOLDER_CHANNEL, fromOurPage)).toBe(libraryDir);
    const other = new FakeWebContents(fromOurPage.senderFrame.url);
    expect(await fake.ipcMain.invoke(LIBRARY_FOLDER_CHANNEL, { sender: other, senderFrame: other.mainFrame })).toBe('');
  });

  it('moves: copies into the chosen folder over our window, restarts, and once closed remembers the new folder', async () => {
    const { window, switches, fromOurPage, pick } = await setup();
    const target = path.join(root, 'Sync', 'Quire');
    pick(target);
    expect(await fake.ipcMain.invoke(CHANGE_LIBRARY_FOLDER_CHANNEL, fromOurPage, 'move')).toEqual({ status: 'restarting', libraryDir: target });
    expect(fake.dialog.showOpenDialog).toHaveBeenCalledWith(window, libraryDialogOptions('move'));
    expect(readFileSync(path.join(target, 'articles', 'a1b2c3d4e5f60718', 'text.txt'), 'utf8')).toBe('Rivers.\n');
    // Not switched before the library closed: the app would open the old one if it stopped now.
    expect(resolveLibraryDir(undefined, { env: {}, userData })).toBe(path.join(userData, 'library'));
    expect(switches).toHaveLength(1);
    // Written after the copy, before the library closed: the last pass takes it over.
    writeFileSync(path.join(libraryDir, 'articles', 'a1b2c3d4e5f60718', 'note.json'), '{"late":true}\n');
    await switches[0]!();
    expect(readFileSync(path.join(target, 'articles', 'a1b2c3d4e5f60718', 'note.json'), 'utf8')).toBe('{"late":true}\n');
    expect(resolveLibraryDir(undefined, { env: {}, userData })).toBe(target);
  });

  it('opens a library another machine made; refuses a folder that is none, and changes nothing', async () => {
    const { switches, fromOurPage, pick } = await setup();
    const plain = path.join(root, 'photos');
    mkdirSync(plain);
    pick(plain);
    expect(await fake.ipcMain.invoke(CHANGE_LIBRARY_FOLDER_CHANNEL, fromOurPage, 'open')).toEqual({
      status: 'refused',
      reason: 'That folder is not a Quire library (it has no quire-library.json).',
      sentence: { id: 'core.library.notLibrary', values: { manifest: 'quire-library.json' } },
    });
    expect(switches).toHaveLength(0);
    const laptop = path.join(root, 'laptop');
    mkdirSync(laptop);
    writeFileSync(path.join(laptop, 'quire-library.json'), '{}\n');
    pick(laptop);
    expect(await fake.ipcMain.invoke(CHANGE_LIBRARY_FOLDER_CHANNEL, fromOurPage, 'open')).toEqual({ status: 'restarting', libraryDir: laptop });
    await switches[0]!();
    expect(resolveLibraryDir(undefined, { env: {}, userData })).toBe(laptop);
  });

  it('cancelled, refused into the library itself, or asked by a stranger: nothing is copied or switched', async () => {
    const { switches, fromOurPage, pick, log } = await setup();
    expect(await fake.ipcMain.invoke(CHANGE_LIBRARY_FOLDER_CHANNEL, fromOurPage, 'move')).toEqual({ status: 'cancelled' });
    pick(path.join(libraryDir, 'inside'));
    expect(await fake.ipcMain.invoke(CHANGE_LIBRARY_FOLDER_CHANNEL, fromOurPage, 'move')).toMatchObject({ status: 'refused', reason: expect.stringMatching(/inside the library/) });
    expect(existsSync(path.join(libraryDir, 'inside'))).toBe(false);
    const other = new FakeWebContents(fromOurPage.senderFrame.url);
    expect(await fake.ipcMain.invoke(CHANGE_LIBRARY_FOLDER_CHANNEL, { sender: other, senderFrame: other.mainFrame }, 'move')).toEqual({ status: 'cancelled' });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('Refused a library folder change'));
    expect(switches).toHaveLength(0);
  });

  it('says so when QUIRE_LIBRARY chose the library, without a dialog', async () => {
    const { fromOurPage } = await setup({ libraryFromEnvironment: true });
    expect(await fake.ipcMain.invoke(CHANGE_LIBRARY_FOLDER_CHANNEL, fromOurPage, 'move')).toMatchObject({ status: 'refused', reason: expect.stringMatching(/QUIRE_LIBRARY/) });
    expect(fake.dialog.showOpenDialog).not.toHaveBeenCalled();
  });
});

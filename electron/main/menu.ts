/**
 * The application menu: Electron's standard roles where they exist (so each platform gets its
 * usual items and shortcuts), plus Quire's own items, which send a command to the page. Every
 * label comes from the catalogs in the interface language (Electron's own role labels are English
 * outside macOS); `installAppMenu` runs again when the language changes.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../shared/commands';
import { mainText as t } from './interface-language';

export interface AppMenuOptions {
  platform?: NodeJS.Platform;
  /** reload and developer tools, for `npm start` only */
  developer?: boolean;
  send: (command: AppCommand) => void;
}

/** A menu item that sends a command to the page; its id is the command's type (tests click it by id). */
export const commandItem = (
  send: (command: AppCommand) => void,
  label: string,
  command: AppCommand,
  accelerator?: string,
): MenuItemConstructorOptions => ({ id: command.type, label, ...(accelerator ? { accelerator } : {}), click: () => send(command) });

/** Undo … Select All, labelled in the interface language: the Edit menu and a text field's context menu. */
export function editItems(): MenuItemConstructorOptions[] {
  const separator = { type: 'separator' } as const;
  return [
    { role: 'undo', label: t('menu.undo') },
    { role: 'redo', label: t('menu.redo') },
    separator,
    { role: 'cut', label: t('menu.cut') },
    { role: 'copy', label: t('menu.copy') },
    { role: 'paste', label: t('menu.paste') },
    separator,
    { role: 'selectAll', label: t('menu.selectAll') },
  ];
}

export function appMenuTemplate({ platform = process.platform, developer = false, send }: AppMenuOptions): MenuItemConstructorOptions[] {
  const item = (label: string, command: AppCommand, accelerator?: string) => commandItem(send, label, command, accelerator);
  const preferencesItem = () => item(t('menu.preferences'), { type: 'preferences' }, 'CmdOrCtrl+,');
  const mac = platform === 'darwin';
  const separator = { type: 'separator' } as const;

  const appMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    submenu: [
      { role: 'about', label: t('menu.about') },
      separator,
      preferencesItem(),
      separator,
      { role: 'services', label: t('menu.services') },
      separator,
      { role: 'hide', label: t('menu.hide') },
      { role: 'hideOthers', label: t('menu.hideOthers') },
      { role: 'unhide', label: t('menu.showAll') },
      separator,
      { role: 'quit', label: t('menu.quit') },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    role: 'fileMenu',
    label: t('menu.file'),
    submenu: [
      item(t('menu.importFiles'), { type: 'import-files' }, 'CmdOrCtrl+O'),
      item(t('menu.importFolder'), { type: 'import-folder' }, 'CmdOrCtrl+Shift+O'),
      item(t('menu.importUrl'), { type: 'import-url' }),
      separator,
      item(t('menu.searchLibrary'), { type: 'search' }, 'CmdOrCtrl+K'),
      // macOS keeps Preferences in the app menu; elsewhere it lives under File.
      ...(mac ? [] : [separator, preferencesItem()]),
      separator,
      mac ? { role: 'close' as const, label: t('menu.closeWindow') } : { role: 'quit' as const, label: t('menu.quit') },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    role: 'viewMenu',
    label: t('menu.view'),
    submenu: [
      ...(developer
        ? [{ role: 'reload' as const, label: t('menu.reload') }, { role: 'toggleDevTools' as const, label: t('menu.developerTools') }, separator]
        : []),
      { role: 'resetZoom', label: t('menu.actualSize') },
      { role: 'zoomIn', label: t('menu.zoomIn') },
      { role: 'zoomOut', label: t('menu.zoomOut') },
      separator,
      { role: 'togglefullscreen', label: t('menu.fullScreen') },
    ],
  };

  // No links to the web here: Quire makes no network use the user did not ask for.
  const helpMenu: MenuItemConstructorOptions = { role: 'help', label: t('menu.help'), submenu: mac ? [] : [{ role: 'about', label: t('menu.about') }] };

  const editMenu: MenuItemConstructorOptions = {
    role: 'editMenu',
    label: t('menu.edit'),
    submenu: editItems(),
  };

  const windowMenu: MenuItemConstructorOptions = {
    role: 'windowMenu',
    label: t('menu.window'),
    submenu: [
      { role: 'minimize', label: t('menu.minimize') },
      { role: 'zoom', label: t('menu.zoom') },
      ...(mac ? [separator, { role: 'front' as const, label: t('menu.bringAllToFront') }] : [{ role: 'close' as const, label: t('menu.closeWindow') }]),
    ],
  };

  return [
    ...(mac ? [appMenu] : []),
    fileMenu,
    editMenu,
    viewMenu,
    windowMenu,
    ...(mac ? [] : [helpMenu]),
  ];
}

export function installAppMenu(options: AppMenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(options)));
}

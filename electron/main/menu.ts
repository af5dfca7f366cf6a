/**
 * The application menu: Electron's standard roles where they exist (so each platform gets its
 * usual items and shortcuts), plus Quire's own items, which send a command to the page.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../shared/commands';

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

export function appMenuTemplate({ platform = process.platform, developer = false, send }: AppMenuOptions): MenuItemConstructorOptions[] {
  const item = (label: string, command: AppCommand, accelerator?: string) => commandItem(send, label, command, accelerator);
  const preferencesItem = () => item('Preferences…', { type: 'preferences' }, 'CmdOrCtrl+,');
  const mac = platform === 'darwin';
  const separator = { type: 'separator' } as const;

  const appMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    submenu: [
      { role: 'about' },
      separator,
      preferencesItem(),
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    role: 'fileMenu',
    submenu: [
      item('Import Files…', { type: 'import-files' }, 'CmdOrCtrl+O'),
      item('Import Folder…', { type: 'import-folder' }, 'CmdOrCtrl+Shift+O'),
      item('Import from URL…', { type: 'import-url' }),
      separator,
      item('Search Library', { type: 'search' }, 'CmdOrCtrl+K'),
      // macOS keeps Preferences in the app menu; elsewhere it lives under File.
      ...(mac ? [] : [separator, preferencesItem()]),
      separator,
      mac ? { role: 'close' as const } : { role: 'quit' as const },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    role: 'viewMenu',
    submenu: [
      ...(developer ? [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, separator] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };

  // No links to the web here: Quire makes no network use the user did not ask for.
  const helpMenu: MenuItemConstructorOptions = { role: 'help', submenu: mac ? [] : [{ role: 'about' }] };

  return [
    ...(mac ? [appMenu] : []),
    fileMenu,
    { role: 'editMenu' },
    viewMenu,
    { role: 'windowMenu' },
    ...(mac ? [] : [helpMenu]),
  ];
}

export function installAppMenu(options: AppMenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(options)));
}

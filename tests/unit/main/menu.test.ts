import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { AppCommand } from '../../../electron/shared/commands';
import { appMenuTemplate, installAppMenu } from '../../../electron/main/menu';
import { fake } from '../../support/fake-electron';

type Item = MenuItemConstructorOptions;
const submenuOf = (item: Item | undefined): Item[] => (Array.isArray(item?.submenu) ? item.submenu : []);
const byLabel = (items: Item[], label: string): Item | undefined => items.find((item) => item.label === label);
const roles = (items: Item[]): (string | undefined)[] => items.map((item) => item.role);

function click(item: Item | undefined): void {
  (item?.click as (() => void) | undefined)?.();
}

describe('application menu', () => {
  it('has the usual menus per platform: the app menu on macOS, Help elsewhere', () => {
    const send = vi.fn();
    expect(roles(appMenuTemplate({ platform: 'linux', send }))).toEqual(['fileMenu', 'editMenu', 'viewMenu', 'windowMenu', 'help']);
    expect(roles(appMenuTemplate({ platform: 'darwin', send }))).toEqual(['appMenu', 'fileMenu', 'editMenu', 'viewMenu', 'windowMenu']);
  });

  it('sends Quire’s own items to the page as commands, with their shortcuts', () => {
    const sent: AppCommand[] = [];
    const file = submenuOf(appMenuTemplate({ platform: 'win32', send: (c) => sent.push(c) })[0]);
    const expected: [string, string | undefined, AppCommand][] = [
      ['Import Files…', 'CmdOrCtrl+O', { type: 'import-files' }],
      ['Import Folder…', 'CmdOrCtrl+Shift+O', { type: 'import-folder' }],
      ['Import from URL…', undefined, { type: 'import-url' }],
      ['Search Library', 'CmdOrCtrl+K', { type: 'search' }],
      ['Preferences…', 'CmdOrCtrl+,', { type: 'preferences' }],
    ];
    for (const [label, accelerator, command] of expected) {
      const item = byLabel(file, label);
      expect(item?.accelerator, label).toBe(accelerator);
      click(item);
      expect(sent.at(-1)).toEqual(command);
    }
    expect(file.at(-1)?.role).toBe('quit');
  });

  it('puts Preferences in the app menu on macOS, and File ends with Close', () => {
    const send = vi.fn();
    const [appMenu, fileMenu] = appMenuTemplate({ platform: 'darwin', send });
    expect(byLabel(submenuOf(appMenu), 'Preferences…')?.accelerator).toBe('CmdOrCtrl+,');
    expect(byLabel(submenuOf(fileMenu), 'Preferences…')).toBeUndefined();
    expect(submenuOf(fileMenu).at(-1)?.role).toBe('close');
  });

  it('has zoom and full screen in View, reload and developer tools only for development', () => {
    const send = vi.fn();
    const view = (developer: boolean) => roles(submenuOf(appMenuTemplate({ platform: 'linux', developer, send })[2]));
    expect(view(false)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', undefined, 'togglefullscreen']);
    expect(view(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('is installed as the application menu', () => {
    installAppMenu({ platform: 'win32', send: vi.fn() });
    const built = fake.Menu.buildFromTemplate.mock.results[0]?.value as unknown;
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalledWith(built);
  });
});

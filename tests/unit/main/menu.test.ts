import { describe, expect, it } from 'vitest';
import { appMenuTemplate, installAppMenu } from '../../../electron/main/menu';
import { fake } from '../../support/fake-electron';

describe('application menu', () => {
  it('is built from standard roles, with the app menu on macOS only', () => {
    expect(appMenuTemplate('linux').map((item) => item.role)).toEqual(['fileMenu', 'editMenu', 'viewMenu', 'windowMenu']);
    expect(appMenuTemplate('darwin')[0]?.role).toBe('appMenu');
  });

  it('is installed as the application menu', () => {
    installAppMenu('win32');
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalledWith({ template: appMenuTemplate('win32') });
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { appLocations } from '../../../electron/main/locations';
import { createMainWindow, mainWindowOptions } from '../../../electron/main/window';
import { type fake } from '../../support/fake-electron';

const locations = appLocations('/opt/quire/out/main/index.js');

describe('main window', () => {
  it('isolates and sandboxes the renderer, with Node and webviews off', () => {
    const { webPreferences } = mainWindowOptions(locations);
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
    expect(webPreferences?.preload).toBe('/opt/quire/out/preload/index.cjs');
  });

  it('loads our page from the quire-app: scheme, never file://, and shows the window only when it is ready', async () => {
    const window = createMainWindow(locations, vi.fn()) as unknown as InstanceType<typeof fake.BrowserWindow>;
    expect(window.loadURL).toHaveBeenCalledWith('quire-app://app/index.html');
    expect(window.options).toMatchObject({ show: false });
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('uses the icon from resources when there is one', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'quire-window-'));
    try {
      const withIcon = appLocations(path.join(root, 'out', 'main', 'index.js'));
      expect(mainWindowOptions(withIcon).icon).toBeUndefined();
      mkdirSync(withIcon.resourcesDir, { recursive: true });
      writeFileSync(path.join(withIcon.resourcesDir, 'icon.png'), 'png');
      expect(mainWindowOptions(withIcon).icon).toBe(path.join(root, 'resources', 'icon.png'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

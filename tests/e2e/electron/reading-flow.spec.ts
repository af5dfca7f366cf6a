import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectron } from '../../../scripts/find-electron.mjs';
import { readingFlow } from '../support/reading-flow';

const executablePath = findElectron();
const missing =
  'the Electron binary is not installed on this machine (npm ships only its installer, which downloads from GitHub); ' +
  'run `node node_modules/electron/install.js` where GitHub is reachable to run this spec';


test.describe('desktop app (Electron)', () => {
  test.skip(executablePath === null, missing);

  test('a new user finds, reads, bookmarks, annotates, deletes and restores an article, and finds it all after a relaunch', async () => {
    if (executablePath === null) return;
    const root = mkdtempSync(path.join(tmpdir(), 'quire-electron-'));
    const launch = () =>
      electron.launch({
        executablePath: executablePath!,
        args: ['out/main/index.js'],
        env: {
          ...process.env,
          QUIRE_LIBRARY: path.join(root, 'library'),
          XDG_CONFIG_HOME: path.join(root, 'config'),
          HOME: root,
        },
      });
    try {
      const app = await launch();
      try {
        const window = await app.firstWindow();
        const isolated = await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require);
        expect(isolated).toBe('undefined');
        await readingFlow(window);
      } finally {
        await app.close();
      }
      // Relaunched, the app finds the same library: the bookmark and its note are still there.
      const again = await launch();
      try {
        const window = await again.firstWindow();
        await window.getByRole('button', { name: 'Bookmarks', exact: true }).click();
        await expect(window.locator('.bookmark-item').first()).toBeVisible();
      } finally {
        await again.close();
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

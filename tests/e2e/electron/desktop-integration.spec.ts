import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { findElectron } from '../../../scripts/find-electron.mjs';

const executablePath = findElectron();
const missing =
  'the Electron binary is not installed on this machine (npm ships only its installer, which downloads from GitHub); ' +
  'run `node node_modules/electron/install.js` where GitHub is reachable to run this spec';

/** A fresh library, settings folder and two documents to import. */
function workspace() {
  const root = mkdtempSync(path.join(tmpdir(), 'quire-desktop-'));
  const rivers = path.join(root, 'rivers.md');
  const deserts = path.join(root, 'deserts.txt');
  writeFileSync(rivers, '# Desert Rivers\n\nThe Tigris and the Euphrates meet at Qurna before the Gulf.\n');
  writeFileSync(deserts, 'Empty Quarter\n\nThe Rub al Khali is the largest sand desert in the world.\n');
  const inherited = Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined);
  const env: Record<string, string> = {
    ...Object.fromEntries(inherited),
    QUIRE_LIBRARY: path.join(root, 'library'),
    XDG_CONFIG_HOME: path.join(root, 'config'),
    HOME: root,
  };
  return { root, rivers, deserts, env, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

async function launch(env: Record<string, string>, ...files: string[]): Promise<ElectronApplication> {
  return electron.launch({ executablePath: executablePath!, args: ['out/main/index.js', ...files], env });
}

test.describe('desktop integration (Electron)', () => {
  test.skip(executablePath === null, missing);

  test('File › Import Files… imports what the (stubbed) native dialog returns, with the job’s summary', async () => {
    const space = workspace();
    const app = await launch(space.env);
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('button', { name: /Welcome to Quire/ })).toBeVisible();
      await app.evaluate(({ dialog }, filePaths) => {
        dialog.showOpenDialog = (async () => ({ canceled: false, filePaths })) as typeof dialog.showOpenDialog;
      }, [space.rivers, space.deserts]);
      await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('import-files')?.click());

      const summary = window.getByRole('region', { name: 'Import finished' });
      await expect(summary).toContainText('Imported 2 · Already in library 0 · Failed 0');
      await expect(summary).toContainText('Desert Rivers');
      await window.getByRole('button', { name: 'Desert Rivers' }).click();
      await expect(window.getByRole('heading', { level: 1, name: 'Desert Rivers' })).toBeVisible();

      // Search Library from the menu puts the cursor in the search box.
      await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('search')?.click());
      await expect(window.getByRole('searchbox', { name: 'Search library' })).toBeFocused();
    } finally {
      await app.close();
      space.cleanup();
    }
  });

  test('Open with Quire: a file on the command line is imported and opened; a second launch hands over its file', async () => {
    const space = workspace();
    const app = await launch(space.env, space.rivers);
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { level: 1, name: 'Desert Rivers' })).toBeVisible();

      // A second Quire on the same profile passes its file to this one and leaves.
      const second = spawn(executablePath!, ['out/main/index.js', space.deserts], { env: space.env, stdio: 'ignore' });
      const exitCode = await new Promise<number | null>((resolve) => second.on('exit', resolve));
      expect(exitCode).toBe(0);
      await expect(window.getByRole('heading', { level: 1, name: 'Empty Quarter' })).toBeVisible();
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
      space.cleanup();
    }
  });
});

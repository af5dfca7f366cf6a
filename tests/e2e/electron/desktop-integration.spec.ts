import { expect, test } from '@playwright/test';
import { SearchBox } from '../support/pages';
import { launchPackaged, launchSecondInstance, whyNoPackagedApp, workspace } from './packaged-app';

test.describe('desktop integration (the packaged app)', () => {
  test.skip(() => whyNoPackagedApp() !== null, whyNoPackagedApp() ?? '');

  test('File › Import Files… imports what the (stubbed) native dialog returns, with the job’s summary', async () => {
    const space = workspace();
    const app = await launchPackaged(space);
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('button', { name: /Welcome to Quire/ })).toBeVisible();
      await app.evaluate(({ dialog }, filePaths) => {
        dialog.showOpenDialog = (async () => ({ canceled: false, filePaths })) as typeof dialog.showOpenDialog;
      }, [space.rivers, space.deserts]);
      await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('import-files')?.click());

      // The import runs in the import workers, started from app.asar.unpacked.
      const summary = window.getByRole('region', { name: 'Import finished' });
      await expect(summary).toContainText('Imported 2 · Already in library 0 · Failed 0');
      await expect(summary).toContainText('Desert Rivers');
      await window.getByRole('button', { name: 'Desert Rivers' }).click();
      await expect(window.getByRole('heading', { level: 1, name: 'Desert Rivers' })).toBeVisible();

      // Search Library from the menu puts the cursor in the search box; the search worker answers.
      await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('search')?.click());
      const search = new SearchBox(window);
      await expect(search.input).toBeFocused();
      await search.input.fill('Euphrates');
      await expect(search.result(/Euphrates/)).toBeVisible();
    } finally {
      await app.close();
      space.cleanup();
    }
  });

  test('Open with Quire: a file on the command line is imported and opened; a second launch hands over its file', async () => {
    const space = workspace();
    const app = await launchPackaged(space, space.rivers);
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { level: 1, name: 'Desert Rivers' })).toBeVisible();

      // A second Quire on the same profile passes its file to this one and leaves.
      expect(await launchSecondInstance(space, space.deserts)).toBe(0);
      await expect(window.getByRole('heading', { level: 1, name: 'Empty Quarter' })).toBeVisible();
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
      space.cleanup();
    }
  });
});

import { expect, test } from '@playwright/test';
import { readingFlow } from '../support/reading-flow';
import { launchPackaged, whyNoPackagedApp, workspace } from './packaged-app';

test.describe('desktop app (the packaged app)', () => {
  test.skip(() => whyNoPackagedApp() !== null, whyNoPackagedApp() ?? '');

  test('a new user finds, reads, bookmarks, annotates, deletes and restores an article, and finds it all after a relaunch', async () => {
    const space = workspace();
    try {
      const app = await launchPackaged(space);
      try {
        const window = await app.firstWindow();
        const isolated = await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require);
        expect(isolated).toBe('undefined');
        // The app runs from its archive, as installed.
        expect(await app.evaluate(({ app: electronApp }) => electronApp.isPackaged)).toBe(true);
        await readingFlow(window);
      } finally {
        await app.close();
      }
      // Relaunched, the app finds the same library: the bookmark and its note are still there.
      const again = await launchPackaged(space);
      try {
        const window = await again.firstWindow();
        await window.getByRole('button', { name: 'Bookmarks', exact: true }).click();
        await expect(window.locator('.bookmark-item').first()).toBeVisible();
      } finally {
        await again.close();
      }
    } finally {
      space.cleanup();
    }
  });
});

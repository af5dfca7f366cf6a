/**
 * Why the desktop window loads `quire-app://app/index.html` and never the build from file://: the
 * built page's module script is blocked by CORS there (origin 'null'), so the window would stay
 * blank. This keeps anyone from going back to `loadFile`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';

const BUILT_PAGE = path.resolve('out/renderer/index.html');

test('the built renderer opened from file:// stays blank: its module script is refused by CORS', async ({ page }) => {
  expect(existsSync(BUILT_PAGE), 'out/renderer/index.html is built (npm run build)').toBe(true);
  const refused = page.waitForEvent('console', (message) => message.type() === 'error' && /CORS/i.test(message.text()));
  await page.goto(pathToFileURL(BUILT_PAGE).href);
  expect((await refused).text()).toMatch(/from origin 'null' has been blocked by CORS policy/);
  await expect(page.locator('#root')).toBeEmpty();
  await expect(page.getByRole('main')).toHaveCount(0);
});

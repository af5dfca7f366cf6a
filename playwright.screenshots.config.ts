import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * `npm run screenshots`: writes a PNG of every screen in light and dark into docs/screenshots/
 * for the person who checks the issue. Not part of `npm test` (no project of the main config
 * matches tests/e2e/screenshots/).
 */
const browser = base.projects?.find((project) => project.name === 'browser');

export default defineConfig({
  ...base,
  timeout: 300_000,
  workers: 1,
  projects: [{ name: 'screenshots', testMatch: 'screenshots/**/*.spec.ts', use: { ...browser?.use, viewport: { width: 1280, height: 800 } } }],
});

import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { electronBinary, packagedApp } from './packaged-app';

/**
 * Builds the packaged app the Electron specs launch (`npm run package:e2e` without the build step:
 * the test run has just built out/). It needs the Electron binary, which it packages instead of
 * downloading one; without it the specs say why they skip.
 */
test('package the app as shipped, with only the inspector fuse on for Playwright', async () => {
  // The CI workflow sets this: there the specs must run, so a missing binary fails instead of skipping.
  if (process.env.QUIRE_E2E_REQUIRE_PACKAGED === '1') expect(electronBinary, 'the Electron binary is not installed').not.toBeNull();
  test.skip(electronBinary === null, 'the Electron binary is not installed on this machine (npm ships only its installer, which downloads from GitHub), so there is nothing to package');
  test.setTimeout(300_000);
  execFileSync(process.execPath, ['scripts/package-e2e.mjs'], { stdio: 'inherit' });
  expect(packagedApp()).not.toBeNull();
});

/**
 * Setup file of the Node test project: every `import … from 'electron'` gets the strict fake in
 * fake-electron.ts (the real package would try to download its binary and throw), reset before
 * each test. A test during which the code under test misused the fake (a member it does not model,
 * an Electron call out of order) fails here, even if that code caught the error.
 */
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { fake, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => {
  const { electronModule } = await import('./fake-electron');
  // Getters, not a copy: a module that imported `app` sees the fresh fake of each test.
  return Object.defineProperties({ default: electronModule }, Object.getOwnPropertyDescriptors(electronModule));
});

beforeEach(() => {
  resetFakeElectron();
});

afterEach(() => {
  expect(fake.violations, 'Electron used in a way the strict fake refuses').toEqual([]);
});

/**
 * Setup file of the Node test project: every `import … from 'electron'` gets the fake in
 * fake-electron.ts (the real package would try to download its binary and throw), reset before
 * each test.
 */
import { beforeEach, vi } from 'vitest';
import { resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => {
  const { electronModule } = await import('./fake-electron');
  // Getters, not a copy: a module that imported `app` sees the fresh fake of each test.
  return Object.defineProperties({ default: electronModule }, Object.getOwnPropertyDescriptors(electronModule));
});

beforeEach(() => {
  resetFakeElectron();
});

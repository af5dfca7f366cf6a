/**
 * Stands in for Electron between the page and main in the Electron-mode smoke test: the BUILT
 * preload (out/preload/index.cjs) runs in the page before its scripts, exactly as shipped, and its
 * `ipcRenderer` is carried over Playwright bindings to the handlers main registered on the fake
 * `ipcMain`, as a message from the window's own frame. Messages main sends to the window
 * (`webContents.send`) are delivered to the preload's listeners.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { FakeBrowserWindow, fake as fakeElectron } from '../fake-electron';

/**
 * Runs in the page before its own scripts: `require('electron')` for the preload, and only that.
 * Plain JavaScript text (not a compiled function) so that nothing of the test's build leaks in;
 * injected as an init script, so the page's CSP (no eval) does not apply to it.
 */
function preloadInitScript(bundle: string): string {
  return `(() => {
  const listeners = new Map();
  const electron = {
    contextBridge: { exposeInMainWorld(key, value) { window[key] = value; } },
    ipcRenderer: {
      invoke: (channel, ...args) => window.__quireInvoke(channel, args),
      send: (channel, ...args) => void window.__quireSend(channel, args),
      on(channel, listener) {
        const set = listeners.get(channel) ?? new Set();
        set.add(listener);
        listeners.set(channel, set);
      },
      removeListener(channel, listener) { listeners.get(channel)?.delete(listener); },
    },
  };
  window.__quireDeliver = (channel, args) => {
    for (const listener of [...(listeners.get(channel) ?? [])]) listener({}, ...args);
  };
  const require = (name) => {
    if (name !== 'electron') throw new Error('A sandboxed preload cannot require "' + name + '".');
    return electron;
  };
  const module = { exports: {} };
  (function (module, exports, require) {
${bundle}
  })(module, module.exports, require);
})();`;
}

export async function connectPageToMain(
  page: Page,
  fake: typeof fakeElectron,
  window: FakeBrowserWindow,
  preloadFile: string,
): Promise<void> {
  const fromOurWindow = () => ({ sender: window.webContents, senderFrame: window.webContents.mainFrame });
  await page.exposeFunction('__quireInvoke', (channel: string, args: unknown[]) =>
    fake.ipcMain.invoke(channel, fromOurWindow(), ...args),
  );
  await page.exposeFunction('__quireSend', (channel: string, args: unknown[]) => {
    fake.ipcMain.emit(channel, fromOurWindow(), ...args);
  });
  window.webContents.send.mockImplementation((channel: string, ...args: unknown[]) => {
    page
      .evaluate(([name, payload]) => (window as unknown as { __quireDeliver?: (c: string, a: unknown[]) => void }).__quireDeliver?.(name, payload), [channel, args] as const)
      .catch(() => {
        // The page is navigating or closed: Electron drops such messages too.
      });
  });
  await page.addInitScript({ content: preloadInitScript(readFileSync(preloadFile, 'utf8')) });
}

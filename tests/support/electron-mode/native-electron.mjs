// The `electron` module that packages loaded natively from node_modules (electron-store) get in the
// Electron-mode smoke test: the same strict fake the test's own imports of `electron` get, read
// from where tests/support/fake-electron.ts leaves it.
const electron = globalThis.__quireElectronModule;
if (!electron) throw new Error('The fake electron module is not set up (tests/support/fake-electron.ts).');
export default electron;

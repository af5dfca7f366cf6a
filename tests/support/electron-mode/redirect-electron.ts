/**
 * Makes Node's own loader resolve `electron` to the strict fake, for packages that vitest loads
 * natively from node_modules (electron-store imports `electron` itself). Vitest's `vi.mock` covers
 * only the modules it transforms; this covers the rest, so the bundled main and its dependencies
 * see one and the same fake.
 */
import { registerHooks } from 'node:module';

const SHIM_URL = new URL('./native-electron.mjs', import.meta.url).href;

let registered = false;

export function redirectNativeElectronToFake(): void {
  if (registered) return;
  registered = true;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      if (specifier === 'electron') return { url: SHIM_URL, format: 'module', shortCircuit: true };
      return nextResolve(specifier, context);
    },
  });
}

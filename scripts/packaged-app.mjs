// Where `npm run package:e2e` puts the packaged app Playwright drives, and its executable there.
// Shared by that script and the Electron e2e specs, so both name the same folder.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const e2eReleaseDir = path.join(root, 'release', 'e2e');

/**
 * How the e2e build differs from the shipped configuration: the Node inspector fuse, through
 * which Playwright drives main, and on macOS no developer identity, notarization or hardened
 * runtime (the ad-hoc signature the fuse step leaves cannot pass its library validation).
 * tests/unit/packaging checks that nothing else differs.
 */
export const e2eConfigOverrides = [
  '-c.electronFuses.enableNodeCliInspectArguments=true',
  '-c.mac.notarize=false',
  '-c.mac.identity=null',
  '-c.mac.hardenedRuntime=false',
];

/** @returns {string | null} the packaged app's executable, or null when it is not built */
export function findPackagedApp(releaseDir = e2eReleaseDir) {
  if (!existsSync(releaseDir)) return null;
  for (const entry of readdirSync(releaseDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(releaseDir, entry.name);
    // macOS: mac/ or mac-arm64/ holding Quire.app, whose executable is the one in Contents/MacOS.
    for (const bundle of readdirSync(dir).filter((name) => name.endsWith('.app'))) {
      const macos = path.join(dir, bundle, 'Contents', 'MacOS');
      const [executable] = existsSync(macos) ? readdirSync(macos) : [];
      if (executable) return path.join(macos, executable);
    }
    // Linux and Windows: <platform>[-<arch>]-unpacked/ holding the executable itself.
    if (entry.name.endsWith('-unpacked')) {
      for (const name of ['quire', 'quire.exe']) {
        if (existsSync(path.join(dir, name))) return path.join(dir, name);
      }
    }
  }
  return null;
}

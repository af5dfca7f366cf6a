/**
 * The desktop app as installed: the `electron-builder --dir` build of `npm run package:e2e`
 * (app.asar, unpacked workers, every fuse as shipped except the inspector Playwright drives it
 * through). The specs launch its executable, never out/main/index.js, so packaging and fuses are
 * part of what they test.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication } from '@playwright/test';
import { findElectron } from '../../../scripts/find-electron.mjs';
import { findPackagedApp } from '../../../scripts/packaged-app.mjs';

export const electronBinary = findElectron();

const NO_ELECTRON =
  'the Electron binary is not installed on this machine (npm ships only its installer, which downloads from GitHub), ' +
  'so the packaged app cannot be built; run `node node_modules/electron/install.js` where GitHub is reachable, ' +
  'then `npm run package:e2e` (the e2e run packages it by itself once Electron is installed)';
const NOT_PACKAGED = 'the packaged app is not built (release/e2e): run `npm run package:e2e`';

/** The packaged app's executable, looked up when a spec starts (the setup project builds it first). */
export function packagedApp(): string | null {
  return findPackagedApp();
}

/** Why the Electron specs cannot run here, or null when they can. */
export function whyNoPackagedApp(): string | null {
  if (packagedApp() !== null) return null;
  return electronBinary === null ? NO_ELECTRON : NOT_PACKAGED;
}

/** A fresh library, settings folder and two documents to import. */
export function workspace() {
  const root = mkdtempSync(path.join(tmpdir(), 'quire-desktop-'));
  const rivers = path.join(root, 'rivers.md');
  const deserts = path.join(root, 'deserts.txt');
  writeFileSync(rivers, '# Desert Rivers\n\nThe Tigris and the Euphrates meet at Qurna before the Gulf.\n');
  writeFileSync(deserts, 'Empty Quarter\n\nThe Rub al Khali is the largest sand desert in the world.\n');
  const inherited = Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined);
  const env: Record<string, string> = {
    ...Object.fromEntries(inherited),
    QUIRE_LIBRARY: path.join(root, 'library'),
    XDG_CONFIG_HOME: path.join(root, 'config'),
    HOME: root,
  };
  // Windows and macOS do not take the settings folder from the environment: Chromium's
  // --user-data-dir switch moves it (and the single-instance lock, which lives there).
  const profile = `--user-data-dir=${path.join(root, 'user-data')}`;
  return { root, rivers, deserts, env, profile, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

export type Workspace = ReturnType<typeof workspace>;

function requirePackagedApp(): string {
  const executable = packagedApp();
  if (executable === null) throw new Error(whyNoPackagedApp() ?? NOT_PACKAGED);
  return executable;
}

/** Starts the packaged app on the workspace's profile, with `files` as "Open with Quire" passes them. */
export function launchPackaged(space: Workspace, ...files: string[]): Promise<ElectronApplication> {
  return electron.launch({ executablePath: requirePackagedApp(), args: [space.profile, ...files], env: space.env });
}

/**
 * Starts a second instance of the packaged app, as a user opening another file with Quire does,
 * and resolves with its exit code. Linux CI machines lack the setuid sandbox helper, so it runs
 * without the sandbox, as Playwright starts the first one.
 */
export function launchSecondInstance(space: Workspace, file: string): Promise<number | null> {
  const args = [...(process.platform === 'linux' ? ['--no-sandbox'] : []), space.profile, file];
  const second = spawn(requirePackagedApp(), args, { env: space.env, stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    second.on('exit', resolve);
    second.on('error', reject);
  });
}

// `npm run package:e2e`: the packaged app (`electron-builder --dir`, host OS and arch) that the
// Electron e2e specs launch, in release/e2e. Everything is as shipped — app.asar, asarUnpack, every
// fuse — except what `e2eConfigOverrides` lists: mainly Node's --inspect switch, through which
// Playwright drives main.
// The Electron binary installed in node_modules is used when present, so no download is needed.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectron } from './find-electron.mjs';
import { e2eConfigOverrides, e2eReleaseDir, findPackagedApp } from './packaged-app.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

if (!existsSync(path.join(root, 'out', 'main', 'index.js'))) {
  console.error('package:e2e: nothing to package yet; run `npm run build` first.');
  process.exit(1);
}

const args = [
  require.resolve('electron-builder/cli.js'),
  '--dir',
  '--publish',
  'never',
  `-c.directories.output=${e2eReleaseDir}`,
  ...e2eConfigOverrides,
];
const electron = findElectron();
if (electron !== null) {
  // The folder holding the executable (Linux, Windows) or Electron.app (macOS).
  const [beforeBundle] = electron.split(/[\\/][^\\/]+\.app[\\/]/);
  args.push(`-c.electronDist=${beforeBundle === electron ? path.dirname(electron) : beforeBundle}`);
}

rmSync(e2eReleaseDir, { recursive: true, force: true });
const result = spawnSync(process.execPath, args, {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
});
if (result.status !== 0) process.exit(result.status ?? 1);
const executable = findPackagedApp();
if (executable === null) {
  console.error(`package:e2e: electron-builder finished but no app executable is in ${e2eReleaseDir}.`);
  process.exit(1);
}
console.log(`package:e2e: ${path.relative(root, executable)}`);

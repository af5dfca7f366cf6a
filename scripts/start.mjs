// `npm start` (after `npm run build`): the desktop app when the Electron binary is installed,
// otherwise browser mode on the same library, saying why in one line.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronPackageDir, findElectron } from './find-electron.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Electron ≥ 43 downloads its binary on first use; try that once, quietly, for at most a minute. */
function tryInstallElectron() {
  const installer = path.join(electronPackageDir, 'install.js');
  if (!existsSync(installer)) return;
  spawnSync(process.execPath, [installer], { cwd: electronPackageDir, stdio: 'ignore', timeout: 60_000 });
}

/** Runs a child in the foreground and leaves with its exit code. */
function runInForeground(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  // Ctrl+C reaches the child through the terminal's process group: wait for it to finish
  // closing the library. SIGTERM is sent to this process alone: pass it on.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', (error) => {
    console.error(`Quire could not start: ${error.message}`);
    process.exit(1);
  });
}

let electron = findElectron();
if (!electron) {
  tryInstallElectron();
  electron = findElectron();
}

if (electron) {
  runInForeground(electron, ['.']);
} else {
  console.log(
    'Electron could not be installed on this machine (its binary is downloaded from GitHub, which is unreachable); starting Quire in browser mode instead.',
  );
  // As `quire serve` starts: the bin, with the Node flags of its first line (`#!/usr/bin/env -S node …`).
  const bin = path.join(root, 'bin', 'quire.js');
  const firstLine = readFileSync(bin, 'utf8').split('\n', 1)[0];
  const binFlags = /^#!\S*env -S node((?:\s+--\S+)*)\s*$/.exec(firstLine)?.[1].trim().split(/\s+/).filter(Boolean) ?? [];
  runInForeground(process.execPath, [...binFlags, bin, 'serve']);
}

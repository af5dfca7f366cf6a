/**
 * electron-builder's real `--linux dir` pipeline, run offline: a stand-in Electron distribution
 * (an executable that carries Electron's fuse sentinel and default wire, so the fuses it flips can
 * be read back) replaces the Electron download; everything else — file selection, asar packing and
 * unpacking, fuses — is electron-builder's own.
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';

const require = createRequire(import.meta.url);
/** The marker Electron binaries carry before their fuse wire (@electron/fuses' constants, not exported). */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** A fake Electron distribution: an executable holding Electron's fuse sentinel and its default wire. */
function fakeElectronDist(dir: string): string {
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  // Electron's shipped defaults: RunAsNode on, cookie encryption off, NODE_OPTIONS on, inspect on,
  // ASAR integrity off, only-load-from-ASAR off, V8 snapshot off, file:// privileges on, wasm traps on.
  const defaults = '101100011';
  const binary = Buffer.concat([
    Buffer.from('#!/bin/sh\necho stand-in electron\n#'),
    Buffer.from(SENTINEL),
    Buffer.from([1, defaults.length]),
    Buffer.from(defaults),
    Buffer.from('\n'),
  ]);
  writeFileSync(path.join(dir, 'electron'), binary);
  chmodSync(path.join(dir, 'electron'), 0o755);
  writeFileSync(path.join(dir, 'LICENSE'), 'MIT');
  writeFileSync(path.join(dir, 'LICENSES.chromium.html'), '<p>licenses</p>');
  writeFileSync(path.join(dir, 'version'), '45.5.0');
  return dir;
}

export interface PackedApp {
  /** the app folder (`linux-unpacked`): the executable and `resources/` */
  appDir: string;
  archive: string;
  /** `resources/app.asar.unpacked`: what electron-builder moved out of the archive */
  unpackedDir: string;
}

/**
 * Packs the project in `root` (its current `out/` build) with the stand-in Electron, under `work`,
 * with `overrides` (electron-builder `-c.` switches) applied over electron-builder.yml. Not
 * synchronous, so that two packs (each in its own `work`) can run side by side.
 */
export async function packWithStandInElectron(root: string, work: string, overrides: readonly string[] = []): Promise<PackedApp> {
  const dist = fakeElectronDist(path.join(work, 'electron-dist'));
  await promisify(execFile)(
    process.execPath,
    [
      require.resolve('electron-builder/cli.js'),
      '--linux',
      'dir',
      `-c.electronDist=${dist}`,
      '-c.npmRebuild=false',
      `-c.directories.output=${path.join(work, 'release')}`,
      ...overrides,
    ],
    { cwd: root, env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' }, maxBuffer: 64 * 1024 * 1024 },
  );
  const appDir = path.join(work, 'release', 'linux-unpacked');
  const resources = path.join(appDir, 'resources');
  return { appDir, archive: path.join(resources, 'app.asar'), unpackedDir: path.join(resources, 'app.asar.unpacked') };
}

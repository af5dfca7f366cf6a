import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listPackage } from '@electron/asar';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * What the installers would contain, checked offline: electron-builder validates its configuration
 * and runs its whole `--linux dir` pipeline (file selection, asar packing, fuses) against a
 * stand-in Electron whose "binary" carries a real fuse wire, so the fuses it flips can be read back.
 */
const require = createRequire(import.meta.url);
const root = path.resolve('.');
const work = mkdtempSync(path.join(tmpdir(), 'quire-packaging-'));
const unpacked = path.join(work, 'release', 'linux-unpacked');
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

let asarFiles: string[] = [];

beforeAll(() => {
  if (!existsSync('out/renderer/index.html')) {
    execFileSync(process.execPath, [require.resolve('vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  }
  const dist = fakeElectronDist(path.join(work, 'electron-dist'));
  execFileSync(
    process.execPath,
    [
      require.resolve('electron-builder/cli.js'),
      '--linux',
      'dir',
      `-c.electronDist=${dist}`,
      '-c.npmRebuild=false',
      `-c.directories.output=${path.join(work, 'release')}`,
    ],
    { cwd: root, stdio: 'pipe', env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
  );
  asarFiles = listPackage(path.join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((file) =>
    file.split(path.sep).join('/'),
  );
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own schema validation', async () => {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      getConfig: (dir: string, file: string | null, extra: null) => Promise<Record<string, unknown>>;
      validateConfiguration: (config: Record<string, unknown>, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util/out/DebugLogger') as { DebugLogger: new (enabled: boolean) => unknown };
    const config = await getConfig(root, null, null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.appId).toBe('app.quire.reader');
  });

  it('rejects a misspelt option, so the validation above can fail', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (config: Record<string, unknown>, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util/out/DebugLogger') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration({ appId: 'x', linux: { categoryy: 'Office' } }, new DebugLogger(false))).rejects.toThrow(/Invalid configuration object[\s\S]*configuration\.linux/);
  });
});

describe('what the app ships (app.asar of the linux dir build)', () => {
  it('contains the compiled app, the renderer build, runtime resources and production dependencies', () => {
    for (const file of [
      '/package.json',
      '/out/main/index.js',
      '/out/preload/index.cjs',
      '/out/cli/index.js',
      '/out/worker/search-worker.js',
      '/out/renderer/index.html',
      '/resources/icon.png',
      '/resources/sample-library/01-seed-article.txt',
      '/node_modules/lunr/package.json',
      '/node_modules/jsdom/package.json',
      '/node_modules/electron-store/package.json',
    ]) {
      expect(asarFiles, file).toContain(file);
    }
  });

  it('leaves out sources, tests, source maps, build resources and development tools', () => {
    const forbidden = asarFiles.filter(
      (file) =>
        /^\/(electron|renderer|tests|scripts|build|docs|bench|\.ci)\//.test(file) ||
        /\.(map|tsx?)$/.test(file) ||
        /^\/node_modules\/(electron|electron-builder|vitest|vite|typescript|eslint|@playwright|playwright|node|esbuild|react|react-dom)\//.test(file),
    );
    expect(forbidden).toEqual([]);
  });

  it('flips the Electron fuses of the security checklist', async () => {
    const fuses = await getCurrentFuseWire(path.join(unpacked, 'quire'));
    expect(fuses[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
  });
});

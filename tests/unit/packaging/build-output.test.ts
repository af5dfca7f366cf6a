import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pruneStaleFiles, staleFiles } from '../../../scripts/prune-build-output.mjs';

/**
 * What the build leaves in out/, which electron-builder packs whole: only what the current code
 * uses. esbuild names chunks by content hash and never deletes, so without pruning every change
 * left its old chunks behind, and an installer built on a working copy shipped them all.
 */
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'quire-build-output-'));
  folders.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('pruning what earlier builds left', () => {
  it('removes the files of the build’s folders it did not write, and nothing else', () => {
    const root = tree({
      'out/chunks/chunk-NEW.js': 'new',
      'out/chunks/chunk-NEW.js.map': '{}',
      'out/chunks/chunk-OLD.js': 'old',
      'out/chunks/chunk-OLD.js.map': '{}',
      'out/worker/search-worker.js': 'worker',
      'out/worker/gone-worker.js': 'a worker no longer built',
      'out/renderer/index.html': 'Vite’s, not the Node build’s',
      'out/package.json': '{"type":"module"}',
      'out/sample-library.json': '{}',
    });
    const written = ['out/chunks/chunk-NEW.js', 'out/chunks/chunk-NEW.js.map', 'out/worker/search-worker.js'];

    expect(staleFiles(root, ['out/chunks', 'out/worker', 'out/main'], written)).toEqual([
      'out/chunks/chunk-OLD.js',
      'out/chunks/chunk-OLD.js.map',
      'out/worker/gone-worker.js',
    ]);
    expect(pruneStaleFiles(root, ['out/chunks', 'out/worker', 'out/main'], written)).toBe(3);
    expect(existsSync(path.join(root, 'out/chunks/chunk-OLD.js'))).toBe(false);
    expect(existsSync(path.join(root, 'out/worker/gone-worker.js'))).toBe(false);
    for (const kept of [...written, 'out/renderer/index.html', 'out/package.json', 'out/sample-library.json']) {
      expect(existsSync(path.join(root, kept)), kept).toBe(true);
    }
  });

  it('finds what is stale in nested folders, and takes a folder not made yet as empty', () => {
    const root = tree({ 'out/tools/deep/tool.js': 'tool', 'out/tools/deep/old.js': 'old' });
    expect(staleFiles(root, ['out/tools', 'out/not-built'], [['out', 'tools', 'deep', 'tool.js'].join(path.sep)])).toEqual(['out/tools/deep/old.js']);
  });
});

describe('out/ as this build left it', () => {
  /** The relative imports of a bundled module (static, re-exports and dynamic). */
  const importsOf = (file: string): string[] =>
    [...readFileSync(file, 'utf8').matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.{1,2}\/[^"']+)["']/g)].map((match) =>
      path.resolve(path.dirname(file), match[1]!),
    );

  it('holds no chunk that the entry points do not reach', () => {
    const entries = ['out/main', 'out/cli', 'out/worker', 'out/preload', 'out/tools'].flatMap((folder) =>
      readdirSync(folder)
        .filter((name) => /\.c?js$/.test(name))
        .map((name) => path.resolve(folder, name)),
    );
    const reached = new Set<string>();
    const queue = [...entries];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (reached.has(file)) continue;
      reached.add(file);
      queue.push(...importsOf(file));
    }
    const chunks = readdirSync('out/chunks')
      .filter((name) => name.endsWith('.js'))
      .map((name) => path.resolve('out/chunks', name));
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.filter((chunk) => !reached.has(chunk)).map((chunk) => path.basename(chunk))).toEqual([]);
    // Each chunk's source map was written with it; none is left without its chunk.
    const maps = readdirSync('out/chunks').filter((name) => name.endsWith('.js.map'));
    expect(maps.map((name) => name.slice(0, -'.map'.length)).toSorted()).toEqual(chunks.map((chunk) => path.basename(chunk)).toSorted());
  });
});

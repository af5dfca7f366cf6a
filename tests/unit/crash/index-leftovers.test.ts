/**
 * Regression (found while listing what a kill may leave, for the crash tests): a process killed
 * while the search index saved left `manifest.json.<digits>` / `seg-<n>.bin.<digits>` temp files
 * in the index folder. Nothing removed them, so after the next start `quire check` still reported
 * the library as inconsistent. The index's writer now removes them when it opens.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { checkLibrary } from '../../../electron/core/library/check/check-library';
import { openQuire } from '../../../electron/core/open-quire';

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

it('removes temp files of an interrupted index save when the library opens', async () => {
  root = mkdtempSync(path.join(tmpdir(), 'quire-index-leftovers-'));
  const libraryDir = path.join(root, 'library');
  const cacheDir = path.join(root, 'cache');
  const indexDir = path.join(cacheDir, 'index');
  const data = new Map<string, unknown>();
  const open = () => openQuire({ libraryDir, cacheDir, settings: { get: (k) => data.get(k), set: (k, v) => void data.set(k, v) }, log: () => {} });

  await (await open()).close();
  mkdirSync(indexDir, { recursive: true });
  const leftovers = ['manifest.json.3141592653', 'seg-7.bin.271828'].map((name) => path.join(indexDir, name));
  for (const file of leftovers) writeFileSync(file, '{"trunc');
  const before = await checkLibrary(libraryDir, { indexDir });
  expect(before.problems.map((p) => p.repair?.kind)).toEqual(['remove-leftover', 'remove-leftover']);

  const core = await open();
  await core.whenIndexed();
  await core.close();
  expect(leftovers.filter((file) => existsSync(file))).toEqual([]);
  expect((await checkLibrary(libraryDir, { indexDir })).problems).toEqual([]);
});

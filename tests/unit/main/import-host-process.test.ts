/**
 * The desktop app reads files in an Electron utility process. The fake `utilityProcess` runs the
 * real bundled import host in a Node child process with Electron's `process.parentPort`, so what
 * is checked here is the host's utility-process side and main's glue, against electron.d.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExtractResult } from '../../../electron/core/import-jobs/extract-protocol';
import { createImportPool } from '../../../electron/core/import-jobs/import-pool';
import { failureReason } from '../../../electron/core/library/import-into-library';
import { spawnImportHostWith, type UtilityProcessModule } from '../../../electron/main/import-host-process';
import { fake } from '../../support/fake-electron';

/** The fake models what electron.d.ts declares for the members main uses. */
const utilityProcess = (): UtilityProcessModule => fake.utilityProcess as unknown as UtilityProcessModule;

let dir: string;
const page = (name: string, title: string): string => {
  const file = path.join(dir, name);
  writeFileSync(file, `<html><head><title>${title}</title></head><body><article><p>${title} is a page with a paragraph of text about rivers and their deltas.</p></article></body></html>`);
  return file;
};
const titleOf = (result: ExtractResult): string | null => (result.ok ? result.article.document.title : null);

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'quire-utility-host-'));
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe('the import host as an Electron utility process', () => {
  it('reads files in a utility process named for the task manager, started on the bundled host', async () => {
    const pool = createImportPool({ threads: 2, spawnHost: spawnImportHostWith(utilityProcess(), () => {}), log: () => {} });
    try {
      const files = [page('one.html', 'Delta One'), page('two.html', 'Delta Two')];
      const titles = await Promise.all(files.map(async (file) => titleOf(await pool.extract({ fileName: file, filePath: file }))));
      expect(titles).toEqual(['Delta One', 'Delta Two']);
      expect(fake.utilityProcess.fork).toHaveBeenCalledTimes(1);
      const [modulePath, , options] = fake.utilityProcess.fork.mock.calls[0]!;
      expect(modulePath).toBe(path.resolve('out/worker/import-host.js'));
      expect(options).toMatchObject({ serviceName: 'Quire importer' });
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('a file that brings the utility process down fails alone, and the app goes on', async () => {
    vi.stubEnv('QUIRE_IMPORT_WORKER', path.resolve('tests/support/host-stopping-import-worker.mjs'));
    const logged: string[] = [];
    const pool = createImportPool({ threads: 2, spawnHost: spawnImportHostWith(utilityProcess(), (m) => logged.push(m)), log: (m) => logged.push(m) });
    try {
      const files = [page('first.html', 'First'), page('stops-the-host.html', 'Never'), page('second.html', 'Second')];
      const outcomes = await Promise.all(
        files.map((file) =>
          pool.extract({ fileName: file, filePath: file }).then(titleOf, (error: unknown) => failureReason(error, file, () => {})),
        ),
      );
      expect(outcomes).toEqual(['First', 'This file is too large or too complex to read: it needs more memory than Quire lets one file use.', 'Second']);
      expect(logged.join('\n')).toMatch(/stopped while reading .*stops-the-host\.html/);
      // The file stopped the first process beside another file, then a second one alone (which is
      // how the pool knows it was this file); a third reads what is left, if anything is.
      expect(fake.utilityProcess.fork.mock.calls.length).toBeGreaterThanOrEqual(2);
    } finally {
      await pool.close();
    }
  }, 60_000);
});

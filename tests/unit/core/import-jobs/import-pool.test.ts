import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExtractResult } from '../../../../electron/core/import-jobs/extract-protocol';
import { createImportPool } from '../../../../electron/core/import-jobs/import-pool';
import type { ImportHostProcess, ImportHostReply } from '../../../../electron/core/import-jobs/import-host-protocol';
import { ArticleStore } from '../../../../electron/core/library/article-store';
import { addExtracted, extractForLibrary, failureReason } from '../../../../electron/core/library/import-into-library';
import { solidPng } from '../importers/support/layout-books';
import type { FileReading } from '../../../../electron/shared/models';
import { EPUB_DIR } from '../../../support/corpus-paths';
import { BACKGROUND_PRIORITY_DROP } from '../../../../electron/core/background-priority';
import { threadPriorities } from '../support/thread-niceness';

const TOO_COMPLEX = 'This file is too large or too complex to read: it needs more memory than Quire lets one file use.';

let dir: string;
const page = (name: string, title: string): string => {
  const file = path.join(dir, name);
  writeFileSync(file, `<html><head><title>${title}</title></head><body><p>A short page about ${title}.</p></body></html>`);
  return file;
};
const titleOf = (result: ExtractResult): string | null => (result.ok ? result.article.document.title : null);
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'quire-pool-'));
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe('the import pool', () => {
  it('fails a file that needs more memory than a worker may use with a clear reason, then reads the next file', async () => {
    // A table of 60,000 cells: the parser needs far more than 64 MB for it.
    const huge = path.join(dir, 'huge.html');
    writeFileSync(huge, `<html><body><table>${'<tr><td>cell</td><td>value</td><td>more</td></tr>'.repeat(20_000)}</table></body></html>`);
    const small = page('small.html', 'Small');
    const pool = createImportPool({ threads: 1, maxHeapMb: 64, log: () => {} });
    const logged: string[] = [];
    try {
      const error = await pool.extract({ fileName: huge, filePath: huge }).then(
        () => null,
        (caught: unknown) => caught,
      );
      // Either the worker was stopped at its limit, or V8 aborted the import host around it:
      // the person reads the same sentence, and Quire (this process) lives on.
      expect(failureReason(error, huge, (message) => logged.push(message))).toBe(TOO_COMPLEX);
      expect(logged).toEqual([]);
      expect(titleOf(await pool.extract({ fileName: small, filePath: small }))).toBe('Small');
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('a file that aborts the import host fails alone: the files read beside it are read again and imported', async () => {
    vi.stubEnv('QUIRE_IMPORT_WORKER', path.resolve('tests/support/host-stopping-import-worker.mjs'));
    const logged: string[] = [];
    const pool = createImportPool({ threads: 2, log: (message) => logged.push(message) });
    try {
      const files = [page('first.html', 'First'), page('stops-the-host.html', 'Never read'), page('second.html', 'Second'), page('third.html', 'Third')];
      const outcomes = await Promise.all(
        files.map((file) =>
          pool.extract({ fileName: file, filePath: file }).then(
            (result) => titleOf(result),
            (error: unknown) => failureReason(error, file, () => {}),
          ),
        ),
      );
      expect(outcomes).toEqual(['First', TOO_COMPLEX, 'Second', 'Third']);
      expect(logged.some((line) => line.includes('stops-the-host.html') && line.includes('SIGABRT'))).toBe(true);
      // A fresh host reads what comes next.
      const after = page('after.html', 'After');
      expect(titleOf(await pool.extract({ fileName: after, filePath: after }))).toBe('After');
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('every file is read once while its workers are replaced, a large file on a worker of its own beside the others, and a failing file fails alone', async () => {
    // A fresh pair of workers after every file read.
    const pool = createImportPool({ threads: 2, filesPerWorkerLife: 1, log: () => {} });
    try {
      const names = Array.from({ length: 9 }, (_, i) => `Page ${i + 1}`);
      const files = names.map((name, i) => page(`page-${i + 1}.html`, name));
      const empty = path.join(dir, 'empty.html');
      writeFileSync(empty, '<html><body></body></html>');
      const read = (file: string, large = false): Promise<string | null> =>
        pool.extract({ fileName: file, filePath: file, ...(large ? { large } : {}) }).then((result) => (result.ok ? titleOf(result) : result.reason));
      const first = await Promise.all([...files.slice(0, 4), empty].map((file) => read(file)));
      const [large, ...rest] = await Promise.all([read(files[4]!, true), ...files.slice(5).map((file) => read(file))]);
      // Another large file after it, on another fresh worker.
      const second = await read(files[0]!, true);
      expect([...first, large, ...rest, second]).toEqual([...names.slice(0, 4), 'This page has no readable text.', ...names.slice(4), names[0]]);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('a result too large for one message comes whole through files, which are gone once read, and is stored as a small one would be', async () => {
    // The host's temporary folder under this test's own.
    vi.stubEnv('TMPDIR', dir);
    const pool = createImportPool({ threads: 1, log: () => {} });
    try {
      // Text beyond Latin-1 (two bytes a character in a string, up to three in UTF-8), and a picture beside the page.
      const paragraphs = Array.from({ length: 6000 }, (_, i) => `<p>Paragraph ${i} of the long page, about harbour pilots, canal locks and the Ωmega café ☃.</p>`);
      const picture = solidPng(1200, 1200, [40, 90, 160]);
      mkdirSync(path.join(dir, 'long_files'));
      writeFileSync(path.join(dir, 'long_files', 'lock.png'), picture);
      const file = path.join(dir, 'long.html');
      const html = `<html><head><title>A long page</title></head><body><article><img src="long_files/lock.png" alt="A lock">${paragraphs.join('\n')}</article></body></html>`;
      writeFileSync(file, html);
      const result = await pool.extract({ fileName: file, filePath: file, large: true });
      expect(titleOf(result)).toBe('A long page');
      if (!result.ok) throw new Error(result.reason);
      expect(result.original?.bytes.length).toBe(statSync(file).size);
      const folders = readdirSync(dir).filter((name) => name.startsWith('quire-import-'));
      expect(folders).toHaveLength(1);
      expect(readdirSync(path.join(dir, folders[0]!))).toEqual([]);

      // Stored, it is what the same page read on this thread gives: the same HTML, text, picture and cover.
      const expected = await extractForLibrary({ fileName: file, filePath: file, bytes: readFileSync(file) });
      const { store } = await ArticleStore.open(path.join(dir, 'library'), { log: () => undefined });
      const outcome = await addExtracted(store, result.article, { fileName: file, source: file, original: result.original ?? null }, { clock: () => '2026-01-01T00:00:00.000Z' });
      if (outcome.status !== 'imported') throw new Error(`not imported: ${outcome.status}`);
      const folder = store.articleDir(outcome.article.id);
      expect(readFileSync(path.join(folder, 'text.txt'), 'utf8')).toBe(expected.document.text);
      expect(readFileSync(path.join(folder, 'text.txt'), 'utf8')).toContain('Paragraph 5999 of the long page, about harbour pilots, canal locks and the Ωmega café ☃.');
      expect(readFileSync(path.join(folder, 'content.html'), 'utf8')).toBe(expected.document.html);
      expect(outcome.article.cover).toBeDefined();
      expect(outcome.article.cover).toBe(expected.cover);
      expect(readFileSync(path.join(folder, outcome.article.cover!)).equals(picture)).toBe(true);
      expect(readFileSync(path.join(folder, 'original.html'), 'utf8')).toBe(html);
      expect(outcome.article.wordCount).toBe(expected.wordCount);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('warming starts the host before any file; the files that follow are read as usual', async () => {
    const pool = createImportPool({ threads: 2, log: () => {} });
    try {
      pool.warm();
      const pid = pool.hostPid();
      expect(pid).not.toBeNull();
      expect(alive(pid!)).toBe(true);
      const names = ['Harbour pilots', 'Canal locks', 'Lighthouse keepers'];
      const read = await Promise.all(names.map((name, i) => pool.extract({ fileName: `p${i}.html`, filePath: page(`p${i}.html`, name) })));
      expect(read.map(titleOf)).toEqual(names);
      // The same host: warming started the one the files used.
      expect(pool.hostPid()).toBe(pid);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('a large file first, while the warm-up page waits for its worker: the ordinary files after it are read too', async () => {
    // A folder whose first file is large: the ordinary workers are replaced before it (worker-rotation.ts)
    // while the one started for the warm-up page is still starting, and the files after it wait
    // for the warm-up. Until 2026-12-07 that worker was ended with the warm-up page still waiting
    // for it, no other was started, and the import never ended.
    const pool = createImportPool({ threads: 2, log: () => {} });
    try {
      pool.warm();
      const names = ['A large page', 'Harbour pilots', 'Canal locks', 'Lighthouse keepers'];
      const files = names.map((name, i) => page(`p${i}.html`, name));
      const read = await Promise.all(files.map((file, i) => pool.extract({ fileName: file, filePath: file, ...(i === 0 ? { large: true } : {}) })));
      expect(read.map(titleOf)).toEqual(names);
    } finally {
      await pool.close();
    }
  }, 30_000);

  it.skipIf(process.platform !== 'linux')(
    "on Linux, the host's workers run below Quire, while V8's helpers, which compile and collect for them, do not",
    async () => {
      const pool = createImportPool({ threads: 2, log: () => {} });
      try {
        // Workers have read pages, so the threads the host uses are there.
        const names = ['Harbour pilots', 'Canal locks'];
        expect((await Promise.all(names.map((name, i) => pool.extract({ fileName: `p${i}.html`, filePath: page(`p${i}.html`, name) })))).map(titleOf)).toEqual(names);
        // The host starts at the priority of the thread that started it (this one).
        const own = getPriority();
        const background = Math.min(19, own + BACKGROUND_PRIORITY_DROP);
        const threads = [...threadPriorities(pool.hostPid()!).values()];
        const niceOf = (name: string): number[] => threads.filter((thread) => thread.name === name).map(({ nice }) => nice);
        expect(niceOf('MainThread')).toEqual([background]);
        expect(niceOf('WorkerThread').length).toBeGreaterThan(0);
        expect(new Set(niceOf('WorkerThread'))).toEqual(new Set([background]));
        // Lowered with the workers, the helpers fell behind them and imports took longer (background-priority.ts).
        expect(niceOf('V8Worker').length).toBeGreaterThan(0);
        expect(new Set(niceOf('V8Worker'))).toEqual(new Set([own]));
      } finally {
        await pool.close();
      }
    },
    60_000,
  );

  it('a cancelled file stops at once and the host reads the next one', async () => {
    const pool = createImportPool({ threads: 1, log: () => {} });
    try {
      const controller = new AbortController();
      const first = page('first.html', 'First');
      const cancelled = pool.extract({ fileName: first, filePath: first }, controller.signal);
      controller.abort();
      await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
      await expect(pool.extract({ fileName: first, filePath: first }, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
      const next = page('next.html', 'Next');
      expect(titleOf(await pool.extract({ fileName: next, filePath: next }))).toBe('Next');
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('a host that cannot start fails the files with a reason for the log, without trying them again forever', async () => {
    vi.stubEnv('QUIRE_IMPORT_HOST', path.join(dir, 'missing-host.js'));
    const logged: string[] = [];
    const pool = createImportPool({ threads: 2, log: (message) => logged.push(message) });
    try {
      const file = page('page.html', 'Page');
      const error = await pool.extract({ fileName: file, filePath: file }).then(() => null, (caught: unknown) => caught);
      expect(String(error)).toMatch(/could not start/);
      expect(failureReason(error, file, () => {})).toBe('Quire could not import this file; details are in the log.');
      expect(logged.join('\n')).toMatch(/stopped before it was ready/);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('closing stops the host process and settles what was waiting', async () => {
    const pool = createImportPool({ threads: 1, log: () => {} });
    const file = page('page.html', 'Page');
    expect(titleOf(await pool.extract({ fileName: file, filePath: file }))).toBe('Page');
    const pid = pool.hostPid();
    expect(pid).not.toBeNull();
    expect(alive(pid!)).toBe(true);
    const waiting = pool.extract({ fileName: file, filePath: file }).then(() => null, (error: unknown) => error);
    await pool.close();
    expect(await waiting).toMatchObject({ name: 'AbortError' });
    expect(alive(pid!)).toBe(false);
    expect(pool.hostPid()).toBeNull();
  }, 60_000);

  it("passes on a long book's chapters as its worker reads them, a few times a second at most", async () => {
    const pool = createImportPool({ threads: 1, log: () => {} });
    const book = path.join(EPUB_DIR, 'moby-dick.epub');
    const seen: { at: number; reading: FileReading }[] = [];
    try {
      const started = Date.now();
      const result = await pool.extract({ fileName: book, filePath: book }, undefined, (reading) => seen.push({ at: Date.now(), reading }));
      const took = Date.now() - started;
      expect(result.ok).toBe(true);
      const parts = seen[0]!.reading.parts;
      expect(parts).toBeGreaterThan(100);
      expect(seen.every(({ reading }) => reading.unit === 'chapter' && reading.parts === parts)).toBe(true);
      const chapters = seen.map(({ reading }) => reading.part);
      expect(chapters[0]).toBe(1);
      expect(chapters).toEqual([...new Set(chapters)].sort((a, b) => a - b));
      // At most one every 200 ms (the first at once): a report per chapter would be over a hundred.
      expect(seen.length).toBeLessThanOrEqual(Math.floor(took / 200) + 1);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it("the import host passes on only its worker's well-formed progress messages", async () => {
    vi.stubEnv('QUIRE_IMPORT_WORKER', path.resolve('tests/support/progress-import-worker.mjs'));
    const pool = createImportPool({ threads: 1, log: () => {} });
    const seen: FileReading[] = [];
    try {
      const file = page('book.html', 'Book');
      const result = await pool.extract({ fileName: file, filePath: file }, undefined, (reading) => seen.push(reading));
      expect(titleOf(result)).toBe(file);
      expect(seen).toEqual([
        { unit: 'chapter', part: 1, parts: 3 },
        { unit: 'chapter', part: 2, parts: 3 },
      ]);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it("Quire takes only well-formed progress from the import host, and only for a file it still waits for", async () => {
    let host: { reply: (reply: unknown) => void } | null = null;
    const spawnHost = (): ImportHostProcess => {
      let listener: (reply: ImportHostReply) => void = () => {};
      let exited: (how: string) => void = () => {};
      const started: ImportHostProcess = {
        pid: null,
        send: (request) => {
          if (request.type !== 'extract') return;
          const { id } = request;
          const reply = (value: unknown): void => listener(value as ImportHostReply);
          reply({ type: 'progress', id, progress: { type: 'progress', unit: 'page', part: 0, parts: 12 } });
          reply({ type: 'progress', id, progress: { type: 'progress', unit: 'page', part: 4, parts: 12 } });
          reply({ type: 'progress', id, progress: { type: 'progress', unit: 'page', part: 5, parts: '12' } });
          reply({ type: 'progress', id, progress: null });
          reply({ type: 'done', id, result: { ok: false, reason: 'read', unexpected: null } });
          reply({ type: 'progress', id, progress: { type: 'progress', unit: 'page', part: 12, parts: 12 } });
        },
        onMessage: (next) => {
          listener = next;
          host = { reply: (value) => listener(value as ImportHostReply) };
        },
        onExit: (next) => (exited = next),
        kill: () => exited('signal SIGTERM'),
      };
      return started;
    };
    const pool = createImportPool({ threads: 1, spawnHost, paths: { host: 'host.js', worker: 'worker.js', tinypool: 'tinypool.js' }, log: () => {} });
    const seen: FileReading[] = [];
    try {
      const reading = pool.extract({ fileName: 'a.pdf', bytes: new Uint8Array([1]) }, undefined, (progress) => seen.push(progress));
      host!.reply({ type: 'ready' });
      expect(await reading).toMatchObject({ ok: false, reason: 'read' });
      expect(seen).toEqual([{ unit: 'page', part: 4, parts: 12 }]);
    } finally {
      await pool.close();
    }
  });

  it('warming a running host keeps it 30 s more; left unused it stops, and a warm after that starts a new one', async () => {
    vi.useFakeTimers();
    const hosts: { requests: string[]; killed: boolean; reply: (reply: ImportHostReply) => void }[] = [];
    const spawnHost = (): ImportHostProcess => {
      const host = { requests: [] as string[], killed: false, reply: (_reply: ImportHostReply): void => {} };
      let exited: (how: string) => void = () => {};
      hosts.push(host);
      return {
        pid: null,
        send: (request) => void host.requests.push(request.type),
        onMessage: (listener) => (host.reply = listener),
        onExit: (listener) => (exited = listener),
        kill: () => {
          host.killed = true;
          exited('signal SIGTERM');
        },
      };
    };
    const pool = createImportPool({ threads: 1, spawnHost, paths: { host: 'host.js', worker: 'worker.js', tinypool: 'tinypool.js' }, log: () => {} });
    try {
      pool.warm();
      expect(hosts).toHaveLength(1);
      hosts[0]!.reply({ type: 'ready' });
      // told to read its warm-up page once it listens
      expect(hosts[0]!.requests).toEqual(['warm']);
      await vi.advanceTimersByTimeAsync(20_000);
      pool.warm(); // the dialog opened again: no second host, and 30 s more
      expect(hosts).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(20_000);
      expect(hosts[0]!.killed).toBe(false);
      await vi.advanceTimersByTimeAsync(10_001);
      expect(hosts[0]!.killed).toBe(true);
      pool.warm();
      expect(hosts).toHaveLength(2);
    } finally {
      await pool.close();
      vi.useRealTimers();
    }
  });
});

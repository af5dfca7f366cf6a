/**
 * Paths that are not regular files, at every entry point that reads a path the user gives: a
 * device that never ends, named pipes (with and without a writer), a unix socket, and symbolic
 * links to each. Each is refused with one sentence before it is opened, and nothing waits on it:
 * the library's other changes go on. A regular file is read once: its original is the bytes the
 * article was made from, even when the file changes right after it was read.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as importPool from '../../../../electron/core/import-jobs/import-pool';
import { readExportFile } from '../../../../electron/cli/export-files';
import { openTestLibrary } from '../support/import-library';
import { useTempDir } from '../support/temp-dir';

/** Files imported while this is set are rewritten the moment a worker has read them. */
let rewriteAfterRead: string | null = null;

vi.mock('../../../../electron/core/import-jobs/import-pool', async (importOriginal) => {
  const actual = await importOriginal<typeof importPool>();
  return {
    ...actual,
    createImportPool: (options?: Parameters<typeof actual.createImportPool>[0]) => {
      const pool = actual.createImportPool(options);
      return {
        threads: pool.threads,
        close: () => pool.close(),
        async extract(task: Parameters<typeof pool.extract>[0], signal?: AbortSignal) {
          const result = await pool.extract(task, signal);
          if (rewriteAfterRead !== null && task.filePath !== undefined) writeFileSync(task.filePath, rewriteAfterRead);
          return result;
        },
      };
    },
  };
});

const tempDir = useTempDir('quire-special-');
const writers: ChildProcess[] = [];
const servers: net.Server[] = [];

afterEach(async () => {
  rewriteAfterRead = null;
  for (const writer of writers.splice(0)) writer.kill('SIGKILL');
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

const refusal = (kind: string): string => `This path is ${kind}, not a regular file: Quire reads only regular files.`;
const DEVICE = refusal('a device');
const FIFO = refusal('a named pipe (FIFO)');
const SOCKET = refusal('a socket');

function fifo(file: string): string {
  execFileSync('mkfifo', [file]);
  return file;
}

/** A named pipe with a writer that feeds it text for as long as the test runs. */
function fedFifo(file: string): string {
  fifo(file);
  const writer = spawn('sh', ['-c', 'while :; do printf "Text from a pipe, once per reader.\\n" > "$1"; done', 'sh', file], { stdio: 'ignore' });
  writers.push(writer);
  return file;
}

async function socketAt(file: string): Promise<string> {
  const server = net.createServer((connection) => connection.end('Text from a socket.\n'));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(file, resolve));
  return file;
}

const articleFolders = (libraryDir: string): string[] => readdirSync(path.join(libraryDir, 'articles')).filter((n) => !n.startsWith('.'));

describe('only regular files are read', () => {
  it('importPaths refuses a device, named pipes, a socket and links to them, each in one sentence', async () => {
    const root = tempDir();
    const files = {
      zero: '/dev/zero',
      zeroLink: path.join(root, 'zero.txt'),
      idlePipe: fifo(path.join(root, 'idle.txt')),
      fedPipe: fedFifo(path.join(root, 'fed.txt')),
      pipeLink: path.join(root, 'pipe-link.md'),
      socket: await socketAt(path.join(root, 'socket.txt')),
      socketLink: path.join(root, 'socket-link.html'),
    };
    symlinkSync('/dev/zero', files.zeroLink);
    symlinkSync(files.fedPipe, files.pipeLink);
    symlinkSync(files.socket, files.socketLink);
    const { core, libraryDir } = await openTestLibrary(root);
    try {
      const outcomes = await core.importPaths(Object.values(files));
      expect(outcomes.map((o) => [path.basename(o.source), o.status, o.status === 'failed' ? o.reason : null])).toEqual([
        ['zero', 'failed', DEVICE],
        ['zero.txt', 'failed', DEVICE],
        ['idle.txt', 'failed', FIFO],
        ['fed.txt', 'failed', FIFO],
        ['pipe-link.md', 'failed', FIFO],
        ['socket.txt', 'failed', SOCKET],
        ['socket-link.html', 'failed', SOCKET],
      ]);
      expect(articleFolders(libraryDir)).toEqual([]);
    } finally {
      await core.close();
    }
  });

  it('a folder import reads its documents and refuses the pipes, devices and sockets among them', async () => {
    const root = tempDir();
    const folder = path.join(root, 'documents');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'a-note.txt'), 'A plain note that is a regular file.\n\nIt has two paragraphs.');
    fedFifo(path.join(folder, 'b-pipe.txt'));
    symlinkSync('/dev/zero', path.join(folder, 'c-zero.html'));
    await socketAt(path.join(folder, 'd-socket.md'));
    const { core } = await openTestLibrary(root);
    try {
      const outcomes = await core.importPaths([folder]);
      expect(outcomes.map((o) => [path.basename(o.source), o.status, o.status === 'failed' ? o.reason : null])).toEqual([
        ['a-note.txt', 'imported', null],
        ['b-pipe.txt', 'failed', FIFO],
        ['c-zero.html', 'failed', DEVICE],
        ['d-socket.md', 'failed', SOCKET],
      ]);
    } finally {
      await core.close();
    }
  });

  it('a file is read once: its original is the bytes the article was made from, even if the file changes right after', async () => {
    const root = tempDir();
    const file = path.join(root, 'changing.txt');
    const first = 'A changing file\n\nThe first version of a file that changes while it is imported.';
    writeFileSync(file, first);
    const { core, libraryDir } = await openTestLibrary(root);
    try {
      rewriteAfterRead = 'Another text entirely, written after the import read the file.';
      const [outcome] = await core.importPaths([file]);
      expect(outcome?.status).toBe('imported');
      if (outcome?.status !== 'imported') return;
      const dir = path.join(libraryDir, 'articles', outcome.article.id);
      expect(readFileSync(path.join(dir, 'original.txt'), 'utf8')).toBe(first);
      expect((await core.getContent(outcome.article.id)).text).toContain('The first version of a file');
    } finally {
      await core.close();
    }
  });

  it('replaceArticleText refuses a pipe or a device at once, and the library keeps taking changes', async () => {
    const root = tempDir();
    const note = path.join(root, 'note.txt');
    writeFileSync(note, 'A note\n\nA note whose text will not be replaced by a pipe.');
    const idlePipe = fifo(path.join(root, 'new-text.txt'));
    const { core } = await openTestLibrary(root);
    try {
      const [outcome] = await core.importPaths([note]);
      if (outcome?.status !== 'imported') throw new Error('note not imported');
      const id = outcome.article.id;
      // Started together: the replacement must not hold the change queue while it waits on the pipe.
      const [replaced, progress] = await Promise.allSettled([
        core.replaceArticleText(id, idlePipe),
        core.setProgress(id, { progress: 0.5, position: 10 }),
      ]);
      expect(replaced).toMatchObject({ status: 'rejected', reason: expect.objectContaining({ message: FIFO }) });
      expect(progress).toMatchObject({ status: 'fulfilled', value: expect.objectContaining({ progress: 0.5 }) });
      await expect(core.replaceArticleText(id, '/dev/zero')).rejects.toThrow(DEVICE);
      expect((await core.getContent(id)).text).toContain('A note whose text will not be replaced');
    } finally {
      await core.close();
    }
  });

  it('import-library refuses a pipe and a device as the archive, without waiting on them', async () => {
    const root = tempDir();
    const pipe = fifo(path.join(root, 'library.zip'));
    const { core } = await openTestLibrary(root);
    try {
      await expect(core.archives.importLibrary(pipe, { dryRun: false })).rejects.toThrow(FIFO);
      await expect(core.archives.importLibrary('/dev/zero', { dryRun: true })).rejects.toThrow(DEVICE);
    } finally {
      await core.close();
    }
  });

  it('import-annotations (the CLI reading an export back) refuses a pipe and a device', async () => {
    const root = tempDir();
    const pipe = fedFifo(path.join(root, 'notes.json'));
    await expect(readExportFile(pipe)).rejects.toThrow(`${pipe}: ${FIFO}`);
    await expect(readExportFile('/dev/zero')).rejects.toThrow(`/dev/zero: ${DEVICE}`);
    expect(existsSync(pipe)).toBe(true);
  });
});

/**
 * The command line while the app or `quire serve` has the library open (holds its lock): writes
 * are refused in one sentence that says what to do, reads keep working, nothing on disk changes;
 * a lock left by a crashed app stops nobody.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdLibraryLock, LIBRARY_LOCK } from '../../../electron/core/library/library-locks';
import { connectForwardedWrites, forwardingEndpoint } from '../../../electron/core/library/write-forwarding';
import { openTestLibrary } from '../core/support/import-library';
import { runQuire, type QuireRun } from '../../support/run-quire';

describe('the command line and a library open elsewhere', () => {
  let home: string;
  let libraryDir: string;
  let id: string;
  const quire = (...args: string[]): Promise<QuireRun> => runQuire(home, libraryDir, args);
  const articleJson = () => readFileSync(path.join(libraryDir, 'articles', id, 'article.json'), 'utf8');

  beforeAll(async () => {
    home = mkdtempSync(path.join(tmpdir(), 'quire-cli-lock-'));
    libraryDir = path.join(home, 'library');
    const note = path.join(home, 'note.txt');
    writeFileSync(note, 'A locked note\n\nA note in a library that the app has open.');
    const imported = await quire('import', note);
    expect(imported.code).toBe(0);
    id = JSON.parse((await quire('list', '--json')).stdout).find((a: { title: string }) => a.title === 'A locked note').id as string;
  }, 60_000);

  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('refuses writes in one sentence while the lock is held, keeps reading, and writes again once it is released', async () => {
    // This test process plays the app: it holds the library lock as the app does while open.
    const lock = await holdLibraryLock(libraryDir, () => {});
    expect(lock).not.toBeNull();
    const before = articleJson();
    try {
      const busy = `Quire is open on ${libraryDir} (the app or quire serve), and the command line does not change a library that is open elsewhere, so that no change is lost: make this change there, or close Quire and run the command again.\n`;
      for (const args of [['tag', id, 'from-terminal'], ['note', id, 'a note'], ['delete', id], ['empty-trash'], ['import', path.join(home, 'note.txt')]]) {
        const run = await quire(...args);
        expect({ args, code: run.code, stderr: run.stderr }).toEqual({ args, code: 1, stderr: busy });
      }
      expect(articleJson()).toBe(before);
      const listed = await quire('list');
      expect(listed.code).toBe(0);
      expect(listed.stdout).toContain('A locked note');
      expect((await quire('search', 'locked')).code).toBe(0);
    } finally {
      await lock!.release();
    }
    const tagged = await quire('tag', id, 'from-terminal');
    expect(tagged.code).toBe(0);
    expect(JSON.parse(articleJson()).tags).toEqual(['from-terminal']);
  }, 120_000);

  it('a lock left by a crashed app (not refreshed for a minute) does not stop a write', async () => {
    const stale = path.join(libraryDir, LIBRARY_LOCK);
    mkdirSync(stale);
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(stale, minuteAgo, minuteAgo);
    const run = await quire('tag', id, 'after-crash');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(articleJson()).tags).toContain('after-crash');
    // And the next app to open takes the lock over.
    const lock = await holdLibraryLock(libraryDir, () => {});
    expect(lock).not.toBeNull();
    await lock!.release();
  }, 60_000);

  it('sends an import of a folder to the running Quire, with progress and one line per file; a device is refused there in one sentence', async () => {
    const folder = path.join(home, 'many');
    mkdirSync(folder);
    for (let i = 0; i < 60; i += 1) writeFileSync(path.join(folder, `note-${i}.txt`), `Forwarded note ${i}\n\nNote number ${i} of sixty, imported through the running Quire.`);
    const { core } = await openTestLibrary(home, { maintenance: true });
    try {
      const run = await quire('import', folder, '/dev/zero');
      expect(run.code).toBe(1);
      // Progress as a local import shows it to a log: a line at every tenth, the last one at the end.
      expect(run.stderr).toMatch(/^importing 61 of 61 · \d+:\d\d elapsed/m);
      expect(run.stderr).toContain('failed    /dev/zero: This path is a device, not a regular file: Quire reads only regular files.\n');
      const imported = run.stdout.split('\n').filter((line) => line.startsWith('imported  '));
      expect(imported, run.stdout).toHaveLength(60);
      expect(run.stdout).toMatch(/60 imported.*1 failed/);
      const titles = (await core.listArticles()).map((a) => a.title);
      for (let i = 0; i < 60; i += 1) expect(titles).toContain(`Forwarded note ${i}`);
    } finally {
      await core.close();
    }
  }, 120_000);

  it('sends tag and note to the running Quire, which has them at once; a command it cannot take, or a request without its token, is refused', async () => {
    // The app (a core opened for maintenance) holds the library and listens for the command line.
    const { core } = await openTestLibrary(home, { maintenance: true });
    try {
      const tagged = await quire('tag', id, 'sent-over');
      expect({ code: tagged.code, stderr: tagged.stderr }).toEqual({ code: 0, stderr: '' });
      expect(tagged.stdout).toMatch(/^tagged .*sent-over/);
      // The running process has it in memory, and on disk: nothing it holds is stale.
      expect((await core.getArticle(id)).tags).toContain('sent-over');
      expect(JSON.parse(articleJson()).tags).toContain('sent-over');
      expect((await quire('note', id, 'a note from the terminal')).code).toBe(0);
      expect((await core.listAnnotations(id)).map((a) => a.note)).toContain('a note from the terminal');
      // An import is done by the running process, which lists the article at once and tells its page.
      const changed: string[][] = [];
      const stopListening = core.events.on('library-changed', ({ articleIds }) => changed.push(articleIds));
      const second = path.join(home, 'second.txt');
      writeFileSync(second, 'A second note\n\nImported through the running Quire.');
      const imported = await quire('import', second);
      expect({ code: imported.code, stderr: imported.stderr }).toEqual({ code: 0, stderr: '' });
      const [, importedId] = /^imported {2}(\S+) {2}A second note\n$/.exec(imported.stdout) ?? [];
      expect(importedId).toBeDefined();
      expect((await core.getArticle(importedId!)).title).toBe('A second note');
      expect(changed).toContainEqual([importedId]);
      stopListening();
      // A request without the token (another user's program, a page) is refused.
      const forwarded = await connectForwardedWrites(libraryDir);
      expect(forwarded).not.toBeNull();
      forwarded!.close();
      const socket = await import('node:net').then((net) => net.connect(forwardingEndpoint(libraryDir).socket));
      const answer = await new Promise<string>((resolve) => {
        socket.setEncoding('utf8');
        socket.on('data', (chunk: string) => resolve(chunk));
        socket.write(`${JSON.stringify({ token: 'guessed', method: 'deleteArticle', args: [id] })}\n`);
      });
      socket.end();
      expect(JSON.parse(answer)).toEqual({
        ok: false,
        error: { code: 'forbidden', message: 'The request does not carry this Quire’s token.', sentence: { id: 'core.error.forwardFailed', values: {} } },
      });
      expect((await core.getArticle(id)).id).toBe(id);
    } finally {
      await core.close();
    }
  }, 120_000);
});

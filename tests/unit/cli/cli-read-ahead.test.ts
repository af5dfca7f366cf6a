/**
 * `quire list` and the commands that write read the library's metadata ahead, in a thread of its
 * own while the command loads (library-prefetch.ts). The built command, real files: what they see
 * is the library as another process just left it, what they write never undoes that process's
 * change, whether the thread answers, fails, is missing or says something else.
 */
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statStamp } from '../../../electron/core/fs/stat-stamp';
import { ArticleStore } from '../../../electron/core/library/article-store';
import { COMMANDS_READING_AHEAD } from '../../../electron/cli/early-prefetch';
import { runQuire } from '../../support/run-quire';
import { plainArticle, retitleAsAnotherProgram } from '../core/support/plain-article';

const IDS = ['kettle', 'lantern', 'mirror'];

describe('commands with the library read ahead', () => {
  let root: string;
  let libraryDir: string;
  const metaFile = (id: string): string => path.join(libraryDir, 'articles', id, 'article.json');
  const titles = async (env: Record<string, string> = {}): Promise<string[]> => {
    const run = await runQuire(root, libraryDir, ['list', '--json'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    return (JSON.parse(run.stdout) as { title: string }[]).map((article) => article.title).sort();
  };
  const retitle = (id: string, title: string): void => retitleAsAnotherProgram(metaFile(id), title);
  /** A stand-in for the prefetch thread that runs `body`. */
  const fakeThread = (name: string, body: string): string => {
    const file = path.join(root, `${name}.mjs`);
    writeFileSync(file, `import { parentPort } from 'node:worker_threads';\n${body}\n`);
    return file;
  };
  /**
   * Changes article `id`'s title as another program would, and gives a stand-in thread that says
   * its article.json is still as it was before: only a command that used its answer sees the old version.
   */
  const retitleBehindThread = (id: string, title: string): string => {
    const before = statStamp(metaFile(id))!;
    retitle(id, title);
    const stamp = [before.size, before.mtimeMs, before.ctimeMs, before.ino];
    return fakeThread(`stale-${id}`, `parentPort.postMessage({ names: [${JSON.stringify(id)}], stamps: new Float64Array(${JSON.stringify(stamp)}) });`);
  };

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'quire-cli-read-ahead-'));
    libraryDir = path.join(root, 'library');
    // Made here, not by `quire import`: a library the command makes is given the sample articles first.
    const { store } = await ArticleStore.open(libraryDir, { log: () => undefined });
    for (const id of IDS) await store.add(plainArticle(id, `Title of ${id}`));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('lists an article as another program just changed it', async () => {
    expect(await titles()).toEqual(['Title of kettle', 'Title of lantern', 'Title of mirror']);
    // The second listing comes from the metadata cache the first one wrote.
    expect(await titles()).toEqual(['Title of kettle', 'Title of lantern', 'Title of mirror']);
    retitle('kettle', 'Title of kettlf');
    expect(await titles()).toEqual(['Title of kettlf', 'Title of lantern', 'Title of mirror']);
    retitle('kettle', 'Title of kettle');
  });

  it("takes article.json's stamps from the thread: stamps it says are of an older version show that version", async () => {
    await titles();
    const stale = retitleBehindThread('lantern', 'Title of lanterm');
    expect(await titles({ QUIRE_PREFETCH_WORKER: stale })).toContain('Title of lantern');
    // The real thread sees the change.
    expect(await titles()).toContain('Title of lanterm');
    retitle('lantern', 'Title of lantern');
  });

  it('a command that writes never writes back an older version than the file', async () => {
    await titles();
    const stale = retitleBehindThread('kettle', 'Title of kettlf');
    const tagged = await runQuire(root, libraryDir, ['tag', 'kettle', 'copper'], { QUIRE_PREFETCH_WORKER: stale });
    expect(tagged.stderr).toBe('');
    expect(tagged.code).toBe(0);
    // The tag is added to article.json as it is on disk: the other program's title stays.
    const meta = JSON.parse(readFileSync(metaFile('kettle'), 'utf8')) as { title: string; tags: string[] };
    expect(meta).toMatchObject({ title: 'Title of kettlf', tags: ['copper'] });
    expect(await titles()).toContain('Title of kettlf');
    // And the search index follows the file, not the stamped version.
    const found = await runQuire(root, libraryDir, ['search', 'kettlf', '--json']);
    expect((JSON.parse(found.stdout) as { articleId: string }[]).map((hit) => hit.articleId)).toEqual(['kettle']);
    retitle('kettle', 'Title of kettle');
  });

  it('asks the thread for the annotation folders only for a command that fingerprints the library, and not at all for a search', async () => {
    const asked = path.join(root, 'asked.jsonl');
    const recording = fakeThread(
      'recording',
      `import { appendFileSync } from 'node:fs'; import { workerData } from 'node:worker_threads';\nappendFileSync(${JSON.stringify(asked)}, JSON.stringify(workerData) + '\\n');`,
    );
    const env = { QUIRE_PREFETCH_WORKER: recording };
    expect((await runQuire(root, libraryDir, ['list'], env)).code).toBe(0);
    expect((await runQuire(root, libraryDir, ['empty-trash'], env)).code).toBe(0);
    expect((await runQuire(root, libraryDir, ['search', 'kettle'], env)).code).toBe(0);
    expect((await runQuire(root, libraryDir, ['show', 'lantern'], env)).code).toBe(0);
    // A command about the articles it names reads those alone.
    expect((await runQuire(root, libraryDir, ['untag', 'lantern', 'copper'], env)).code).toBe(0);
    expect((await runQuire(root, libraryDir, ['delete', 'kettle'], env)).code).toBe(0);
    expect((await runQuire(root, libraryDir, ['restore', 'kettle'], env)).code).toBe(0);
    const articlesDir = path.join(realpathSync(libraryDir), 'articles');
    expect(readFileSync(asked, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as unknown)).toEqual([
      { articlesDir, annotationFolders: false },
      { articlesDir, annotationFolders: true },
    ]);
  });

  it('reads ahead for commands quire has: a command renamed would silently lose it', async () => {
    const help = await runQuire(root, libraryDir, ['--help']);
    const commands = new Set([...help.stdout.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((match) => match[1]));
    expect(commands.has('list')).toBe(true);
    for (const command of COMMANDS_READING_AHEAD.keys()) expect(commands, command).toContain(command);
  });

  it('lists the same library when the thread is missing, fails, ends late or answers something else', async () => {
    retitle('mirror', 'Title of mirrov');
    const expected = ['Title of kettle', 'Title of lantern', 'Title of mirrov'];
    const threads = {
      missing: path.join(root, 'no-such-thread.mjs'),
      failing: fakeThread('failing', "throw new Error('no stamps today');"),
      silent: fakeThread('silent', '// ends without a word'),
      // Ends without a word once the command has nothing else to wait for: the command must not
      // end there (an unreferenced thread let it exit with code 13 in 9 of 10 runs).
      late: fakeThread('late', 'setTimeout(() => {}, 1000);'),
      foreign: fakeThread('foreign', "parentPort.postMessage({ names: ['mirror'], stamps: [1, 2, 3, 4] });"),
      foreignFolders: fakeThread(
        'foreign-folders',
        "parentPort.postMessage({ names: [], stamps: new Float64Array(0) }); parentPort.postMessage({ folderStamps: 'none' });",
      ),
    };
    for (const thread of Object.values(threads)) expect(await titles({ QUIRE_PREFETCH_WORKER: thread })).toEqual(expected);
    expect(await titles()).toEqual(expected);
  });
});

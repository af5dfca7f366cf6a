/**
 * `quire search` on a library another process writes to (a synchronizer, a script): what was
 * written just before the search is found, whatever the caches beside the index said, and caches
 * that no longer describe the library are made again. The built command, real files.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQuire, type QuireRun } from '../../support/run-quire';

describe('quire search after another process changed the library', () => {
  let root: string;
  let libraryDir: string;
  let ids: string[] = [];
  const quire = (...args: string[]): Promise<QuireRun> => runQuire(root, libraryDir, args);
  const found = async (query: string): Promise<string[]> => {
    const run = await quire('search', query, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    return (JSON.parse(run.stdout) as { articleId: string }[]).map((hit) => hit.articleId);
  };
  /** The library's cache folder (one per library under the settings home). */
  const cacheDir = (): string => {
    const caches = path.join(root, 'config', 'Quire', '.quire-cache');
    return path.join(caches, readdirSync(caches)[0]!);
  };

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'quire-cli-outside-'));
    libraryDir = path.join(root, 'library');
    const docs = ['Harbour pilots', 'Lighthouse keepers'].map((title, i) => {
      const file = path.join(root, `${i}.txt`);
      writeFileSync(file, `${title}\n\nA paragraph about ${title.toLowerCase()}, long enough to be an article.\n\nThe end.`);
      return file;
    });
    const run = await quire('import', ...docs);
    expect(run.code).toBe(0);
    ids = run.stdout.trim().split('\n').slice(0, 2).map((line) => line.split(/\s+/)[1]!);
    // A new library's sample articles are imported first: longer than a hook's usual 10 s on a loaded machine.
  }, 60_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds an article another process wrote into the library just before', async () => {
    expect(await found('lighthouse')).toEqual([ids[1]]);
    // Twice: the second search may answer before reading the library; it still must not miss anything.
    expect(await found('lighthouse')).toEqual([ids[1]]);
    const copy = path.join(libraryDir, 'articles', 'written-elsewhere');
    cpSync(path.join(libraryDir, 'articles', ids[1]!), copy, { recursive: true });
    for (const name of ['article.json', 'text.txt', 'content.html']) {
      const file = path.join(copy, name);
      writeFileSync(file, readFileSync(file, 'utf8').replaceAll('Lighthouse', 'Windmill').replaceAll('lighthouse', 'windmill'));
    }
    expect(await found('windmill')).toEqual(['written-elsewhere']);
    expect(await found('windmill')).toEqual(['written-elsewhere']);
  });

  it('finds an article whose metadata another process changed, and no longer one it moved away', async () => {
    const file = path.join(libraryDir, 'articles', ids[0]!, 'article.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Harbour pilots', 'Seaport pilots'));
    expect(await found('seaport')).toEqual([ids[0]]);
    rmSync(path.join(libraryDir, 'articles', 'written-elsewhere'), { recursive: true });
    expect(await found('windmill')).toEqual([]);
  });

  it('makes broken caches again and still answers from the files', async () => {
    const caches = readdirSync(cacheDir()).filter((name) => name.endsWith('.json'));
    expect(caches).toEqual(expect.arrayContaining(['library-meta.json', 'index-in-step.json']));
    for (const name of caches) writeFileSync(path.join(cacheDir(), name), '{"version":1}\nnot what Quire wrote');
    const run = await quire('search', 'pilots', '--json');
    expect((JSON.parse(run.stdout) as { articleId: string }[]).map((hit) => hit.articleId)).toEqual([ids[0]]);
    // Each broken cache is said once on stderr, then made again.
    expect(run.stderr).toMatch(/not usable/);
    for (const name of caches) expect(readFileSync(path.join(cacheDir(), name), 'utf8')).not.toContain('not what Quire wrote');
    expect(await found('pilots')).toEqual([ids[0]]);
  });

  it('answers a search right after a command changed an article from the index, and finds the change', async () => {
    const tagged = await quire('tag', ids[0]!, 'ferries');
    expect(tagged.code).toBe(0);
    // A search that opened the library would read its metadata cache and say this one is broken:
    // the command that wrote kept the index's in-step record, so the search reads one article.
    writeFileSync(path.join(cacheDir(), 'library-meta.json'), '{"version":1}\nnot what Quire wrote');
    expect(await found('ferries')).toEqual([ids[0]]);
    expect(readFileSync(path.join(cacheDir(), 'library-meta.json'), 'utf8')).toContain('not what Quire wrote');
  });
});

/**
 * The annotation-folder cache: a later open answers "does this article have bookmarks?" without
 * listing folders that did not change, and never misses a bookmark added, removed or replaced
 * since — whatever the cache file holds.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnnotationFolderCache, SETTLED_MS } from '../../../../electron/core/annotations/annotation-folder-cache';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();

/** Three article folders: one without bookmarks, one with, one with no annotations folder. */
function library() {
  const root = tempDir();
  const cacheFile = path.join(root, 'cache', 'annotation-folders.json');
  const dirOf = (id: string) => path.join(root, 'articles', id, 'annotations');
  mkdirSync(dirOf('empty'), { recursive: true });
  mkdirSync(dirOf('marked'), { recursive: true });
  mkdirSync(path.join(root, 'articles', 'bare'), { recursive: true });
  writeFileSync(path.join(dirOf('marked'), 'b1.json'), '{}');
  const logged: string[] = [];
  const listed: string[] = [];
  const list = (dir: string) => {
    listed.push(path.basename(path.dirname(dir)));
    return holdsJson(dir);
  };
  /** One open of the library: every article asked about, as the index's fingerprinting does, then saved. */
  const open = async (now: () => number = () => Date.now() + 10 * SETTLED_MS) => {
    listed.length = 0;
    const cache = await AnnotationFolderCache.load(cacheFile, (m) => logged.push(m), now);
    const answers = Object.fromEntries(['bare', 'empty', 'marked'].map((id) => [id, cache.holdsFiles(id, dirOf(id), list)]));
    await cache.save(() => {});
    return { answers, listed: [...listed].sort() };
  };
  return { cacheFile, dirOf, open, logged };
}

function holdsJson(dir: string): boolean {
  try {
    return readdirSync(dir).some((name) => name.endsWith('.json'));
  } catch {
    return false;
  }
}

const truth = { bare: false, empty: false, marked: true };

describe('the annotation-folder cache', () => {
  it('lists every folder the first time, and none that did not change the next time', async () => {
    const lib = library();
    expect(await lib.open()).toEqual({ answers: truth, listed: ['empty', 'marked'] });
    expect(await lib.open()).toEqual({ answers: truth, listed: [] });
  });

  it('sees a bookmark added to a folder that had none, and one removed', async () => {
    const lib = library();
    await lib.open();
    writeFileSync(path.join(lib.dirOf('empty'), 'b2.json.tmp'), '{');
    // A rename into the folder, as an annotation is written.
    renameSync(path.join(lib.dirOf('empty'), 'b2.json.tmp'), path.join(lib.dirOf('empty'), 'b2.json'));
    rmSync(path.join(lib.dirOf('marked'), 'b1.json'));
    expect(await lib.open()).toEqual({ answers: { bare: false, empty: true, marked: false }, listed: ['empty', 'marked'] });
  });

  it('lists a folder replaced by another of the same name', async () => {
    const lib = library();
    await lib.open();
    rmSync(lib.dirOf('marked'), { recursive: true });
    mkdirSync(lib.dirOf('marked'));
    expect(await lib.open()).toEqual({ answers: { ...truth, marked: false }, listed: ['marked'] });
  });

  it('does not remember a folder changed a moment before it was listed', async () => {
    const lib = library();
    // Listed at once: a file arriving in the same tick of the clock would not change the folder's time.
    expect((await lib.open(Date.now)).listed).toEqual(['empty', 'marked']);
    expect((await lib.open(Date.now)).listed).toEqual(['empty', 'marked']);
    expect((await lib.open()).listed).toEqual(['empty', 'marked']);
    expect((await lib.open()).listed).toEqual([]);
  });

  it('lists every folder again when the cache file is cut short, edited or made up', async () => {
    const lib = library();
    await lib.open();
    const written = readFileSync(lib.cacheFile, 'utf8');
    for (const broken of [written.slice(0, written.length - 5), written.replace('"marked":[', '"marked":[1,'), 'not a cache', '']) {
      writeFileSync(lib.cacheFile, broken);
      expect(await lib.open()).toEqual({ answers: truth, listed: ['empty', 'marked'] });
    }
    // Edited to claim the empty folder holds files, with the header left as it was: not used.
    const [header, body] = [written.slice(0, written.indexOf('\n')), written.slice(written.indexOf('\n') + 1)];
    const edited = body.replace(/("empty":\[[^\]]*),0\]/, '$1,1]');
    expect(edited).not.toBe(body);
    writeFileSync(lib.cacheFile, `${header}\n${edited}`);
    expect((await lib.open()).answers).toEqual(truth);
    expect(lib.logged.some((m) => m.includes('not usable'))).toBe(true);
  });
});

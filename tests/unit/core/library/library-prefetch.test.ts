/**
 * The library read ahead of its open (`quire list`): the stamps of every article.json and the
 * metadata cache's bytes, taken a moment before the store opens. Whatever changed in that moment,
 * the store lists each article as one version of its file, and never carries a version the
 * prefetch saw past this open.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticleStore } from '../../../../electron/core/library/article-store';
import { isArticleStampsMessage, isFolderStampsMessage, PrefetchedStamps, takeArticleStamps, type LibraryPrefetch } from '../../../../electron/core/library/library-prefetch';
import { statStamp } from '../../../../electron/core/fs/stat-stamp';
import { plainArticle, retitleAsAnotherProgram } from '../support/plain-article';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();

/** A library of three articles whose metadata cache is written. */
async function library() {
  const root = tempDir();
  const dir = path.join(root, 'library');
  const articlesDir = path.join(dir, 'articles');
  const cacheFile = path.join(root, 'cache', 'library-meta.json');
  const logged: string[] = [];
  const open = (prefetched?: LibraryPrefetch) =>
    ArticleStore.open(dir, { log: (m) => logged.push(m), metaCacheFile: cacheFile, ...(prefetched ? { prefetched } : {}) });
  const { store } = await open();
  for (const [id, title] of [['kettle', 'Kettles'], ['lantern', 'Lanterns'], ['mirror', 'Mirrors']] as const) await store.add(plainArticle(id, title));
  await open();
  /** What the prefetch reads, read now (the thread's work is `takeArticleStamps`, run here in this one). */
  const prefetch = (): LibraryPrefetch => {
    const taken = takeArticleStamps(articlesDir);
    const metaCacheBytes = readFile(cacheFile);
    metaCacheBytes.catch(() => undefined);
    return { stamps: Promise.resolve(taken ? new PrefetchedStamps(taken, Promise.resolve(taken.takeFolderStamps())) : null), metaCacheBytes };
  };
  const titlesOf = async (prefetched?: LibraryPrefetch) => (await open(prefetched)).store.list().map((a) => a.title).sort();
  const metaFile = (id: string) => path.join(articlesDir, id, 'article.json');
  const retitle = (id: string, title: string): void => retitleAsAnotherProgram(metaFile(id), title);
  return { dir, articlesDir, cacheFile, logged, open, prefetch, titlesOf, metaFile, retitle };
}

describe('the stamps taken ahead', () => {
  it('are the stamps of each article folder’s article.json, or none where there is no such file', async () => {
    const lib = await library();
    mkdirSync(path.join(lib.articlesDir, 'empty-folder'));
    writeFileSync(path.join(lib.articlesDir, 'stray-file.txt'), 'not an article');
    const taken = takeArticleStamps(lib.articlesDir)!;
    const stamps = new PrefetchedStamps(taken, Promise.resolve(taken.takeFolderStamps()));
    for (const id of ['kettle', 'lantern', 'mirror']) expect(stamps.stampOf(id)).toEqual(statStamp(lib.metaFile(id)));
    expect(stamps.stampOf('empty-folder')).toBeNull();
    // Not a folder, or not there: the store takes the stamp itself.
    expect(stamps.stampOf('stray-file.txt')).toBeUndefined();
    expect(stamps.stampOf('needle')).toBeUndefined();
    // The annotation folders' stamps, as the annotation-folder cache compares them.
    const folders = (await stamps.annotationFolders)!;
    mkdirSync(path.join(lib.articlesDir, 'kettle', 'annotations'), { recursive: true });
    const annotations = statSync(path.join(lib.articlesDir, 'kettle', 'annotations'));
    const kettleFolders = new PrefetchedStamps(taken, Promise.resolve(taken.takeFolderStamps()));
    expect((await kettleFolders.annotationFolders)!.stampOf('kettle')).toEqual({ mtimeMs: annotations.mtimeMs, ctimeMs: annotations.ctimeMs, ino: annotations.ino });
    expect(folders.stampOf('empty-folder')).toBeNull();
    expect(folders.stampOf('needle')).toBeUndefined();
  });

  it('are none for a library folder that has no articles folder yet', () => {
    expect(takeArticleStamps(path.join(tempDir(), 'nowhere', 'articles'))).toBeNull();
  });

  it('are used only from a message of exactly their shape', () => {
    const good = { names: ['a'], stamps: new Float64Array(4) };
    expect(isArticleStampsMessage(good)).toBe(true);
    expect(isFolderStampsMessage({ folderStamps: new Float64Array(3) }, ['a'])).toBe(true);
    expect(isFolderStampsMessage({ folderStamps: new Float64Array(6) }, ['a'])).toBe(false);
    expect(isFolderStampsMessage({ folderStamps: [0, 0, 0] }, ['a'])).toBe(false);
    expect(isFolderStampsMessage(null, ['a'])).toBe(false);
    expect(isArticleStampsMessage(null)).toBe(false);
    expect(isArticleStampsMessage({ names: ['a', 'b'], stamps: new Float64Array(4) })).toBe(false);
    expect(isArticleStampsMessage({ names: [1], stamps: new Float64Array(4) })).toBe(false);
    expect(isArticleStampsMessage({ names: ['a'], stamps: [0, 0, 0, 0] })).toBe(false);
  });
});

describe('a library opened with what was read ahead', () => {
  it('lists what it lists without them', async () => {
    const lib = await library();
    const without = (await lib.open()).store.list();
    expect((await lib.open(lib.prefetch())).store.list()).toEqual(without);
    expect(lib.logged).toEqual([]);
  });

  it('reads an article.json changed before the prefetch, not the cache’s older version', async () => {
    const lib = await library();
    lib.retitle('kettle', 'Kettlez');
    expect(await lib.titlesOf(lib.prefetch())).toEqual(['Kettlez', 'Lanterns', 'Mirrors']);
  });

  it('shows one version of an article changed in the moment after it, and the next open the newer one', async () => {
    const lib = await library();
    const prefetched = lib.prefetch();
    lib.retitle('kettle', 'Kettlez');
    // As if opened a moment earlier: the version the prefetch stamped, whole…
    expect(await lib.titlesOf(prefetched)).toEqual(['Kettles', 'Lanterns', 'Mirrors']);
    // …and what this open remembered stands for that version only: the change is read next time.
    expect(await lib.titlesOf()).toEqual(['Kettlez', 'Lanterns', 'Mirrors']);
    expect(await lib.titlesOf(lib.prefetch())).toEqual(['Kettlez', 'Lanterns', 'Mirrors']);
  });

  it('lists the folders there at open: one added since the prefetch is read, one removed since is not listed', async () => {
    const lib = await library();
    const prefetched = lib.prefetch();
    rmSync(path.join(lib.articlesDir, 'mirror'), { recursive: true });
    const added = plainArticle('needle', 'Needles');
    mkdirSync(path.join(lib.articlesDir, 'needle'));
    for (const [name, body] of [['content.html', added.html], ['text.txt', added.text], ['article.json', JSON.stringify(added.meta)]] as const) {
      writeFileSync(path.join(lib.articlesDir, 'needle', name), body);
    }
    expect(await lib.titlesOf(prefetched)).toEqual(['Kettles', 'Lanterns', 'Needles']);
  });

  it('puts back an article an interrupted change left aside, whatever the prefetch saw of it', async () => {
    const lib = await library();
    // A crash between the two renames of a swap (folder-swap.ts): the live folder is aside.
    renameSync(path.join(lib.articlesDir, 'lantern'), path.join(lib.articlesDir, '.replaced-lantern'));
    const prefetched = lib.prefetch();
    expect(await lib.titlesOf(prefetched)).toEqual(['Kettles', 'Lanterns', 'Mirrors']);
    expect(lib.logged).toContain('Article lantern: an interrupted change was undone.');
  });

  it('without stamps, or with a cache that could not be read ahead, opens as it would without a prefetch', async () => {
    const lib = await library();
    lib.retitle('kettle', 'Kettlez');
    const noStamps: LibraryPrefetch = { stamps: Promise.resolve(null), metaCacheBytes: readFile(lib.cacheFile) };
    expect(await lib.titlesOf(noStamps)).toEqual(['Kettlez', 'Lanterns', 'Mirrors']);
    rmSync(lib.cacheFile);
    const noCache = lib.prefetch();
    expect(await lib.titlesOf(noCache)).toEqual(['Kettlez', 'Lanterns', 'Mirrors']);
    // A missing cache is no failure: nothing said, and it is written again.
    expect(lib.logged).toEqual([]);
    expect(readFileSync(lib.cacheFile, 'latin1')).toContain('Kettlez');
  });

  it('a cache read ahead that is cut short is not used, and no article is lost', async () => {
    const lib = await library();
    const bytes = readFileSync(lib.cacheFile);
    const cutShort: LibraryPrefetch = { ...lib.prefetch(), metaCacheBytes: Promise.resolve(bytes.subarray(0, bytes.length >> 1)) };
    expect(await lib.titlesOf(cutShort)).toEqual(['Kettles', 'Lanterns', 'Mirrors']);
    expect(lib.logged.some((m) => m.includes('not usable'))).toBe(true);
  });
});

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticleStore, type NewArticle } from '../../../../electron/core/library/article-store';
import type { ArticleMeta } from '../../../../electron/shared/models';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();

function newArticle(id: string, addedAt: string, contentHash = `hash-${id}`): NewArticle {
  const meta: ArticleMeta = {
    id,
    title: `Title ${id}`,
    byline: null,
    siteName: null,
    url: null,
    lang: 'en',
    dir: null,
    format: 'txt',
    addedAt,
    updatedAt: addedAt,
    publishedAt: null,
    excerpt: null,
    tags: [],
    contentHash,
    readState: 'unread',
    progress: 0,
    position: 0,
    wordCount: 2,
    source: `${id}.txt`,
  };
  return { meta, html: '<p>Some text</p>', text: 'Some text', original: { ext: 'txt', bytes: Buffer.from('T\nSome text') } };
}

async function open(root: string, logged: string[] = []) {
  return ArticleStore.open(root, { log: (m) => logged.push(m) });
}

describe('ArticleStore', () => {
  it('creates a library with quire-library.json, articles/ and trash/', async () => {
    const root = path.join(tempDir(), 'new-library');
    const { created } = await open(root);
    expect(created).toBe(true);
    const manifest = JSON.parse(readFileSync(path.join(root, 'quire-library.json'), 'utf8'));
    expect(manifest.formatVersion).toBe(1);
    expect(Number.isNaN(Date.parse(manifest.createdAt))).toBe(false);
    expect(readdirSync(root).sort()).toEqual(['articles', 'quire-library.json', 'trash']);
    expect((await open(root)).created).toBe(false);
  });

  it('refuses a library written by a newer format', async () => {
    const root = tempDir();
    writeFileSync(path.join(root, 'quire-library.json'), JSON.stringify({ formatVersion: 2, createdAt: 'x' }));
    await expect(open(root)).rejects.toMatchObject({ code: 'io', message: expect.stringContaining('newer version of Quire') });
  });

  it('writes an article as a folder of plain files and lists newest first', async () => {
    const root = tempDir();
    const { store } = await open(root);
    await store.add(newArticle('article-old', '2024-01-01T00:00:00.000Z'));
    await store.add(newArticle('article-new', '2024-02-01T00:00:00.000Z'));
    const folder = path.join(root, 'articles', 'article-new');
    expect(readdirSync(folder).sort()).toEqual(['annotations', 'article.json', 'content.html', 'original.txt', 'text.txt']);
    expect(readFileSync(path.join(folder, 'text.txt'), 'utf8')).toBe('Some text');
    expect(store.list().map((a) => a.id)).toEqual(['article-new', 'article-old']);
    // and reads it all back after reopening
    const { store: reopened } = await open(root);
    expect(reopened.list().map((a) => a.id)).toEqual(['article-new', 'article-old']);
    expect(await reopened.readContent('article-new')).toEqual({ id: 'article-new', html: '<p>Some text</p>', text: 'Some text' });
  });

  it('leaves nothing behind when writing an article fails', async () => {
    const root = tempDir();
    const { store } = await open(root);
    // The final folder is taken (non-empty), so the last step, the rename, fails.
    mkdirSync(path.join(root, 'articles', 'article-clash', 'x'), { recursive: true });
    await expect(store.add(newArticle('article-clash', '2024-01-01T00:00:00.000Z'))).rejects.toThrow();
    expect(readdirSync(path.join(root, 'articles'))).toEqual(['article-clash']);
    expect(store.get('article-clash')).toBeUndefined();
  });

  it('removes the staging folder of an import a crash interrupted, and never lists it', async () => {
    const root = tempDir();
    await open(root);
    const staging = path.join(root, 'articles', '.tmp-article-crash');
    mkdirSync(staging);
    writeFileSync(path.join(staging, 'text.txt'), 'half');
    const { store } = await open(root);
    expect(existsSync(staging)).toBe(false);
    expect(store.list()).toEqual([]);
  });

  it('writes a new article whole past what a crash or a neighbour left in its staging folder, and never through a link there', async () => {
    const root = tempDir();
    const { store } = await open(root);
    const outside = path.join(tempDir(), 'outside.txt');
    writeFileSync(outside, 'not Quire’s');
    // Left while the library was open (so not cleared at its opening): a half file and a planted link.
    const staging = path.join(root, 'articles', '.tmp-article-again');
    mkdirSync(staging);
    writeFileSync(path.join(staging, 'text.txt'), 'half');
    symlinkSync(outside, path.join(staging, 'content.html'));
    await store.add(newArticle('article-again', '2024-01-01T00:00:00.000Z'));
    const folder = path.join(root, 'articles', 'article-again');
    expect(readFileSync(path.join(folder, 'text.txt'), 'utf8')).toBe('Some text');
    expect(readFileSync(path.join(folder, 'content.html'), 'utf8')).toBe('<p>Some text</p>');
    expect(readFileSync(outside, 'utf8')).toBe('not Quire’s');
    expect(readdirSync(path.join(root, 'articles'))).toEqual(['article-again']);
    // An image listed twice (its name is its hash) is written once, not refused as already there.
    const image = { path: 'assets/0123456789abcdef0123.png', bytes: Buffer.from('png') };
    await store.add({ ...newArticle('article-images', '2024-01-02T00:00:00.000Z'), assets: [image, image] });
    expect(readdirSync(path.join(root, 'articles', 'article-images', 'assets'))).toEqual(['0123456789abcdef0123.png']);
  });

  it('skips an article whose article.json is broken, and says so in the log', async () => {
    const root = tempDir();
    const { store } = await open(root);
    await store.add(newArticle('article-good', '2024-01-01T00:00:00.000Z'));
    mkdirSync(path.join(root, 'articles', 'article-bad'));
    writeFileSync(path.join(root, 'articles', 'article-bad', 'article.json'), '{"id": 5}');
    const logged: string[] = [];
    const { store: reopened } = await open(root, logged);
    expect(reopened.list().map((a) => a.id)).toEqual(['article-good']);
    expect(logged.join('\n')).toContain('article-bad');
  });

  it('lists the articles read most recently first, following each read and each move to the trash', async () => {
    const { store } = await open(tempDir());
    await store.add(newArticle('article-one', '2024-01-01T00:00:00.000Z'));
    await store.add(newArticle('article-two', '2024-01-02T00:00:00.000Z'));
    await store.add(newArticle('article-unread', '2024-01-03T00:00:00.000Z'));
    expect(store.recentlyRead()).toEqual([]);
    const read = (id: string, at: string) => store.update(id, (meta) => ({ ...meta, lastReadAt: at }));

    await read('article-one', '2024-03-01T10:00:00.000Z');
    await read('article-two', '2024-03-01T11:00:00.000Z');
    expect(store.recentlyRead()).toEqual(['article-two', 'article-one']);
    await read('article-one', '2024-03-01T12:00:00.000Z');
    expect(store.recentlyRead()).toEqual(['article-one', 'article-two']);
    await store.moveToTrash('article-one');
    expect(store.recentlyRead()).toEqual(['article-two']);
  });

  it('moves an article to the trash and back', async () => {
    const root = tempDir();
    const { store } = await open(root);
    await store.add(newArticle('article-one', '2024-01-01T00:00:00.000Z'));
    await store.moveToTrash('article-one');
    expect(store.list()).toEqual([]);
    expect(store.findByContentHash('hash-article-one')).toBeUndefined();
    expect(existsSync(path.join(root, 'trash', 'article-one', 'text.txt'))).toBe(true);
    expect((await store.listTrash()).map((a) => a.id)).toEqual(['article-one']);
    // still in the trash after reopening, and not listed
    expect((await open(root)).store.list()).toEqual([]);

    const restored = await store.restore('article-one');
    expect(restored.id).toBe('article-one');
    expect(store.list().map((a) => a.id)).toEqual(['article-one']);
    expect(store.findByContentHash('hash-article-one')?.id).toBe('article-one');
    expect(await store.listTrash()).toEqual([]);
  });

  it('says so when the files of an article were removed by hand', async () => {
    const root = tempDir();
    const { store } = await open(root);
    await store.add(newArticle('article-gone', '2024-01-01T00:00:00.000Z'));
    rmSync(path.join(root, 'articles', 'article-gone', 'text.txt'));
    await expect(store.readContent('article-gone')).rejects.toMatchObject({
      code: 'io',
      message: 'text.txt of this article is missing from the library folder.',
    });
  });

  it('says which article is unknown', async () => {
    const { store } = await open(tempDir());
    expect(() => store.require('article-none')).toThrow('That article is not in the library.');
    expect(() => store.require('../etc')).toThrow('That article is not in the library.');
    await expect(store.restore('article-none')).rejects.toMatchObject({ code: 'not-found', message: 'That article is not in the trash.' });
    await expect(store.moveToTrash('article-none')).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('ArticleStore opened for one article (quire show ID)', () => {
  async function libraryOfThree(root: string): Promise<void> {
    const { store } = await open(root);
    for (const [i, id] of ['article-a', 'article-b', 'article-c'].entries()) await store.add(newArticle(id, `2024-01-0${i + 1}T00:00:00.000Z`));
  }
  const openFor = (root: string, only: string[], logged: string[] = [], metaCacheFile?: string) =>
    ArticleStore.open(root, { log: (m) => logged.push(m), only, ...(metaCacheFile ? { metaCacheFile } : {}) });

  it('gives the article as a whole open does, without reading any other (a broken one goes unmentioned)', async () => {
    const root = tempDir();
    await libraryOfThree(root);
    writeFileSync(path.join(root, 'articles', 'article-b', 'article.json'), '{"id": 5');
    const wholeLog: string[] = [];
    const { store: whole } = await open(root, wholeLog);
    expect(wholeLog.join('\n')).toContain('article-b');
    const logged: string[] = [];
    const { store } = await openFor(root, ['article-a'], logged);
    expect(store.require('article-a')).toEqual(whole.require('article-a'));
    expect(await store.readContent('article-a')).toEqual(await whole.readContent('article-a'));
    expect(logged).toEqual([]);
  });

  it('refuses to answer for the library or an article it was not opened for, rather than answer wrong', async () => {
    const root = tempDir();
    await libraryOfThree(root);
    const { store } = await openFor(root, ['article-a']);
    expect(() => store.list()).toThrow('opened for article-a only');
    expect(() => store.require('article-c')).toThrow('opened for article-a only');
    expect(() => store.recentlyRead()).toThrow('opened for article-a only');
  });

  it('does not find an article that is not there, is a link, or whose article.json is broken, as a whole open', async () => {
    const root = tempDir();
    await libraryOfThree(root);
    writeFileSync(path.join(root, 'articles', 'article-b', 'article.json'), '[]');
    symlinkSync(path.join(root, 'articles', 'article-a'), path.join(root, 'articles', 'article-link'));
    const logged: string[] = [];
    const { store } = await openFor(root, ['article-b', 'article-gone', 'article-link'], logged);
    for (const id of ['article-b', 'article-gone', 'article-link']) {
      expect(() => store.require(id)).toThrow(expect.objectContaining({ code: 'not-found' }));
    }
    // As a whole open says it: the broken article is named; the others were never articles.
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('Skipping article article-b');
  });

  it('reads the article from its file, not the metadata cache, and leaves the cache as it was', async () => {
    const root = tempDir();
    await libraryOfThree(root);
    const cacheFile = path.join(tempDir(), 'library-meta.json');
    await ArticleStore.open(root, { log: () => undefined, metaCacheFile: cacheFile });
    const cached = readFileSync(cacheFile);
    const { store: writer } = await open(root);
    await writer.update('article-a', (meta) => ({ ...meta, title: 'Retitled elsewhere' }));
    const { store } = await openFor(root, ['article-a'], [], cacheFile);
    expect(store.require('article-a').title).toBe('Retitled elsewhere');
    expect(readFileSync(cacheFile).equals(cached)).toBe(true);
  });
});

describe('a library created by an open for one article', () => {
  it('is opened whole, so that what a new library is given can be added to it', async () => {
    const root = path.join(tempDir(), 'new-library');
    const { store, created } = await ArticleStore.open(root, { log: () => undefined, only: ['article-a'] });
    expect(created).toBe(true);
    // What openQuire does next for a new library: the sample articles, checked for duplicates.
    await store.add(newArticle('article-sample', '2024-01-01T00:00:00.000Z'));
    expect(store.list().map((a) => a.id)).toEqual(['article-sample']);
    expect(() => store.require('article-a')).toThrow(expect.objectContaining({ code: 'not-found' }));
  });
});

/**
 * The library's metadata cache: a second open lists the library from one file, and whatever the
 * cache holds (cut short, stale, made up), the articles listed are exactly the folders there, each
 * with what its article.json says.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { asciiJson } from '../../../../electron/core/fs/checked-cache-file';
import { ArticleStore, type NewArticle } from '../../../../electron/core/library/article-store';
import type { ArticleMeta } from '../../../../electron/shared/models';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();

function newArticle(id: string, title: string): NewArticle {
  const addedAt = `2024-01-0${id.length % 9}T00:00:00.000Z`;
  const meta: ArticleMeta = {
    id, title, byline: null, siteName: null, url: null, lang: 'en', dir: null, format: 'txt', addedAt, updatedAt: addedAt,
    publishedAt: null, excerpt: null, tags: [], contentHash: `hash-${id}`, readState: 'unread', progress: 0, position: 0,
    wordCount: 2, source: null,
  };
  return { meta, html: '<p>Some text</p>', text: 'Some text', original: null };
}

/** A library of three articles, opened once so that its cache is written. */
async function libraryWithCache() {
  const root = tempDir();
  const library = path.join(root, 'library');
  const cacheFile = path.join(root, 'cache', 'library-meta.json');
  const logged: string[] = [];
  const open = () => ArticleStore.open(library, { log: (m) => logged.push(m), metaCacheFile: cacheFile });
  const { store } = await open();
  for (const [id, title] of [['kettle', 'Kettles'], ['lantern', 'Lanterns'], ['mirror', 'Mirrors']] as const) await store.add(newArticle(id, title));
  await open();
  const titles = async () => (await open()).store.list().map((a) => a.title).sort();
  const metaFile = (id: string) => path.join(library, 'articles', id, 'article.json');
  type Entries = Record<string, { stamp: object; meta: ArticleMeta }>;
  // The file: a header line (format, schema fingerprint, CRC-32 of the rest), then the entries.
  const frame = () => {
    const text = readFileSync(cacheFile, 'utf8');
    const lineEnd = text.indexOf('\n');
    return { header: JSON.parse(text.slice(0, lineEnd)) as { crc32: number }, body: text.slice(lineEnd + 1) };
  };
  const cache = () => ({ articles: JSON.parse(frame().body) as Entries });
  /** Entries written as Quire writes them (the checksum made again): what a file Quire wrote could hold. */
  const writeSigned = (entries: unknown, raw = asciiJson(entries)) => {
    const header = { ...frame().header, crc32: crc32(Buffer.from(raw, 'latin1')) };
    writeFileSync(cacheFile, `${JSON.stringify(header)}\n${raw}`);
  };
  return { library, cacheFile, logged, open, titles, metaFile, cache, frame, writeSigned };
}

describe('the library metadata cache', () => {
  it('is written outside the library, and lists the library from it while the files are unchanged', async () => {
    const lib = await libraryWithCache();
    expect(lib.cacheFile.startsWith(lib.library)).toBe(false);
    expect(Object.keys(lib.cache().articles).sort()).toEqual(['kettle', 'lantern', 'mirror']);

    // A cached title that no article.json says: shown, so the files were not read again.
    const { articles } = lib.cache();
    articles.kettle!.meta.title = 'From the cache';
    lib.writeSigned(articles);
    expect(await lib.titles()).toEqual(['From the cache', 'Lanterns', 'Mirrors']);
  });

  it('keeps titles in any script exactly, in a file of plain ASCII', async () => {
    const lib = await libraryWithCache();
    const { store } = await lib.open();
    const titles = ['Café crème — “quoted”', '吾輩は猫である', 'مرحبا بالعالم', 'Emoji 🐳 and a lone \ud800 half'];
    for (const [i, title] of titles.entries()) await store.add(newArticle(`script${i}`, title));
    await lib.open();
    const bytes = readFileSync(lib.cacheFile);
    expect(bytes.every((byte) => byte < 0x80)).toBe(true);
    // Listed from the cache (no article.json is read: a cached title no file says is shown)…
    const { articles } = lib.cache();
    articles.script0!.meta.title = `${titles[0]} (from the cache)`;
    lib.writeSigned(articles);
    const listed = (await lib.open()).store.list().map((a) => a.title);
    expect(listed).toContain(`${titles[0]} (from the cache)`);
    // …with every other title as it was added.
    for (const title of titles.slice(1)) expect(listed).toContain(title);
  });

  it('a cache changed by anything but Quire (its checksum no longer holds) is not used at all', async () => {
    const lib = await libraryWithCache();
    const { header, body } = lib.frame();
    writeFileSync(lib.cacheFile, `${JSON.stringify(header)}\n${body.replace('"Kettles"', '"Kettlez"')}`);
    expect(await lib.titles()).toEqual(['Kettles', 'Lanterns', 'Mirrors']);
    expect(lib.logged.some((m) => m.includes('not usable'))).toBe(true);
    // …and made again, as Quire writes it.
    expect(lib.cache().articles.kettle!.meta.title).toBe('Kettles');
  });

  it("another Quire's cache, whose metadata has other fields, is not used", async () => {
    const lib = await libraryWithCache();
    const { header, body } = lib.frame();
    writeFileSync(lib.cacheFile, `${JSON.stringify({ ...header, schema: '0000000000000000' })}\n${body.replace('"Kettles"', '"Kettlez"')}`);
    expect(await lib.titles()).toEqual(['Kettles', 'Lanterns', 'Mirrors']);
  });

  it("reads an article.json again once another program changed it, and follows folders added and removed", async () => {
    const lib = await libraryWithCache();
    const meta = JSON.parse(readFileSync(lib.metaFile('kettle'), 'utf8')) as ArticleMeta;
    // Same length as before: only the file's times and identity tell the change.
    writeFileSync(lib.metaFile('kettle'), JSON.stringify({ ...meta, title: 'Kettlez' }, null, 2) + '\n');
    rmSync(path.join(lib.library, 'articles', 'mirror'), { recursive: true });
    const added = newArticle('needle', 'Needles');
    mkdirSync(path.join(lib.library, 'articles', 'needle'));
    for (const [name, body] of [['content.html', added.html], ['text.txt', added.text], ['article.json', JSON.stringify(added.meta)]]) {
      writeFileSync(path.join(lib.library, 'articles', 'needle', name!), body!);
    }
    expect(await lib.titles()).toEqual(['Kettlez', 'Lanterns', 'Needles']);
    // And the cache follows: the next open needs no file but the changed ones.
    expect(Object.keys(lib.cache().articles).sort()).toEqual(['kettle', 'lantern', 'needle']);
    expect(lib.cache().articles.kettle!.meta.title).toBe('Kettlez');
  });

  it('a cache cut short is made again from the articles, none lost', async () => {
    const lib = await libraryWithCache();
    const text = readFileSync(lib.cacheFile, 'utf8');
    writeFileSync(lib.cacheFile, text.slice(0, Math.floor(text.length / 2)));
    expect(await lib.titles()).toEqual(['Kettles', 'Lanterns', 'Mirrors']);
    expect(lib.logged.some((m) => m.includes('not usable'))).toBe(true);
    expect(Object.keys(lib.cache().articles).sort()).toEqual(['kettle', 'lantern', 'mirror']);
  });

  it('a cache whose entries do not hold neither invents an article nor loses one', async () => {
    const lib = await libraryWithCache();
    const cache = lib.cache();
    const kettle = cache.articles.kettle!;
    const stampOfLantern = cache.articles.lantern!.stamp;
    const hostile = {
      // An article with no folder, stamped like a real file.
      ghost: { stamp: kettle.stamp, meta: { ...kettle.meta, id: 'ghost', title: 'Ghost' } },
      // The right stamp, but no metadata.
      kettle: { stamp: kettle.stamp, meta: null },
      // Another article's metadata under this one's id.
      lantern: { stamp: stampOfLantern, meta: { ...kettle.meta, id: 'kettle' } },
      // No stamp at all, and an entry that is not an object.
      mirror: { meta: cache.articles.mirror!.meta },
      toString: 'not an entry',
    };
    // A key JSON.parse makes an own property, which must not reach an object's prototype.
    lib.writeSigned(null, JSON.stringify(hostile).replace(/^\{/, '{"__proto__":{"polluted":true},'));
    const { store } = await lib.open();
    expect(store.list().map((a) => [a.id, a.title]).sort()).toEqual([
      ['kettle', 'Kettles'],
      ['lantern', 'Lanterns'],
      ['mirror', 'Mirrors'],
    ]);
    expect(store.get('ghost')).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a cache of another format, or not even an object, is ignored', async () => {
    const lib = await libraryWithCache();
    for (const content of ['[]', 'null', '{"version":99,"articles":{}}', '{"version":1,"articles":{}}', '{"version":2}\n{}', '\u0000\u0001']) {
      writeFileSync(lib.cacheFile, content);
      expect(await lib.titles()).toEqual(['Kettles', 'Lanterns', 'Mirrors']);
    }
  });

  it('a missing cache is made again at the next open', async () => {
    const lib = await libraryWithCache();
    rmSync(lib.cacheFile);
    expect(await lib.titles()).toEqual(['Kettles', 'Lanterns', 'Mirrors']);
    expect(Object.keys(lib.cache().articles).sort()).toEqual(['kettle', 'lantern', 'mirror']);
    expect(lib.logged).toEqual([]);
  });
});

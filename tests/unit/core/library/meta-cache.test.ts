/**
 * The library's metadata cache: a second open lists the library from one file, and whatever the
 * cache holds (cut short, stale, made up), the articles listed are exactly the folders there, each
 * with what its article.json says.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { asciiJson } from '../../../../electron/shared/ascii-json';
import { ArticleStore, type NewArticle } from '../../../../electron/core/library/article-store';
import type { FileStamp } from '../../../../electron/core/fs/stat-stamp';
import { MetaColumns, toColumns, type StoredColumns } from '../../../../electron/core/library/meta-columns';
import type { ArticleMeta } from '../../../../electron/shared/models';
import { plainArticle, retitleAsAnotherProgram } from '../support/plain-article';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();

const newArticle = (id: string, title: string): NewArticle & { html: string; text: string } => plainArticle(id, title, `2024-01-0${id.length % 9}T00:00:00.000Z`);

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
  type Entries = Record<string, { stamp: FileStamp; meta: ArticleMeta }>;
  // The file: a header line (format, schema fingerprint, CRC-32 of the rest), then the entries as columns.
  const frame = () => {
    const text = readFileSync(cacheFile, 'utf8');
    const lineEnd = text.indexOf('\n');
    return { header: JSON.parse(text.slice(0, lineEnd)) as { crc32: number }, body: text.slice(lineEnd + 1) };
  };
  const columns = () => JSON.parse(frame().body) as StoredColumns;
  /** The entries by id, read back from the columns. */
  const cache = () => {
    const stored = columns();
    const read = MetaColumns.of(stored)!;
    return { articles: Object.fromEntries(stored.ids.map((id) => [id, { stamp: read.stampOf(id)!, meta: read.metaOf(id) as unknown as ArticleMeta }])) as Entries };
  };
  /** Columns written as Quire writes them (the checksum made again): what a file Quire wrote could hold. */
  const writeSigned = (columnsToWrite: unknown, raw = asciiJson(columnsToWrite)) => {
    const header = { ...frame().header, crc32: crc32(Buffer.from(raw, 'latin1')) };
    writeFileSync(cacheFile, `${JSON.stringify(header)}\n${raw}`);
  };
  /** Entries by id written as columns. */
  const writeEntries = (entries: Entries) => writeSigned(toColumns(new Map(Object.entries(entries))));
  return { library, cacheFile, logged, open, titles, metaFile, cache, columns, frame, writeSigned, writeEntries };
}

describe('the library metadata cache', () => {
  it('is written outside the library, and lists the library from it while the files are unchanged', async () => {
    const lib = await libraryWithCache();
    expect(lib.cacheFile.startsWith(lib.library)).toBe(false);
    expect(Object.keys(lib.cache().articles).sort()).toEqual(['kettle', 'lantern', 'mirror']);

    // A cached title that no article.json says: shown, so the files were not read again.
    const { articles } = lib.cache();
    articles.kettle!.meta.title = 'From the cache';
    lib.writeEntries(articles);
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
    lib.writeEntries(articles);
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
    const { articles } = lib.cache();
    const kettle = articles.kettle!;
    const hostile = toColumns(
      new Map<string, { stamp: FileStamp; meta: ArticleMeta }>([
        // An article with no folder, stamped like a real file.
        ['ghost', { stamp: kettle.stamp, meta: { ...kettle.meta, id: 'ghost', title: 'Ghost' } }],
        // The right stamp, but another article's metadata under this one's id.
        ['lantern', { stamp: articles.lantern!.stamp, meta: { ...kettle.meta, id: 'kettle' } }],
        // The right stamp, but no id in its metadata.
        ['mirror', { stamp: articles.mirror!.stamp, meta: { ...articles.mirror!.meta, id: undefined as unknown as string } }],
        ['kettle', kettle],
      ]),
    );
    const idColumn = hostile.columns.find((column) => column.key === 'id')!;
    const mirrorAt = hostile.ids.indexOf('mirror');
    idColumn.at = hostile.ids.map((_, i) => i).filter((i) => i !== mirrorAt);
    idColumn.values = idColumn.at.map((i) => hostile.ids[i]);
    idColumn.values[hostile.ids.indexOf('lantern')] = 'kettle';
    lib.writeSigned(hostile);
    const { store } = await lib.open();
    expect(store.list().map((a) => [a.id, a.title]).sort()).toEqual([
      ['kettle', 'Kettles'],
      ['lantern', 'Lanterns'],
      ['mirror', 'Mirrors'],
    ]);
    expect(store.get('ghost')).toBeUndefined();
  });

  it('columns not in the shape Quire writes are not used, and no field name reaches a prototype', async () => {
    const lib = await libraryWithCache();
    const good = lib.columns();
    const titleAt = good.columns.findIndex((column) => column.key === 'title');
    const retitled = { ...good, columns: good.columns.map((column, i) => (i === titleAt ? { ...column, values: column.values.map(() => 'From the cache') } : column)) };
    const broken: unknown[] = [
      { ...retitled, stamps: retitled.stamps.slice(1) },
      { ...retitled, ids: [...retitled.ids, 'extra'] },
      { ...retitled, columns: [...retitled.columns, { key: 'cover', values: ['assets/a.png'], at: [7] }] },
      { ...retitled, columns: [...retitled.columns, { key: 'cover', values: [] }] },
      { ...retitled, columns: 'title' },
    ];
    for (const columns of broken) {
      lib.writeSigned(columns);
      expect(await lib.titles()).toEqual(['Kettles', 'Lanterns', 'Mirrors']);
    }
    // A field named __proto__ (JSON.parse makes it an own property) would be every article's prototype.
    lib.writeSigned(null, asciiJson(retitled).replace('"columns":[', '"columns":[{"key":"__proto__","values":[{"polluted":true},{"polluted":true},{"polluted":true}]},'));
    const { store } = await lib.open();
    expect(store.list().map((a) => a.title).sort()).toEqual(['Kettles', 'Lanterns', 'Mirrors']);
    for (const article of store.list()) expect((article as unknown as Record<string, unknown>).polluted).toBeUndefined();
    // Without it, the same columns are used: what was refused was the shape, nothing else.
    lib.writeSigned(retitled);
    expect(await lib.titles()).toEqual(['From the cache', 'From the cache', 'From the cache']);
  });

  it('an article comes back from the cache with exactly the fields it has, in the order of its file', async () => {
    const lib = await libraryWithCache();
    const { store } = await lib.open();
    await store.update('kettle', (meta) => ({ ...meta, lastReadAt: '2024-03-01T00:00:00.000Z', progress: 0.5, readState: 'reading' }));
    await store.update('mirror', (meta) => ({ ...meta, fieldUpdatedAt: { title: '2024-03-02T00:00:00.000Z' } }));
    const fromFiles = (await ArticleStore.open(lib.library, { log: () => undefined })).store.list();
    await lib.open();
    const fromCache = (await lib.open()).store.list();
    expect(lib.cache().articles.kettle!.meta.lastReadAt).toBe('2024-03-01T00:00:00.000Z');
    // As JSON, so that a field's absence and the fields' order count ("lastReadAt": undefined would not).
    expect(fromCache.map((meta) => JSON.stringify(meta))).toEqual(fromFiles.map((meta) => JSON.stringify(meta)));
    expect(fromCache.find((meta) => meta.id === 'lantern')).not.toHaveProperty('lastReadAt');
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

  it('in a large library, is written again only once more than a hundredth of it is out of date, and lists every change meanwhile', async () => {
    const root = tempDir();
    const library = path.join(root, 'library');
    const cacheFile = path.join(root, 'cache', 'library-meta.json');
    const open = () => ArticleStore.open(library, { log: () => undefined, metaCacheFile: cacheFile });
    await open();
    // 300 article folders as an import leaves them (written here: 300 imports would take long).
    const ids = Array.from({ length: 300 }, (_, i) => `a${String(i).padStart(3, '0')}`);
    for (const id of ids) {
      const { meta, html, text } = plainArticle(id, `Title ${id}`);
      mkdirSync(path.join(library, 'articles', id));
      writeFileSync(path.join(library, 'articles', id, 'article.json'), JSON.stringify(meta));
      writeFileSync(path.join(library, 'articles', id, 'content.html'), html);
      writeFileSync(path.join(library, 'articles', id, 'text.txt'), text);
    }
    await open();
    const written = () => readFileSync(cacheFile, 'latin1');
    const firstWrite = written();
    const titles = async () => (await open()).store.list().map((a) => a.title);
    const metaFile = (id: string) => path.join(library, 'articles', id, 'article.json');
    // Two changed articles of 300: read from their files at each open, the cache left as it was.
    retitleAsAnotherProgram(metaFile('a007'), 'Changed a007');
    retitleAsAnotherProgram(metaFile('a123'), 'Changed a123');
    expect(await titles()).toEqual(expect.arrayContaining(['Changed a007', 'Changed a123', 'Title a008']));
    expect(written()).toBe(firstWrite);
    // One article gone: three entries of 300 out of date, still not more than a hundredth.
    rmSync(path.join(library, 'articles', 'a050'), { recursive: true });
    expect(await titles()).not.toContain('Title a050');
    expect(written()).toBe(firstWrite);
    // A third change: more than a hundredth, so the cache is written with every change in it.
    retitleAsAnotherProgram(metaFile('a299'), 'Changed a299');
    const listed = await titles();
    expect(listed).toHaveLength(299);
    expect(listed).toEqual(expect.arrayContaining(['Changed a007', 'Changed a123', 'Changed a299']));
    expect(written()).not.toBe(firstWrite);
    expect(written()).toContain('Changed a299');
    expect(written()).not.toContain('Title a050');
  });
});

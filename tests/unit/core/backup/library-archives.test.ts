/**
 * Backups and whole-library archives on real libraries (corpus documents imported): what the
 * archives hold, rotation, the daily schedule, and the merge rules of an import (nothing that
 * exists only here is lost or overwritten unasked; a dry run writes nothing), and archives
 * built to attack the import.
 */
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { createBackup, listBackups } from '../../../../electron/core/backup/backups';
import { checkLibrary } from '../../../../electron/core/library/check/check-library';
import type { QuireCore } from '../../../../electron/core/open-quire';
import type { } from '../../../../electron/shared/models';
import { SEED_FILE, webPages } from '../support/corpus';
import { buildOncePerFile, openTestLibrary } from '../support/import-library';
import { createMemoryIndex, createMemoryIndexState } from '../support/memory-search-index';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('quire-archive-');

async function zipNames(file: string): Promise<string[]> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const names: string[] = [];
  for await (const entry of zip.eachEntry()) names.push(entry.fileName);
  zip.close();
  return names.sort();
}

/**
 * A zip with exactly these names. yazl refuses unsafe names, so each is written under a placeholder
 * of the same length and the bytes are patched afterwards (headers and central directory alike).
 */
async function writeZip(file: string, entries: readonly [string, Buffer][]): Promise<void> {
  const zip = new yazl.ZipFile();
  const placeholders = entries.map(([name], i) => `${String(i).padStart(2, '0')}${name.slice(2).replace(/[^A-Za-z0-9]/g, '_')}`);
  entries.forEach(([, bytes], i) => zip.addBuffer(bytes, placeholders[i]!));
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  const bytes = Buffer.concat(chunks);
  entries.forEach(([name], i) => {
    const from = Buffer.from(placeholders[i]!);
    for (let at = bytes.indexOf(from); at !== -1; at = bytes.indexOf(from, at + 1)) Buffer.from(name).copy(bytes, at);
  });
  writeFileSync(file, bytes);
}

/**
 * Two real articles (a web page and the seed text) and a bookmark on the first, imported and
 * written once per file; each test opens its own copy (with its own copy of the index), as the
 * import left it. An import per test (the import host started, the page read) took most of a second.
 */
const template = buildOncePerFile('quire-archive-template-', async (templateRoot) => {
  const index = createMemoryIndexState();
  const { core, libraryDir } = await openTestLibrary(templateRoot, { createIndex: (options) => createMemoryIndex(index, options) });
  try {
    const page = webPages().find((p) => p.name === 'bbc-1')!;
    const outcomes = await core.importPaths([page.file, SEED_FILE]);
    const ids = outcomes.map((o) => (o.status === 'imported' ? o.article.id : ''));
    const text = (await core.getContent(ids[0]!)).text;
    const bookmark = await core.createAnnotation({ articleId: ids[0]!, kind: 'bookmark', passage: { quote: text.slice(100, 150) }, note: 'first' });
    return { libraryDir, ids, bookmark, index };
  } finally {
    await core.close();
  }
});

/** A library with two real articles (a web page and the seed text) and a bookmark on the first. */
async function libraryWithArticles(root: string, options: { maintenance?: boolean } = {}) {
  const made = await template();
  cpSync(made.libraryDir, path.join(root, 'library'), { recursive: true });
  const index = structuredClone(made.index);
  const open = (more: { maintenance?: boolean } = {}) => openTestLibrary(root, { createIndex: (options) => createMemoryIndex(index, options), ...more });
  const { core, libraryDir } = await open(options);
  return { core, libraryDir, ids: [...made.ids], bookmark: structuredClone(made.bookmark), open };
}

/** Every file under `dir` with its bytes, to prove an import changed nothing. */
function filesIn(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(path.join(dir, f)).isFile()).sort();
  return new Map(files.map((f) => [f, readFileSync(path.join(dir, f)).toString('base64')]));
}

async function withCore<T>(core: QuireCore, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } finally {
    await core.close();
  }
}

describe('backups', () => {
  it('hold every article.json and annotation with a manifest, no content, and keep the newest N', async () => {
    const root = tempDir();
    const { core, libraryDir, ids, bookmark } = await libraryWithArticles(root);
    await withCore(core, async () => {
      const { backup } = await core.archives.backupNow();
      expect(path.dirname(backup.file)).toBe(path.join(libraryDir, 'backups'));
      expect(await zipNames(backup.file)).toEqual(
        [
          'manifest.json',
          `articles/${ids[0]}/article.json`,
          `articles/${ids[0]}/annotations/${bookmark.id}.json`,
          `articles/${ids[1]}/article.json`,
        ].sort(),
      );
      const source = { root: libraryDir, articles: () => [], articleDir: (id: string) => path.join(libraryDir, 'articles', id) };
      for (const day of ['2026-01-01', '2026-01-02', '2026-01-03']) await createBackup(source, `${day}T10:00:00.000Z`, 3);
      // 3 kept: the one made now and the two newest of the dated ones.
      const kept = await listBackups(libraryDir);
      expect(kept.map((b) => b.createdAt)).toEqual([backup.createdAt, '2026-01-03T10:00:00.000Z', '2026-01-02T10:00:00.000Z']);
      const { removed } = await core.archives.backupNow(1);
      expect(removed).toHaveLength(3);
      expect(readdirSync(path.join(libraryDir, 'backups'))).toHaveLength(1);
    });
  });

  it('fail with a missing file named when articles are moved away meanwhile, leaving nothing and the library usable', async () => {
    const root = tempDir();
    const { core, libraryDir, ids } = await libraryWithArticles(root);
    await withCore(core, async () => {
      // Other processes (a synchronizer, `quire delete`) move both articles to the trash after the
      // backup has listed the articles this process knows and before their files are read: each
      // of their files (article.json, the bookmark) is reported missing, every report heard.
      for (const id of ids) renameSync(path.join(libraryDir, 'articles', id), path.join(libraryDir, 'trash', id));
      await expect(core.archives.backupNow()).rejects.toMatchObject({ code: 'ENOENT', path: expect.stringMatching(new RegExp(ids.join('|'))) });
      const backups = path.join(libraryDir, 'backups');
      expect(existsSync(backups) ? readdirSync(backups) : []).toEqual([]);
      // The change queue was let go: a write after it goes through.
      for (const id of ids) renameSync(path.join(libraryDir, 'trash', id), path.join(libraryDir, 'articles', id));
      await core.tagArticles([ids[1]!], ['after-the-failed-backup']);
      expect((await core.getArticle(ids[1]!)).tags).toEqual(['after-the-failed-backup']);
    });
  });

  it('are made at open when the newest is more than a day old, not otherwise', async () => {
    const root = tempDir();
    const first = await libraryWithArticles(root, { maintenance: true });
    await first.core.close(); // waits for the start-up check and the backup it triggers
    const backups = path.join(first.libraryDir, 'backups');
    const made = readdirSync(backups);
    expect(made).toHaveLength(1);

    const again = await first.open({ maintenance: true });
    await again.core.close();
    expect(readdirSync(backups)).toEqual(made);

    renameSync(path.join(backups, made[0]!), path.join(backups, 'quire-backup-20200101T000000000Z.zip'));
    const later = await first.open({ maintenance: true });
    await later.core.close();
    expect(readdirSync(backups)).toHaveLength(2);
  });
});

describe('library export and import', () => {
  it('moves a whole library into another, and a second import changes nothing', async () => {
    const a = await libraryWithArticles(tempDir());
    const archive = path.join(tempDir(), 'library.zip');
    await withCore(a.core, () => a.core.archives.exportLibrary(archive));
    const names = await zipNames(archive);
    expect(names).toContain(`articles/${a.ids[0]}/content.html`);
    expect(names).toContain(`articles/${a.ids[0]}/original.html`);

    const b = await openTestLibrary(tempDir());
    await withCore(b.core, async () => {
      const report = await b.core.archives.importLibrary(archive, { dryRun: false });
      expect(report).toMatchObject({ articlesAdded: 2, annotationsAdded: 1, annotationsReplaced: 0, skipped: [] });
      expect((await b.core.listArticles()).map((x) => x.id).sort()).toEqual([...a.ids].sort());
      const [bookmark] = await b.core.listAnnotations(a.ids[0]!);
      expect(bookmark).toMatchObject({ id: a.bookmark.id, note: 'first', target: a.bookmark.target });
      const again = await b.core.archives.importLibrary(archive, { dryRun: false });
      expect(again).toMatchObject({ articlesAdded: 0, annotationsAdded: 0, annotationsKept: 0, articlesKept: 0, annotationsReplaced: 0, lines: [] });
    });
    expect((await checkLibrary(b.libraryDir)).problems).toEqual([]);
  });

  it('keeps what exists only here, and keeps what differs (whichever is newer) until --prefer-archive; a dry run changes no byte', async () => {
    const a = await libraryWithArticles(tempDir());
    const b = await openTestLibrary(tempDir());
    const first = path.join(tempDir(), 'first.zip');
    const second = path.join(tempDir(), 'second.zip');
    const other = await a.core.createAnnotation({ articleId: a.ids[1]!, kind: 'note', note: 'on the seed' });
    await a.core.archives.exportLibrary(first);
    await b.core.archives.importLibrary(first, { dryRun: false });

    // Here: a newer edit of the bookmark, a tag, and a note and an article that exist only here.
    const newerHere = await b.core.updateAnnotation(a.ids[0]!, a.bookmark.id, { note: 'edited here, later' });
    await b.core.tagArticles([a.ids[0]!], ['mine']);
    const onlyHere = await b.core.createAnnotation({ articleId: a.ids[1]!, kind: 'note', note: 'only here' });
    const [localPage] = await b.core.importPaths([webPages().find((p) => p.name === 'lemonde-1')!.file]);
    // There: a newer edit of the other note (the archive's copy is the newer one).
    const newerThere = await a.core.updateAnnotation(a.ids[1]!, other.id, { note: 'edited there' });
    await withCore(a.core, () => a.core.archives.exportLibrary(second));

    await withCore(b.core, async () => {
      const articles = path.join(b.libraryDir, 'articles');
      const title0 = (await b.core.getArticle(a.ids[0]!)).title;
      const title1 = (await b.core.getArticle(a.ids[1]!)).title;
      const keptLines = (verb: string) => [
        `${verb}   article ${a.ids[0]} (${title0}) as it is here; the archive's copy differs in its tags`,
        `${verb}   bookmark ${a.bookmark.id} of ${a.ids[0]} (${title0}) as it is here; the archive's copy differs in its note (here ${newerHere.updatedAt}, archive ${a.bookmark.updatedAt})`,
        `${verb}   note ${other.id} of ${a.ids[1]} (${title1}) as it is here; the archive's copy differs in its note (here ${other.updatedAt}, archive ${newerThere.updatedAt})`,
      ];
      const before = filesIn(articles);

      const dry = await b.core.archives.importLibrary(second, { dryRun: true });
      expect(dry.lines.sort()).toEqual(keptLines('would keep').sort());
      expect(filesIn(articles)).toEqual(before);

      const kept = await b.core.archives.importLibrary(second, { dryRun: false });
      expect(kept).toMatchObject({ articlesAdded: 0, annotationsAdded: 0, annotationsKept: 2, articlesKept: 1, annotationsReplaced: 0, articlesReplaced: 0, skipped: [] });
      expect(kept.lines.sort()).toEqual(keptLines('kept').sort());
      // Nothing differed in a way the import may settle alone, so not one byte changed.
      expect(filesIn(articles)).toEqual(before);

      const dryPrefer = await b.core.archives.importLibrary(second, { dryRun: true, preferArchive: true });
      expect(dryPrefer.lines.sort()).toEqual(
        [
          `would replace the tags of article ${a.ids[0]} (${title0}) with the archive's`,
          `would replace bookmark ${a.bookmark.id} of ${a.ids[0]} (${title0}) with the archive's: its note (here ${newerHere.updatedAt}, archive ${a.bookmark.updatedAt})`,
          `would replace note ${other.id} of ${a.ids[1]} (${title1}) with the archive's: its note (here ${other.updatedAt}, archive ${newerThere.updatedAt})`,
        ].sort(),
      );
      expect(filesIn(articles)).toEqual(before);

      const replaced = await b.core.archives.importLibrary(second, { dryRun: false, preferArchive: true });
      expect(replaced).toMatchObject({ annotationsKept: 0, articlesKept: 0, annotationsReplaced: 2, articlesReplaced: 1, skipped: [] });
      const notes = Object.fromEntries((await b.core.listAllAnnotations()).map((x) => [x.id, x.note]));
      // The archive's versions, the older one included: the person asked for them.
      expect(notes).toEqual({ [a.bookmark.id]: 'first', [other.id]: 'edited there', [onlyHere.id]: 'only here' });
      expect((await b.core.getArticle(a.ids[0]!)).tags).toEqual([]);
      expect(localPage!.status).toBe('imported');
      expect((await b.core.listArticles()).length).toBe(3);
      // Now they agree: another import finds nothing to keep or replace.
      expect((await b.core.archives.importLibrary(second, { dryRun: false })).lines).toEqual([]);
    });
    expect((await checkLibrary(b.libraryDir)).problems).toEqual([]);
  });

  it('never writes over a bookmark file or an article folder here that cannot be read, even with --prefer-archive', async () => {
    const a = await libraryWithArticles(tempDir());
    const archive = path.join(tempDir(), 'library.zip');
    await withCore(a.core, () => a.core.archives.exportLibrary(archive));
    const root = tempDir();
    const b = await openTestLibrary(root);
    await b.core.archives.importLibrary(archive, { dryRun: false });
    await b.core.close();
    const bookmarkFile = path.join(b.libraryDir, 'articles', a.ids[0]!, 'annotations', `${a.bookmark.id}.json`);
    writeFileSync(bookmarkFile, '{ damaged');
    // The seed article's folder without a readable article.json: the library cannot load it.
    const seedFolder = path.join(b.libraryDir, 'articles', a.ids[1]!);
    writeFileSync(path.join(seedFolder, 'article.json'), 'not json');
    const before = filesIn(path.join(b.libraryDir, 'articles'));

    const again = await openTestLibrary(root);
    await withCore(again.core, async () => {
      const report = await again.core.archives.importLibrary(archive, { dryRun: false, preferArchive: true });
      expect(report.lines).toEqual([
        expect.stringMatching(new RegExp(`^kept {3}annotation ${a.bookmark.id} of ${a.ids[0]} \\(.*\\) as it is here; its file here cannot be read: run quire check --repair, then import again$`)),
      ]);
      expect(report.skipped).toEqual([`article ${a.ids[1]}: its folder here cannot be read as an article; run quire check --repair, then import again`]);
      expect(report).toMatchObject({ annotationsKept: 1, annotationsReplaced: 0, articlesAdded: 0 });
    });
    expect(filesIn(path.join(b.libraryDir, 'articles'))).toEqual(before);
  });

  it('refuses entries that would escape, oversized entries and files that are not Quire archives', async () => {
    const root = tempDir();
    const { core, libraryDir, ids } = await libraryWithArticles(root);
    await withCore(core, async () => {
      const id = ids[0]!;
      const manifest = Buffer.from(JSON.stringify({ format: 'quire-library-archive', version: 1, kind: 'backup', createdAt: '2026-01-01T00:00:00Z', articles: [] }));
      const hostile = path.join(root, 'hostile.zip');
      await writeZip(hostile, [
        ['manifest.json', manifest],
        ['../../escaped.txt', Buffer.from('x')],
        [`articles/${id}/../../../escaped2.txt`, Buffer.from('x')],
        ['/tmp/absolute.txt', Buffer.from('x')],
        [`articles/${id}/annotations/..\\..\\evil.json`, Buffer.from('{}')],
        // a zip bomb: tiny compressed, 16 MB unpacked, past an annotation's limit
        [`articles/${id}/annotations/0a0a0a0a-0000-4000-8000-000000000000.json`, Buffer.alloc(16 * 1024 * 1024, 32)],
      ]);
      const report = await core.archives.importLibrary(hostile, { dryRun: false });
      expect(report.skipped).toEqual([
        'refused entry ../../escaped.txt (not a file Quire writes)',
        `refused entry articles/${id}/../../../escaped2.txt (not a file Quire writes)`,
        'refused entry /tmp/absolute.txt (not a file Quire writes)',
        // yauzl reads a backslash as the separator it stands for: the name still cannot match.
        `refused entry articles/${id}/annotations/../../evil.json (not a file Quire writes)`,
        `refused entry articles/${id}/annotations/0a0a0a0a-0000-4000-8000-000000000000.json (too large or encrypted)`,
      ]);
      expect(report.lines).toEqual([]);
      for (const escaped of ['escaped.txt', 'escaped2.txt']) {
        expect(existsSync(path.join(root, escaped))).toBe(false);
        expect(existsSync(path.join(libraryDir, escaped))).toBe(false);
      }
      expect(existsSync('/tmp/absolute.txt')).toBe(false);
      expect(await core.listAnnotations(id)).toHaveLength(1);

      const garbage = path.join(root, 'garbage.zip');
      writeFileSync(garbage, Buffer.from('PK\u0003\u0004 this is not really a zip'));
      await expect(core.archives.importLibrary(garbage, { dryRun: false })).rejects.toThrow('This is not a Quire archive Quire can read: it is not a zip file, or it is damaged.');
      const noManifest = path.join(root, 'no-manifest.zip');
      await writeZip(noManifest, [[`articles/${id}/article.json`, readFileSync(path.join(libraryDir, 'articles', id, 'article.json'))]]);
      await expect(core.archives.importLibrary(noManifest, { dryRun: false })).rejects.toThrow('it has no manifest.json');
    });
  });
});

/**
 * A library in a synced folder, with the synchronizer played by the test: the files it leaves
 * (conflict copies under each one's names, an article arriving one file at a time, a bookmark
 * kept in an article the other machine moved to the trash) are written as it writes them, and the
 * library must take them in without losing anything.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLibrary } from '../../../../../electron/core/library/check/check-library';
import { repairLibrary } from '../../../../../electron/core/library/check/repair-library';
import { ARRIVING_MS } from '../../../../../electron/core/library/sync/arriving';
import type { Annotation, ArticleMeta } from '../../../../../electron/shared/models';
import { openTestLibrary } from '../../support/import-library';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir('quire-synced-');
const now = () => new Date().toISOString();

/** Waits for what the library shows, not for a time: polls until `read` passes `ok` (15 s at most). */
async function until<T>(read: () => Promise<T> | T, ok: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const writeJson = (file: string, value: unknown): void => writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

async function libraryWithArticle(maintenance: boolean) {
  const root = tempDir();
  const docs = path.join(root, 'docs');
  mkdirSync(docs);
  const file = path.join(docs, 'sync.txt');
  writeFileSync(file, 'On keeping two machines in step\n\nA paragraph about synchronizers and their conflict copies.\n\nThe end.');
  const opened = await openTestLibrary(root, { maintenance });
  const [outcome] = await opened.core.importPaths([file]);
  if (outcome?.status !== 'imported') throw new Error('not imported');
  const id = outcome.article.id;
  const note = await opened.core.createAnnotation({ articleId: id, kind: 'note', note: 'written here' });
  await opened.core.tagArticles([id], ['here']);
  await opened.core.whenWatching();
  const dir = path.join(opened.libraryDir, 'articles', id);
  return { ...opened, root, id, note, dir };
}

describe('a library in a synced folder', () => {
  it('the running app merges a Syncthing conflict copy of article.json and of a note, and removes the copies', async () => {
    const { core, id, note, dir } = await libraryWithArticle(true);
    try {
      // The other machine tagged the article and read on, and edited the note later than here.
      const meta = readJson<ArticleMeta>(path.join(dir, 'article.json'));
      const later = '2099-01-01T00:00:00.000Z';
      const theirs: ArticleMeta = { ...meta, tags: ['there'], progress: 0.6, position: 40, fieldUpdatedAt: { tags: meta.fieldUpdatedAt?.tags ?? meta.updatedAt, progress: later } };
      writeJson(path.join(dir, 'article.sync-conflict-20261203-101500-ABCDEFG.json'), theirs);
      writeJson(path.join(dir, 'annotations', `${note.id}.sync-conflict-20261203-101500-ABCDEFG.json`), { ...note, note: 'edited there', updatedAt: later });

      const [shown] = await until(() => core.listArticles(), ([a]) => a?.progress === 0.6);
      expect(shown).toMatchObject({ id, progress: 0.6, position: 40 });
      expect([...shown!.tags].sort()).toEqual(['here', 'there']);
      const notes = await until(() => core.listAnnotations(id), (list) => list[0]?.note === 'edited there');
      expect(notes.map((a) => a.note)).toEqual(['edited there']);
      await until(() => readdirSync(path.join(dir, 'annotations')), (names) => names.length === 1);
      expect(readdirSync(dir).filter((n) => n.includes('sync-conflict'))).toEqual([]);
      expect(readdirSync(path.join(dir, 'annotations'))).toEqual([`${note.id}.json`]);
    } finally {
      await core.close();
    }
  });

  it('quire check reports Dropbox, Nextcloud and OneDrive conflict copies, and --repair merges them', async () => {
    const { core, libraryDir, id, note, dir } = await libraryWithArticle(false);
    await core.close();
    const meta = readJson<ArticleMeta>(path.join(dir, 'article.json'));
    writeJson(path.join(dir, "article (Ada's conflicted copy 2026-12-03).json"), { ...meta, tags: ['dropbox'], fieldUpdatedAt: { tags: '2099-01-01T00:00:00.000Z' } });
    writeJson(path.join(dir, 'article (conflicted copy 2026-12-03 101500).json'), { ...meta, title: 'Renamed on Nextcloud', fieldUpdatedAt: { title: '2099-01-02T00:00:00.000Z' } });
    writeJson(path.join(dir, 'annotations', `${note.id}-LAPTOP.json`), { ...note, note: 'older edit', updatedAt: '2000-01-01T00:00:00.000Z' });
    const text = readFileSync(path.join(dir, 'text.txt'), 'utf8');
    writeFileSync(path.join(dir, 'text-LAPTOP.txt'), text);
    writeFileSync(path.join(dir, 'content (conflicted copy 2026-12-03 101500).html'), '<p>Another version</p>');

    const found = await checkLibrary(libraryDir);
    expect(found.problems.map((p) => p.where).sort()).toEqual(
      [
        `articles/${id}/annotations/${note.id}-LAPTOP.json`,
        `articles/${id}/article (Ada's conflicted copy 2026-12-03).json`,
        `articles/${id}/article (conflicted copy 2026-12-03 101500).json`,
        `articles/${id}/content (conflicted copy 2026-12-03 101500).html`,
        `articles/${id}/text-LAPTOP.txt`,
      ].sort(),
    );
    const outcome = await repairLibrary(libraryDir, found.problems, now);
    expect(outcome.failures).toEqual([]);
    expect((await checkLibrary(libraryDir)).problems).toEqual([]);
    const merged = readJson<ArticleMeta>(path.join(dir, 'article.json'));
    expect(merged.title).toBe('Renamed on Nextcloud');
    expect([...merged.tags].sort()).toEqual(['dropbox', 'here']);
    expect(readJson<Annotation>(path.join(dir, 'annotations', `${note.id}.json`)).note).toBe('written here');
    // The other text is not the article's: kept in quarantine with a note, not deleted.
    const quarantined = readdirSync(path.join(libraryDir, 'quarantine'));
    expect(quarantined).toHaveLength(1);
    expect(readFileSync(path.join(libraryDir, 'quarantine', quarantined[0]!, 'content (conflicted copy 2026-12-03 101500).html'), 'utf8')).toBe('<p>Another version</p>');
  });

  it('an article deleted on one machine while annotated on the other keeps the new note in the trash', async () => {
    const { core, libraryDir, id, dir } = await libraryWithArticle(false);
    await core.deleteArticle(id);
    await core.close();
    // What the synchronizer leaves: the whole article in the trash, the other machine's new note
    // (a change beats a deletion) back in articles/<id>/annotations.
    const lateNote: Annotation = {
      id: '9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4', articleId: id, kind: 'note', target: null, color: null,
      note: 'written on the laptop', anchorState: 'exact', createdAt: now(), updatedAt: now(),
    };
    mkdirSync(path.join(dir, 'annotations'), { recursive: true });
    writeJson(path.join(dir, 'annotations', `${lateNote.id}.json`), lateNote);

    const found = await checkLibrary(libraryDir);
    expect(found.problems).toEqual([expect.objectContaining({ where: `articles/${id}`, repair: expect.objectContaining({ kind: 'join-split-article' }) })]);
    await repairLibrary(libraryDir, found.problems, now);
    expect((await checkLibrary(libraryDir)).problems).toEqual([]);
    expect(existsSync(dir)).toBe(false);

    const reopened = await openTestLibrary(path.dirname(libraryDir));
    try {
      await reopened.core.restoreArticle(id);
      expect((await reopened.core.listAnnotations(id)).map((a) => a.note).sort()).toEqual(['written here', 'written on the laptop']);
    } finally {
      await reopened.core.close();
    }
  });

  it('an article arriving one file at a time is not listed, repaired or quarantined until it is whole', async () => {
    const { core, libraryDir, id, dir } = await libraryWithArticle(true);
    try {
      const newId = '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d';
      const arriving = path.join(libraryDir, 'articles', newId);
      mkdirSync(arriving);
      const meta = readJson<ArticleMeta>(path.join(dir, 'article.json'));
      writeJson(path.join(arriving, 'article.json'), { ...meta, id: newId, title: 'Arrived from the laptop', contentHash: 'other' });

      const report = await checkLibrary(libraryDir, { arrivingWithinMs: ARRIVING_MS });
      expect(report.arriving).toEqual([`articles/${newId}`]);
      expect(report.problems).toEqual([]);
      // An import or a tag here meanwhile: the list is read again, and the half article is still not in it.
      await core.tagArticles([id], ['again']);
      expect((await core.listArticles()).map((a) => a.id)).toEqual([id]);

      cpSync(path.join(dir, 'content.html'), path.join(arriving, 'content.html'));
      cpSync(path.join(dir, 'text.txt'), path.join(arriving, 'text.txt'));
      const listed = await until(() => core.listArticles(), (list) => list.length === 2);
      expect(listed.map((a) => a.title)).toContain('Arrived from the laptop');
    } finally {
      await core.close();
    }
  });

  it('an incomplete folder nobody has written to for a while is judged as it is', async () => {
    const { core, libraryDir, id, dir } = await libraryWithArticle(false);
    await core.close();
    rmSync(path.join(dir, 'text.txt'));
    // Judged at a moment ten minutes on: the same folder is no longer arriving.
    const report = await checkLibrary(libraryDir, { arrivingWithinMs: 1 });
    expect(report.arriving).toEqual([]);
    expect(report.problems.map((p) => p.where)).toEqual([`articles/${id}/text.txt`]);
  });
});

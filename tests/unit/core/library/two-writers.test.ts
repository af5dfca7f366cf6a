/**
 * Two cores on one library, as the app and `quire` in a terminal (or two `quire serve`s) are: each
 * keeps its own copy of the metadata in memory, and neither may undo what the other wrote.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLibrary } from '../../../../electron/core/library/check/check-library';
import { isLibraryLocked } from '../../../../electron/core/library/library-locks';
import type { ArticleMeta } from '../../../../electron/shared/models';
import { openTestLibrary, useImportedLibrary } from '../support/import-library';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('quire-two-');

const GONE = 'That article is no longer in the library: another Quire (the app, quire serve or the command line) moved it to the trash or deleted it.';

/**
 * A short note imported once per file; each test's library is a copy of the library that import
 * left (an import per test started the import host again for one short note).
 */
let noteDir: string | undefined;
afterAll(() => {
  if (noteDir) rmSync(noteDir, { recursive: true, force: true });
});
const importedNote = useImportedLibrary(() => {
  noteDir = mkdtempSync(path.join(tmpdir(), 'quire-two-note-'));
  const note = path.join(noteDir, 'note.txt');
  writeFileSync(note, 'A shared note\n\nA note that two processes change at the same time.\n\nIts last paragraph.');
  return [note];
});

/** One library, an article in it, and two cores that both loaded it. */
async function twoCores() {
  const root = tempDir();
  const first = await importedNote(root);
  const [outcome] = first.outcomes;
  if (outcome?.status !== 'imported') throw new Error('note not imported');
  const second = await openTestLibrary(root);
  const id = outcome.article.id;
  const onDisk = (): ArticleMeta => JSON.parse(readFileSync(path.join(first.libraryDir, 'articles', id, 'article.json'), 'utf8')) as ArticleMeta;
  const close = async () => {
    await first.core.close();
    await second.core.close();
  };
  return { app: first.core, cli: second.core, id, onDisk, libraryDir: first.libraryDir, close };
}

describe('two processes on one library', () => {
  it('a tag added by one survives the other one scrolling (setProgress merges into article.json)', async () => {
    const { app, cli, id, onDisk, close } = await twoCores();
    try {
      await cli.tagArticles([id], ['from-terminal']);
      const scrolled = await app.setProgress(id, { progress: 0.4, position: 120 });
      expect(scrolled.tags).toEqual(['from-terminal']);
      expect(onDisk()).toMatchObject({ tags: ['from-terminal'], progress: 0.4, position: 120, readState: 'reading' });
      // And the other way round: reading state set by one, then a tag by the other.
      await app.setProgress(id, { progress: 1, position: 400 });
      await cli.tagArticles([id], ['second']);
      expect(onDisk()).toMatchObject({ tags: ['from-terminal', 'second'], readState: 'finished' });
    } finally {
      await close();
    }
  });

  it('thirty tags from two writers taking turns are all kept, and untagging works on what is on disk', async () => {
    const { app, cli, id, onDisk, libraryDir, close } = await twoCores();
    try {
      const tags = Array.from({ length: 30 }, (_, i) => `tag-${String(i).padStart(2, '0')}`);
      await Promise.all(tags.map((tag, i) => (i % 2 === 0 ? app : cli).tagArticles([id], [tag])));
      expect([...onDisk().tags].sort()).toEqual(tags);
      await app.untagArticles([id], ['tag-01']); // a tag this core never added itself
      expect(onDisk().tags).not.toContain('tag-01');
      expect(onDisk().tags).toHaveLength(29);
    } finally {
      await close();
    }
    expect((await checkLibrary(libraryDir)).problems).toEqual([]);
  });

  it('a bookmark into an article another process moved to the trash fails with a sentence and leaves no folder behind', async () => {
    const { app, cli, id, libraryDir, close } = await twoCores();
    try {
      await cli.deleteArticle(id);
      await expect(app.createAnnotation({ articleId: id, kind: 'note', note: 'written after the delete' })).rejects.toThrow(GONE);
      await expect(app.createAnnotation({ articleId: id, kind: 'bookmark', passage: { quote: 'two processes' } })).rejects.toThrow(GONE);
      await expect(app.setProgress(id, { progress: 0.5, position: 10 })).rejects.toThrow(GONE);
      expect(existsSync(path.join(libraryDir, 'articles', id))).toBe(false);
      // Restoring it in the process that deleted it still works (no half folder is in the way).
      await cli.restoreArticle(id);
      expect(existsSync(path.join(libraryDir, 'articles', id, 'article.json'))).toBe(true);
    } finally {
      await close();
    }
    expect((await checkLibrary(libraryDir)).problems).toEqual([]);
  });

  it('a delete from a process that has not yet seen another one delete the article leaves the trashed article alone', async () => {
    const { app, cli, id, libraryDir, close } = await twoCores();
    try {
      await app.createAnnotation({ articleId: id, kind: 'note', note: 'kept in the trash' });
      await app.deleteArticle(id);
      // The other process still lists the article (its watcher has not reported yet).
      await expect(cli.deleteArticle(id)).rejects.toThrow(GONE);
      expect(readFileSync(path.join(libraryDir, 'trash', id, 'article.json'), 'utf8')).toContain(id);
      expect((await cli.listArticles()).map((a) => a.id)).not.toContain(id);
      // And it restores what the first one deleted, though it thought the article was still in the library.
      await cli.restoreArticle(id);
      expect((await cli.listAnnotations(id)).map((a) => a.note)).toEqual(['kept in the trash']);
      await expect(app.restoreArticle(id)).rejects.toThrow('That article is not in the trash.');
    } finally {
      await close();
    }
    expect((await checkLibrary(libraryDir)).problems).toEqual([]);
  });

  it('a restore while another process empties the trash either restores the article or says it is not in the trash', async () => {
    const { app, cli, id, libraryDir, close } = await twoCores();
    try {
      await app.deleteArticle(id);
      const [restored, emptied] = await Promise.allSettled([cli.restoreArticle(id), app.emptyTrash()]);
      if (restored.status === 'fulfilled') {
        expect(existsSync(path.join(libraryDir, 'articles', id, 'article.json'))).toBe(true);
        expect(emptied).toEqual({ status: 'fulfilled', value: { removed: 0 } });
      } else {
        expect(String(restored.reason)).toContain('That article is not in the trash.');
        expect(existsSync(path.join(libraryDir, 'articles', id))).toBe(false);
      }
    } finally {
      await close();
    }
    expect((await checkLibrary(libraryDir)).problems).toEqual([]);
  });

  it('quire check finds a folder of annotations whose article is gone', async () => {
    const { id, libraryDir, close } = await twoCores();
    await close();
    // What an older Quire left when it wrote a bookmark into an article being moved to the trash.
    const orphan = path.join(libraryDir, 'articles', 'f0f0f0f0f0f0f0f0', 'annotations');
    mkdirSync(orphan, { recursive: true });
    writeFileSync(path.join(orphan, 'c1b2c3d4e5f60718.json'), JSON.stringify({ id: 'c1b2c3d4e5f60718', articleId: id }));
    // Such a folder in the way of a restore gets a sentence, not ENOTEMPTY.
    const { core } = await openTestLibrary(path.dirname(libraryDir));
    try {
      await core.deleteArticle(id);
      mkdirSync(path.join(libraryDir, 'articles', id, 'annotations'), { recursive: true });
      await expect(core.restoreArticle(id)).rejects.toThrow(`A folder articles/${id} is in the way of the restore; run quire check --repair (it joins what that folder holds to the article in the trash), then restore again.`);
    } finally {
      await core.close();
    }
    const { problems } = await checkLibrary(libraryDir);
    expect(problems.filter((p) => p.where === `articles/${id}`)).toHaveLength(1);
    expect(problems.filter((p) => p.where !== `articles/${id}`)).toEqual([
      {
        where: 'articles/f0f0f0f0f0f0f0f0',
        message: expect.stringMatching(/^A folder of bookmarks or notes without their article/),
        sentence: { id: 'core.check.problem.orphanAnnotations', values: {} },
        repair: expect.objectContaining({ kind: 'quarantine' }),
      },
    ]);
  });

  it('the app and quire serve (a core opened for maintenance) hold the library lock until they close; a second one opens without it', async () => {
    const root = tempDir();
    const first = await openTestLibrary(root, { maintenance: true });
    const second = await openTestLibrary(root, { maintenance: true });
    try {
      expect(await isLibraryLocked(first.libraryDir)).toBe(true);
      await first.core.close();
      // The first one's lock is gone with it; the second never took it (it was held when it opened).
      expect(await isLibraryLocked(first.libraryDir)).toBe(false);
      expect(second.logged).toContain('Another Quire (the app or quire serve) has this library open; both write to it, each change merged into what is on disk.');
    } finally {
      await second.core.close();
    }
  });
});

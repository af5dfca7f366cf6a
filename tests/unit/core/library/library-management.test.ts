import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDirectApi } from '../../../../electron/shared/dispatch';
import { webPages } from '../support/corpus';
import { useImportedLibrary } from '../support/import-library';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('quire-manage-');

/**
 * Three real pages in the library, in a known order of import: imported once per file, each test
 * opening its own copy of the library that import left.
 */
const importedPages = useImportedLibrary(() => webPages().filter((p) => ['bbc-1', 'lemonde-1', 'rtl-1'].includes(p.name)).map((p) => p.file));

async function libraryWithPages() {
  const opened = await importedPages(tempDir());
  const ids = opened.outcomes.map((o) => {
    if (o.status !== 'imported') throw new Error(`${o.source} was not imported`);
    return o.article.id;
  });
  return { ...opened, ids, api: createDirectApi(opened.core) };
}

describe('library management', () => {
  it('tags articles in bulk, without duplicates whatever the case, and keeps the tags on disk', async () => {
    const { core, ids, libraryDir, api } = await libraryWithPages();
    try {
      const tagged = await core.tagArticles([ids[0]!, ids[1]!], ['News', 'to read']);
      expect(tagged.map((a) => a.tags)).toEqual([['News', 'to read'], ['News', 'to read']]);
      const again = await core.tagArticles([ids[0]!], ['news', '  Later  ']);
      expect(again[0]!.tags).toEqual(['News', 'to read', 'Later']);
      const onDisk = JSON.parse(readFileSync(path.join(libraryDir, 'articles', ids[0]!, 'article.json'), 'utf8'));
      expect(onDisk.tags).toEqual(['News', 'to read', 'Later']);

      // Through the contract, a blank tag is refused with one sentence and nothing changes.
      const refused = await api.tagArticles([ids[2]!], ['   ']);
      expect(refused).toEqual({
        ok: false,
        error: {
          code: 'invalid-argument',
          message: 'tagArticles: argument 1.0 is an empty tag',
          sentence: { id: 'core.error.invalidArguments', values: { method: 'tagArticles' } },
        },
      });
      expect((await core.getArticle(ids[2]!)).tags).toEqual([]);

      const untagged = await core.untagArticles([ids[0]!, ids[1]!], ['NEWS']);
      expect(untagged.map((a) => a.tags)).toEqual([['to read', 'Later'], ['to read']]);
    } finally {
      await core.close();
    }
  });

  it('refuses to tag when one id is unknown, and tags none of them', async () => {
    const { core, ids } = await libraryWithPages();
    try {
      await expect(core.tagArticles([ids[0]!, 'f0f0f0f0-0000-4000-8000-000000000000'], ['x'])).rejects.toThrow(
        'That article is not in the library.',
      );
      expect((await core.getArticle(ids[0]!)).tags).toEqual([]);
    } finally {
      await core.close();
    }
  });

  it('lists by tag, reading state, format and language, in the order asked for', async () => {
    const { core, ids } = await libraryWithPages();
    try {
      await core.tagArticles([ids[0]!, ids[2]!], ['Middle East']);
      await core.setProgress(ids[2]!, { progress: 0.4, position: 10 });
      const titles = async (query: Parameters<typeof core.listArticles>[0]) =>
        (await core.listArticles(query)).map((a) => a.id);

      expect(new Set(await titles({ tag: 'middle east' }))).toEqual(new Set([ids[0], ids[2]]));
      expect(await titles({ readState: 'reading' })).toEqual([ids[2]]);
      expect(await titles({ lang: 'fr' })).toEqual([ids[1]]);
      expect(await titles({ format: 'pdf' })).toEqual([]);
      expect(await titles({ sort: 'progress' })).toEqual([ids[2], ...(await titles({})).filter((id) => id !== ids[2])]);

      const byTitle = await core.listArticles({ sort: 'title' });
      const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
      expect(byTitle.map((a) => a.title)).toEqual(byTitle.map((a) => a.title).sort(collator.compare));
      // Newest first by default.
      expect((await core.listArticles()).map((a) => a.id)).toEqual([...ids].reverse());
      // The first of them only (a page's first screen), in the order asked for.
      expect(await titles({ limit: 2 })).toEqual([...ids].reverse().slice(0, 2));
      expect(await titles({ sort: 'progress', limit: 1 })).toEqual([ids[2]]);
      expect(await titles({ lang: 'fr', limit: 5 })).toEqual([ids[1]]);
    } finally {
      await core.close();
    }
  });

  it('empties the trash for good: the folders are gone and nothing can be restored', async () => {
    const { core, ids, libraryDir } = await libraryWithPages();
    try {
      await core.deleteArticle(ids[0]!);
      await core.deleteArticle(ids[1]!);
      expect(await core.emptyTrash()).toEqual({ removed: 2 });
      expect(readdirSync(path.join(libraryDir, 'trash'))).toEqual([]);
      expect(await core.listTrash()).toEqual([]);
      await expect(core.restoreArticle(ids[0]!)).rejects.toThrow('That article is not in the trash.');
      // The article not in the trash is untouched.
      expect(existsSync(path.join(libraryDir, 'articles', ids[2]!, 'text.txt'))).toBe(true);
      expect(await core.emptyTrash()).toEqual({ removed: 0 });
    } finally {
      await core.close();
    }
  });
});

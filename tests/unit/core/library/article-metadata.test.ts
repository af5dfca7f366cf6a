import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDirectApi } from '../../../../electron/shared/dispatch';
import type { ArticleMeta } from '../../../../electron/shared/models';
import { unzipTexts } from '../support/unzip-texts';
import { CORPUS_DIR, webPages } from '../support/corpus';
import { useImportedLibrary } from '../support/import-library';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('quire-metadata-');

/** Two EPUBs (their creators are the authors, their publisher the site name) and two web pages. */
const openBooksAndPages = useImportedLibrary(() => [
  ...['moby-dick.epub', 'childrens-literature.epub'].map((name) => path.join(CORPUS_DIR, 'epub', name)),
  ...webPages()
    .filter((p) => ['bbc-1', 'lemonde-1'].includes(p.name))
    .map((p) => p.file),
]);

async function libraryWithBooksAndPages() {
  const { outcomes, ...opened } = await openBooksAndPages(tempDir());
  const articles = outcomes.map((o) => {
    if (o.status !== 'imported') throw new Error(`${o.source} was not imported`);
    return o.article;
  });
  return { ...opened, articles };
}

describe('article metadata', () => {
  it('keeps the author apart from the publisher and sorts by author', async () => {
    const { core, articles } = await libraryWithBooksAndPages();
    try {
      const moby = articles[0]!;
      expect(moby.byline).toBe('Herman Melville');
      expect(moby.siteName).not.toBe(moby.byline);

      const byAuthor = await core.listArticles({ sort: 'author' });
      expect(byAuthor.map((a) => a.byline)).toEqual([
        'BBC News',
        'Charles Madison Curry, Erle Elsworth Clippinger',
        'Herman Melville',
        'Martin Untersinger (avec Damien Leloup et Morgane Tual)',
      ]);
      expect(moby.siteName).toBe('Harper & Brothers, Publishers');
    } finally {
      await core.close();
    }
  });

  it('marks an article finished by scrolling unread again (from its start), and any article read, on disk', async () => {
    const { core, articles, libraryDir } = await libraryWithBooksAndPages();
    const [moby, kids] = [articles[0]!, articles[1]!];
    const onDisk = (id: string) => JSON.parse(readFileSync(path.join(libraryDir, 'articles', id, 'article.json'), 'utf8'));
    try {
      await core.setProgress(moby.id, { progress: 1, position: 5000 });
      expect((await core.getArticle(moby.id)).readState).toBe('finished');
      const stampedWhenFinished = onDisk(moby.id).fieldUpdatedAt.readState;

      const [unread] = await core.setReadState([moby.id], 'unread');
      expect(unread).toMatchObject({ readState: 'unread', progress: 0, position: 0 });
      const file = onDisk(moby.id);
      expect(file).toMatchObject({ readState: 'unread', progress: 0, position: 0 });
      // Stamped like any change of the reading state, so a synced copy merges it field by field.
      expect(file.fieldUpdatedAt.readState >= stampedWhenFinished).toBe(true);
      expect(file.fieldUpdatedAt.progress).toBe(file.fieldUpdatedAt.readState);

      // Opening it again and scrolling a little reads it anew, not "finished" again.
      await core.setProgress(moby.id, { progress: 0.1, position: 300 });
      expect((await core.getArticle(moby.id)).readState).toBe('reading');

      // Any article can be marked read, without losing its place; several at once.
      const marked = await core.setReadState([moby.id, kids.id], 'finished');
      expect(marked.map((a) => [a.readState, a.position])).toEqual([['finished', 300], ['finished', 0]]);
      expect(onDisk(kids.id).readState).toBe('finished');
      expect((await core.listArticles({ readState: 'finished' })).map((a) => a.id).sort()).toEqual([moby.id, kids.id].sort());
    } finally {
      await core.close();
    }
  });

  it('refuses to mark when one id is unknown, and marks none of them', async () => {
    const { core, articles } = await libraryWithBooksAndPages();
    try {
      await expect(core.setReadState([articles[0]!.id, 'f0f0f0f0-0000-4000-8000-000000000000'], 'finished')).rejects.toThrow(
        'That article is not in the library.',
      );
      expect((await core.getArticle(articles[0]!.id)).readState).toBe('unread');
    } finally {
      await core.close();
    }
  });

  it('edits title, author and tags on disk, and search follows the new title, not the old one', async () => {
    const { core, articles, libraryDir } = await libraryWithBooksAndPages();
    const moby = articles[0]!;
    try {
      await core.tagArticles([moby.id], ['Sea']);
      await core.editArticle(moby.id, { title: 'Quillfeather Voyages' });
      await core.whenIndexed();
      expect((await core.search('Quillfeather')).hits.map((h) => h.articleId)).toEqual([moby.id]);

      const edited = await core.editArticle(moby.id, { title: '  The   Whale ', byline: 'H. Melville', tags: ['Classics', 'classics', 'Sea '] });
      expect(edited).toMatchObject({ title: 'The Whale', byline: 'H. Melville', tags: ['Classics', 'Sea'] });
      const file = JSON.parse(readFileSync(path.join(libraryDir, 'articles', moby.id, 'article.json'), 'utf8'));
      expect(file).toMatchObject({ title: 'The Whale', byline: 'H. Melville', tags: ['Classics', 'Sea'] });
      expect(file.fieldUpdatedAt.title).toBeDefined();

      await core.whenIndexed();
      expect((await core.search('Quillfeather')).hits).toEqual([]);
      expect((await core.search('Whale')).hits.find((h) => h.articleId === moby.id)?.title).toBe('The Whale');

      // An empty author is no author.
      expect((await core.editArticle(moby.id, { byline: '   ' })).byline).toBeNull();
    } finally {
      await core.close();
    }
  });

  it('refuses an empty or too long title in one sentence and changes nothing', async () => {
    const { core, articles, libraryDir } = await libraryWithBooksAndPages();
    const page = articles[2]!;
    const api = createDirectApi(core);
    const before = readFileSync(path.join(libraryDir, 'articles', page.id, 'article.json'), 'utf8');
    try {
      expect(await api.editArticle(page.id, { title: ' \u200b ', tags: ['kept?'] })).toEqual({
        ok: false,
        error: { code: 'invalid-argument', message: 'A title cannot be empty.', sentence: { id: 'core.edit.titleEmpty', values: {} } },
      });
      expect(await api.editArticle(page.id, { title: 'x'.repeat(501) })).toEqual({
        ok: false,
        error: {
          code: 'invalid-argument',
          message: 'A title can be at most 500 characters long; this one has 501.',
          sentence: { id: 'core.edit.titleTooLong', values: { max: 500, length: 501 } },
        },
      });
      expect(await api.editArticle(page.id, { byline: 'y'.repeat(301) })).toMatchObject({ ok: false });
      expect(await api.editArticle(page.id, {})).toEqual({
        ok: false,
        error: { code: 'invalid-argument', message: 'Nothing to change: give a title, an author or tags.', sentence: { id: 'core.edit.nothing', values: {} } },
      });
      expect(readFileSync(path.join(libraryDir, 'articles', page.id, 'article.json'), 'utf8')).toBe(before);
      expect((await core.getArticle(page.id)).title).toBe(page.title);
    } finally {
      await core.close();
    }
  });

  it('moves several articles to the trash at once and brings them all back; an unknown id moves none', async () => {
    const { core, articles, libraryDir } = await libraryWithBooksAndPages();
    const [a, b, c] = articles.map((x) => x.id) as [string, string, string];
    try {
      await expect(core.deleteArticles([a, 'f0f0f0f0-0000-4000-8000-000000000000'])).rejects.toThrow('That article is not in the library.');
      expect((await core.listArticles()).map((x) => x.id)).toContain(a);

      await core.deleteArticles([a, b]);
      expect((await core.listArticles()).map((x) => x.id)).not.toEqual(expect.arrayContaining([a]));
      expect(existsSync(path.join(libraryDir, 'trash', a, 'article.json'))).toBe(true);
      expect((await core.listTrash()).map((x) => x.id).sort()).toEqual([a, b].sort());

      await expect(core.restoreArticles([a, c])).rejects.toThrow('One of these articles is no longer in the trash; nothing was restored.');
      expect((await core.listTrash()).length).toBe(2);

      const restored = await core.restoreArticles([a, b]);
      expect(restored.map((x) => x.id)).toEqual([a, b]);
      expect(await core.listTrash()).toEqual([]);
      expect((await core.listArticles()).map((x) => x.id).sort()).toEqual(articles.map((x) => x.id).sort());
    } finally {
      await core.close();
    }
  });

  it('exports chosen articles as a zip of Markdown files with their details, text and notes', async () => {
    const { core, articles } = await libraryWithBooksAndPages();
    const [moby, , page] = articles as [ArticleMeta, ArticleMeta, ArticleMeta];
    try {
      const text = (await core.getContent(page.id)).text;
      const quote = text.slice(0, 40);
      await core.createAnnotation({ articleId: page.id, kind: 'note', passage: { start: 0, end: 40 }, note: 'Worth a second look' });
      const exported = await core.exportArticles([moby.id, page.id]);
      expect(exported.fileName).toMatch(/^Quire 2 articles \d{4}-\d{2}-\d{2}\.zip$/);
      const files = await unzipTexts(exported.dataBase64);
      expect(files.size).toBe(2);
      const mobyFile = [...files].find(([name]) => name.endsWith(`${moby.id}.md`))?.[1] ?? '';
      expect(mobyFile).toContain('author: "Herman Melville"');
      expect(mobyFile).toContain('# Moby-Dick');
      expect(mobyFile).toContain('Call me Ishmael.');
      const pageFile = [...files].find(([name]) => name.endsWith(`${page.id}.md`))?.[1] ?? '';
      expect(pageFile).toContain('## Text');
      expect(pageFile).toContain(`> ${quote}`);
      expect(pageFile).toContain('Worth a second look');
    } finally {
      await core.close();
    }
  });

  it("keeps a book's first picture as its cover, on disk beside its text; a page without pictures has none", async () => {
    const { core, articles, libraryDir } = await libraryWithBooksAndPages();
    const [moby, , bbc] = articles as [ArticleMeta, ArticleMeta, ArticleMeta];
    try {
      expect(moby.cover).toMatch(/^assets\/[\w-]+\.(jpe?g|png|gif|webp)$/);
      const file = path.join(libraryDir, 'articles', moby.id, moby.cover!);
      expect(statSync(file).size).toBeGreaterThan(2048);
      // A picture the text itself shows.
      expect(readFileSync(path.join(libraryDir, 'articles', moby.id, 'content.html'), 'utf8')).toContain(`src="${moby.cover}"`);
      expect(bbc.cover).toBeUndefined();
      expect((await core.getArticle(moby.id)).cover).toBe(moby.cover);
    } finally {
      await core.close();
    }
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, webPages } from '../support/corpus';
import { openTestLibrary } from '../support/import-library';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('quire-metadata-');

/** Two EPUBs (their creators are the authors, their publisher the site name) and two web pages. */
async function libraryWithBooksAndPages() {
  const opened = await openTestLibrary(tempDir());
  const books = ['moby-dick.epub', 'childrens-literature.epub'].map((name) => path.join(CORPUS_DIR, 'epub', name));
  const pages = webPages()
    .filter((p) => ['bbc-1', 'lemonde-1'].includes(p.name))
    .map((p) => p.file);
  const outcomes = await opened.core.importPaths([...books, ...pages]);
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
});

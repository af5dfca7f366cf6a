import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryFacets } from '../../../../electron/core/library/library-facets';
import { createDirectApi } from '../../../../electron/shared/dispatch';
import type { ArticleMeta } from '../../../../electron/shared/models';
import { sampleArticle } from '../../../support/fake-reader-service';
import { openTestLibrary } from '../support/import-library';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('quire-facets-');
const FIXTURES = path.resolve('tests/fixtures/search-filters');

const meta = (id: string, overrides: Partial<ArticleMeta>): ArticleMeta => ({ ...sampleArticle({ id, tags: [], lang: null, format: 'html' }), ...overrides });

describe('libraryFacets', () => {
  it('counts tags without regard to case under the first spelling, languages by primary subtag, sorted', () => {
    const facets = libraryFacets([
      meta('aaa', { tags: ['news', 'Zebra'], lang: 'en-GB', format: 'pdf' }),
      // Two spellings on one article count once.
      meta('bbb', { tags: ['News', 'NEWS', 'apple'], lang: 'EN', format: 'html' }),
      meta('ccc', { lang: 'fr_CA', format: 'html' }),
      meta('ddd', { lang: '  ' }),
    ]);
    expect(facets).toEqual({
      tags: [
        { value: 'apple', count: 1 },
        { value: 'news', count: 2 },
        { value: 'Zebra', count: 1 },
      ],
      formats: [
        { value: 'html', count: 3 },
        { value: 'pdf', count: 1 },
      ],
      languages: [
        { value: 'en', count: 2 },
        { value: 'fr', count: 1 },
      ],
    });
  });

  it('is empty for an empty library', () => {
    expect(libraryFacets([])).toEqual({ tags: [], formats: [], languages: [] });
  });
});

describe('listFacets', () => {
  it("gives the library's tags, formats and languages, follows changes and leaves the trash out", async () => {
    const { core } = await openTestLibrary(tempDir());
    try {
      const files = ['glaciers-fr.html', 'glaciers-en.html', 'field-notes.md', 'gletscher-de.txt'].map((name) => path.join(FIXTURES, name));
      const outcomes = await core.importPaths(files);
      const ids = outcomes.map((outcome) => {
        if (outcome.status !== 'imported') throw new Error(`${outcome.source} was not imported`);
        return outcome.article.id;
      });
      const [french, english, , german] = ids as [string, string, string, string];

      expect(await core.listFacets()).toEqual({
        tags: [
          { value: 'Climate', count: 1 },
          { value: 'Fieldwork', count: 1 },
        ],
        formats: [
          { value: 'html', count: 2 },
          { value: 'md', count: 1 },
          { value: 'txt', count: 1 },
        ],
        // The Markdown note declares no language and gets English from its words, the text German.
        languages: [
          { value: 'de', count: 1 },
          { value: 'en', count: 2 },
          { value: 'fr', count: 1 },
        ],
      });

      await core.tagArticles([french, english], ['climate']);
      await core.deleteArticle(german);
      // Through the contract, as every host calls it: no arguments, a Result.
      const answer = await createDirectApi(core).listFacets();
      expect(answer.ok && answer.value).toEqual({
        tags: [
          { value: 'Climate', count: 3 },
          { value: 'Fieldwork', count: 1 },
        ],
        formats: [
          { value: 'html', count: 2 },
          { value: 'md', count: 1 },
        ],
        languages: [
          { value: 'en', count: 2 },
          { value: 'fr', count: 1 },
        ],
      });
    } finally {
      await core.close();
    }
  });
});

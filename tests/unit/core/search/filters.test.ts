/** SearchOptions over real pages: filters (tag, format, language, date), the date order, explain. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchEngine } from '../../../../electron/core/search/engine';
import type { ArticleFormat } from '../../../../electron/shared/models';
import { articleDocuments, fingerprintOf, tempLibrary, webPage, type TempLibrary, type TestArticle } from './search-fixtures';

interface FilteredArticle extends TestArticle {
  lang: string;
  format: ArticleFormat;
  date: string | null;
}

function page(name: string, extra: Omit<FilteredArticle, 'id' | 'title' | 'text'>): FilteredArticle {
  const source = webPage(name);
  return { id: `${name}-page`, title: source.title, text: source.text, ...extra };
}

// Four English news pages that all mention "government", and one French page.
const ARTICLES: FilteredArticle[] = [
  page('bbc-1', { lang: 'en-GB', format: 'html', date: '2015-03-01T10:00:00Z', tags: ['news', 'uk'] }),
  page('guardian-1', { lang: 'en', format: 'html', date: '2016-07-20T08:00:00Z', tags: ['news'] }),
  page('nytimes-1', { lang: 'en-US', format: 'epub', date: '2018-01-05T12:00:00Z', tags: ['Reading'] }),
  page('wapo-1', { lang: 'en', format: 'md', date: null, tags: [] }),
  page('lemonde-1', { lang: 'fr', format: 'html', date: '2017-05-01T00:00:00Z', tags: ['news'] }),
];

let library: TempLibrary;
let engine: SearchEngine;

beforeAll(async () => {
  library = tempLibrary();
  engine = new SearchEngine({ indexDir: library.indexDir, libraryDir: library.libraryDir, log: () => undefined });
  await engine.open([]);
  for (const article of ARTICLES) library.write(article);
  await engine.replaceArticles(
    ARTICLES.map((article) => ({
      fingerprint: fingerprintOf(article),
      documents: articleDocuments(article).map((doc) => ({ ...doc, lang: article.lang, format: article.format, date: article.date })),
    })),
  );
});

afterAll(async () => {
  await engine.close();
  library.remove();
});

const ids = async (query: string, options: Parameters<SearchEngine['search']>[1]) =>
  (await engine.search(query, options)).map((hit) => hit.articleId).sort();

const withWord = (word: RegExp) => ARTICLES.filter((article) => word.test(article.text)).map((article) => article.id).sort();

describe('filters', () => {
  const everywhere = withWord(/\bgovernment/i);

  it('the unfiltered query finds several articles, so each filter has something to remove', async () => {
    expect(everywhere.length).toBeGreaterThanOrEqual(3);
    expect(await ids('government', {})).toEqual(everywhere);
  });

  it('keeps only articles with every given tag, ignoring case', async () => {
    const tagged = ARTICLES.filter((a) => a.tags?.includes('news') && a.tags.includes('uk')).map((a) => a.id);
    expect(await ids('government', { tags: ['News', 'UK'] })).toEqual(everywhere.filter((id) => tagged.includes(id)));
    expect(await ids('government', { tags: ['reading'] })).toEqual(everywhere.filter((id) => id === 'nytimes-1-page'));
  });

  it('keeps only the given formats and languages', async () => {
    expect(await ids('government', { formats: ['epub', 'md'] })).toEqual(
      everywhere.filter((id) => ['nytimes-1-page', 'wapo-1-page'].includes(id)),
    );
    expect(await ids('gouvernement', { languages: ['fr'] })).toEqual(['lemonde-1-page']);
    expect(await ids('gouvernement', { languages: ['en'] })).toEqual([]);
  });

  it("gives each hit its article's format and date, so results need no library list", async () => {
    const hits = await engine.search('government', {});
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      const article = ARTICLES.find((a) => a.id === hit.articleId)!;
      expect({ format: hit.format, date: hit.date }).toEqual({ format: article.format, date: article.date });
    }
  });

  it('keeps only dated articles inside the range, both ends included', async () => {
    expect(await ids('government', { from: '2015-03-01', to: '2016-07-20' })).toEqual(
      everywhere.filter((id) => ['bbc-1-page', 'guardian-1-page'].includes(id)),
    );
  });

  it('sorts newest first on request, undated last', async () => {
    const hits = await engine.search('government', { sort: 'date' });
    const dates = hits.map((hit) => ARTICLES.find((a) => a.id === hit.articleId)!.date);
    const dated = dates.filter((date): date is string => date !== null);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(dates.indexOf(null)).toBe(dates.includes(null) ? dates.length - 1 : -1);
  });
});

describe('explain', () => {
  it('lists each matched term with its field, and the shares add up to the score', async () => {
    const [hit] = await engine.search('government minister', { explain: true, limit: 1 });
    expect(hit?.explanation).toBeDefined();
    const parts = hit!.explanation!.parts;
    expect(new Set(parts.map((part) => part.term))).toEqual(new Set(['govern', 'minist']));
    expect(parts.every((part) => part.tf > 0 && part.idf > 0 && part.score > 0)).toBe(true);
    // Its text says "government" and "minister" as typed: ranking doubles the terms' sum.
    expect(hit!.explanation!.rerank).toBeGreaterThanOrEqual(2);
    expect(parts.reduce((sum, part) => sum + part.score, 0) * hit!.explanation!.rerank).toBeCloseTo(hit!.score, 9);
    expect((await engine.search('government', { limit: 1 }))[0]?.explanation).toBeUndefined();
  });

  it('names the phrases it confirmed in the text', async () => {
    const [hit] = await engine.search('"prime minister"', { explain: true, limit: 1 });
    expect(hit?.explanation?.phrases).toEqual(['prime minister']);
  });
});

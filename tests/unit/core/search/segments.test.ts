/**
 * The segmented index ranks with library-wide statistics: however the documents arrived (one
 * batch, one by one in any order, with deletions, merges and a reload in between), the same
 * library gives the same ranked results.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SearchEngine } from '../../../../electron/core/search/engine';
import {
  articleDocuments,
  fingerprintOf,
  tempLibrary,
  webPage,
  type TempLibrary,
  type TestArticle,
} from './search-fixtures';
import { seededRandom as random } from '../../../support/seeded-random';

const PAGES = [
  'ars-1', 'bbc-1', 'cnn', 'guardian-1', 'lwn-1', 'medium-1', 'mozilla-1', 'nytimes-1', 'wapo-1',
  'google-sre-book-1', 'wikipedia', 'heise', 'lemonde-1',
];

/** Real pages cut into parts of a few paragraphs: about a hundred articles of varied length. */
function libraryArticles(): TestArticle[] {
  const out: TestArticle[] = [];
  for (const name of PAGES) {
    const page = webPage(name);
    const paragraphs = page.text.split('\n').filter((line) => line.trim().length > 0);
    for (let i = 0, part = 0; i < paragraphs.length; i += 25, part += 1) {
      out.push({ id: `${name}-${part}`, title: `${page.title} (${part + 1})`, text: paragraphs.slice(i, i + 25).join('\n') });
    }
  }
  return out;
}

function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Queries drawn from the texts: single words, pairs from one article, prefixes, typos, phrases. */
function queriesFor(articles: readonly TestArticle[], next: () => number, count: number): string[] {
  const queries: string[] = [];
  while (queries.length < count) {
    const article = articles[Math.floor(next() * articles.length)]!;
    const words = article.text.split(/[^\p{L}]+/u).filter((word) => word.length >= 5);
    if (words.length < 2) continue;
    const pick = () => words[Math.floor(next() * words.length)]!;
    const kind = queries.length % 5;
    if (kind === 0) queries.push(pick());
    else if (kind === 1) queries.push(`${pick()} ${pick()}`);
    else if (kind === 2) queries.push(`${pick().slice(0, 4)}*`);
    else if (kind === 3) queries.push(`${pick()}~1`);
    else queries.push(`${pick()} -${pick()}`);
  }
  return queries;
}

let library: TempLibrary;
const engines: SearchEngine[] = [];
const articles = libraryArticles();

function newEngine(options: { tailMaxDocs?: number; maxSealedSegments?: number } = {}): SearchEngine {
  const engine = new SearchEngine({ indexDir: library.indexDir, libraryDir: library.libraryDir, log: () => undefined, ...options });
  engines.push(engine);
  return engine;
}

const entry = (article: TestArticle, version = 1) => ({
  fingerprint: fingerprintOf(article, version),
  documents: articleDocuments(article),
});

async function top10(engine: SearchEngine, query: string): Promise<{ id: string; score: number }[]> {
  return (await engine.search(query, { limit: 10 })).map((hit) => ({ id: hit.articleId, score: hit.score }));
}

function expectSameRanking(actual: { id: string; score: number }[], expected: { id: string; score: number }[]): void {
  expect(actual.map((hit) => hit.id)).toEqual(expected.map((hit) => hit.id));
  actual.forEach((hit, i) => expect(hit.score).toBeCloseTo(expected[i]!.score, 9));
}

beforeAll(() => {
  expect(articles.length).toBeGreaterThan(60);
  expect(articles.length).toBeLessThan(250);
});

afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.close();
  library.remove();
});

describe('ranking with library-wide statistics', () => {
  it.each([1, 2, 3])(
    'gives the same ranked top 10 built at once or grown article by article in random order (seed %i)',
    async (seed) => {
      library = tempLibrary();
      for (const article of articles) library.write(article);
      const next = random(seed);

      const fresh = newEngine();
      await fresh.open([]);
      await fresh.replaceArticles(articles.map((article) => entry(article)));
      expect(fresh.layout().sealed.length).toBeLessThanOrEqual(1);

      // Tiny tails and few allowed segments: many seals and merges on the way.
      const grown = newEngine({ tailMaxDocs: 4, maxSealedSegments: 3 });
      await grown.open([]);
      const order = shuffled(articles, next);
      for (const [i, article] of order.entries()) {
        await grown.replaceArticles([entry(article)]);
        if (i % 3 === 0) await grown.search('people');
        if (i % 10 === 9) grown.mergeSegments();
      }
      // Deleted and re-added, and replaced by an identical new version: must not change anything.
      for (const article of order.slice(0, 8)) await grown.removeArticle(article.id);
      await grown.replaceArticles(order.slice(0, 8).map((article) => entry(article, 2)));
      await grown.replaceArticles(order.slice(8, 12).map((article) => entry(article, 3)));
      expect(grown.layout().sealed.length).toBeGreaterThan(1);

      let answered = 0;
      for (const query of queriesFor(articles, next, 25)) {
        const expected = await top10(fresh, query);
        if (expected.length > 0) answered += 1;
        expectSameRanking(await top10(grown, query), expected);
      }
      // Most drawn queries find something: the comparison is not between empty lists.
      expect(answered).toBeGreaterThan(15);
    },
  );

  it('ranks the same after a reload, and a deleted article is gone at once and after the reload', async () => {
    library = tempLibrary();
    for (const article of articles) library.write(article);
    const next = random(42);
    const queries = queriesFor(articles, next, 20);

    const grown = newEngine({ tailMaxDocs: 5, maxSealedSegments: 4 });
    await grown.open([]);
    for (const article of shuffled(articles, next)) {
      await grown.replaceArticles([entry(article)]);
      await grown.search('news');
    }
    const victim = articles[7]!;
    const word = victim.text.split(/[^\p{L}]+/u).find((w) => w.length >= 6)!;
    expect((await grown.search(word)).map((hit) => hit.articleId)).toContain(victim.id);
    await grown.removeArticle(victim.id);
    expect((await grown.search(word)).map((hit) => hit.articleId)).not.toContain(victim.id);
    const before = await Promise.all(queries.map((query) => top10(grown, query)));
    await grown.close();

    const reloaded = newEngine({ tailMaxDocs: 5, maxSealedSegments: 4 });
    const current = articles.filter((article) => article !== victim).map((article) => fingerprintOf(article));
    expect(await reloaded.open(current)).toEqual([]);
    expect((await reloaded.search(word)).map((hit) => hit.articleId)).not.toContain(victim.id);
    for (const [i, query] of queries.entries()) expectSameRanking(await top10(reloaded, query), before[i]!);
  });
});

/**
 * Queries as people type them, over a library in several languages: real pages and a real book
 * imported the way Quire imports them, plus a few short English articles whose titles are full of
 * common words. A stop word of one language is a word of another ("the" is not a French or German
 * stop word), so the common words of a query must never make an English article unmatchable.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../../../electron/core/importers/import-file';
import { SearchEngine } from '../../../../electron/core/search/engine';
import type { SearchHit } from '../../../../electron/shared/models';
import { EPUB_DIR, SEED_FILE, webPageFile } from '../../../support/corpus-paths';
import { articleDocuments, fingerprintOf, tempLibrary, type TempLibrary, type TestArticle } from './search-fixtures';

async function imported(file: string, id: string): Promise<TestArticle> {
  const { document } = await importFile({ fileName: path.basename(file), bytes: readFileSync(file) });
  return { id, title: document.title, text: document.text, byline: document.byline ?? '', lang: document.lang };
}

const WRITTEN: TestArticle[] = [
  {
    id: 'heroines',
    title: 'The Hidden Heroines of Chaos',
    text:
      'Two women wrote the programs behind a landmark discovery in chaos theory. Margaret Hamilton and ' +
      'Ellen Fetter ran the weather simulations on the LGP-30, yet the papers named only the men who ' +
      'published them. Their story shows how much of early computing was done by women whose names were left out.',
  },
  {
    id: 'chaos-primer',
    title: 'Chaos theory for beginners',
    text: 'The butterfly effect, strange attractors and why the weather cannot be predicted far ahead. Hidden order in chaos.',
  },
  {
    id: 'console',
    title: 'A console that keeps up',
    text:
      'The terminal emulator renders at the refresh rate of the display, so scrolling a long build log ' +
      'never stutters. Input latency stays under a frame even with thousands of lines of output.',
  },
  {
    id: 'console-review',
    title: 'Game console review',
    text: 'This console keeps the fan quiet. It is hard to keep up with every release that comes out.',
  },
  {
    id: 'hamlet',
    title: 'To be or not to be',
    text: 'Hamlet weighs life and death in the most quoted soliloquy of the play, alone on the stage.',
  },
  // The same stem in two forms: the one typed must come first although the other says it twice.
  {
    id: 'towpath-runs',
    title: 'Notes from the trail',
    text: 'The river runs past the old mill, and the path runs beside it for a mile before the bridge.',
  },
  {
    id: 'towpath-running',
    title: 'Notes from the towpath',
    text: 'The river running past the old mill is cold, and the path beside it is muddy for a mile.',
  },
  // A near miss of "mill" in a title (weighed ten times a body word) must stay below the word itself.
  {
    id: 'milk-title',
    title: 'Milk',
    text: 'A short history of dairy farming in the valley, from the first herds to the cooperative.',
  },
  // Two copies of one note: equal in every score, told apart only by which was read last.
  { id: 'lighthouse-a', title: 'Lighthouse log', text: 'The lighthouse keeper logged the storm and the ships that passed.' },
  { id: 'lighthouse-b', title: 'Lighthouse log', text: 'The lighthouse keeper logged the storm and the ships that passed.' },
  {
    id: 'bees',
    title: 'Keeping bees',
    text: 'To be a beekeeper or not is a question of patience; the hive does not care about your plans.',
  },
];

describe('natural queries in a multilingual library', () => {
  let library: TempLibrary;
  let engine: SearchEngine;
  let articles: TestArticle[];

  beforeAll(async () => {
    articles = [
      await imported(SEED_FILE, 'seed-article'),
      await imported(webPageFile('lemonde-1'), 'lemonde-page'),
      await imported(webPageFile('heise'), 'heise-page'),
      await imported(webPageFile('qq'), 'qq-page'),
      await imported(webPageFile('guardian-1'), 'guardian-page'),
      await imported(webPageFile('data-url-image'), 'metroid-page'),
      await imported(path.join(EPUB_DIR, 'moby-dick.epub'), 'moby-dick'),
      await imported(path.join(EPUB_DIR, 'childrens-literature.epub'), 'childrens-literature'),
      ...WRITTEN,
    ];
    const moby = articles.find((article) => article.id === 'moby-dick')!;
    moby.annotations = [
      { id: 'opening', kind: 'bookmark', note: 'The most famous opening line in American fiction', quote: 'Call me Ishmael.' },
    ];
    library = tempLibrary();
    engine = new SearchEngine({ indexDir: library.indexDir, libraryDir: library.libraryDir, saveDelayMs: 60_000 });
    for (const article of articles) library.write(article);
    await engine.replaceArticles(articles.map((article) => ({ fingerprint: fingerprintOf(article), documents: articleDocuments(article) })));
  }, 60_000);

  afterAll(async () => {
    await engine.close();
    library.remove();
  });

  const first = async (query: string): Promise<SearchHit | undefined> => (await engine.search(query))[0];

  it('holds articles in other languages, whose stop words are English words', () => {
    const langs = new Map(articles.map((article) => [article.id, article.lang]));
    expect(langs.get('lemonde-page')).toMatch(/^fr/);
    expect(langs.get('heise-page')).toMatch(/^de/);
    expect(langs.get('qq-page')).toMatch(/^zh/);
    expect(langs.get('moby-dick')).toMatch(/^en/);
  });

  it('finds an article first when its title is typed in full, common words and all', async () => {
    for (const [query, id] of [
      ['The Hidden Heroines of Chaos', 'heroines'],
      ['the hidden heroines of chaos', 'heroines'],
      ['a console that keeps up', 'console'],
      ['to be or not to be', 'hamlet'],
      ['Moby-Dick', 'moby-dick'],
    ] as const) {
      expect((await first(query))?.articleId, query).toBe(id);
    }
  });

  it('finds each real page and book first from its title typed in lower case, in its own language', async () => {
    for (const id of ['seed-article', 'lemonde-page', 'heise-page', 'qq-page', 'guardian-page', 'moby-dick', 'childrens-literature']) {
      const { title } = articles.find((article) => article.id === id)!;
      expect((await first(title.toLowerCase()))?.articleId, title).toBe(id);
    }
    // Part of a title, common words and all, in French and German.
    expect((await first('le projet de loi sur le renseignement'))?.articleId).toBe('lemonde-page');
    expect((await first('1password für mac'))?.articleId).toBe('heise-page');
  });

  it('finds the article a question is about', async () => {
    expect((await first('who ran the weather simulations on the LGP-30?'))?.articleId).toBe('heroines');
    expect((await first('what is the butterfly effect?'))?.articleId).toBe('chaos-primer');
    expect((await first('what is the sea telling us?'))?.articleId).toBe('guardian-page');
    expect((await first('which soliloquy is the most quoted?'))?.articleId).toBe('hamlet');
  });

  it('finds the page a sentence comes from, with one word changed and another misspelt', async () => {
    for (const id of ['seed-article', 'lemonde-page', 'heise-page', 'guardian-page', 'moby-dick']) {
      const { text } = articles.find((article) => article.id === id)!;
      // A sentence of ten to thirty words from the middle of the text, as someone half remembers it.
      const sentences = text.split(/(?<=[.!?])\s+/).filter((sentence) => {
        const count = sentence.split(/\s+/).length;
        return count >= 10 && count <= 30;
      });
      expect(sentences.length, id).toBeGreaterThan(0);
      const sentence = sentences[Math.floor(sentences.length / 2)]!;
      const sentenceWords = sentence.replace(/[^\p{L}\p{N}\s'’-]/gu, ' ').split(/\s+/).filter(Boolean);
      sentenceWords[2] = 'something';
      const longest = sentenceWords.filter((word) => /^\p{L}+$/u.test(word)).reduce((a, b) => (b.length > a.length ? b : a));
      // Two inner letters swapped: "simulations" → "simluations".
      sentenceWords[sentenceWords.indexOf(longest)] = `${longest.slice(0, 2)}${longest[3]}${longest[2]}${longest.slice(4)}`;
      const query = sentenceWords.join(' ');
      expect((await first(query))?.articleId, query).toBe(id);
    }
  });

  it('finds an article by a misspelt word of its title', async () => {
    expect((await first('the hidden heorines of chaos'))?.articleId).toBe('heroines');
    expect((await first('call me ishmal'))?.articleId).toBe('moby-dick');
  });

  it('finds the article a famous line or a topic comes from', async () => {
    expect((await first('call me ishmael'))?.articleId).toBe('moby-dick');
    expect((await first('relations with Iran'))?.articleId).toBe('seed-article');
    expect((await first('"the white whale"'))?.articleId).toBe('moby-dick');
  });

  it('lets a common word count in ranking without requiring it', async () => {
    // "heroines chaos" and the full title find the same article; the common words only rank.
    expect((await first('heroines chaos'))?.articleId).toBe('heroines');
    const withCommon = await engine.search('the chaos');
    expect(withCommon.map((hit) => hit.articleId)).toEqual(expect.arrayContaining(['heroines', 'chaos-primer']));
  });

  it('keeps the meaning of the query language', async () => {
    // A quoted phrase must hold as typed, common words included.
    expect((await engine.search('"hidden heroines of chaos"')).map((hit) => hit.articleId)).toEqual(['heroines']);
    expect(await engine.search('"heroines of the chaos"')).toEqual([]);
    // +word is required even when it is a common word; -word excludes.
    expect((await engine.search('console so')).map((hit) => hit.articleId)).toContain('console-review');
    const required = (await engine.search('console +so')).map((hit) => hit.articleId);
    expect(required).toContain('console');
    expect(required).not.toContain('console-review');
    expect((await engine.search('console -terminal')).map((hit) => hit.articleId)).toEqual(['console-review']);
    expect((await first('title:chaos beginners'))?.articleId).toBe('chaos-primer');
    expect((await first('heroi*'))?.articleId).toBe('heroines');
    expect((await first('heroinse~1'))?.articleId).toBe('heroines');
  });

  it('finds a sentence remembered with a word changed', async () => {
    // The text says "the weather simulations on the LGP-30": one word is different here.
    expect((await first('Ellen Fetter ran the climate simulations on the LGP-30'))?.articleId).toBe('heroines');
  });

  it('ranks your own bookmark above articles that only mention the word', async () => {
    const hits = await engine.search('famous');
    expect(hits[0]?.articleId).toBe('moby-dick');
    expect(hits[0]?.annotationId).toBe('opening');
    expect((await first('opening line'))?.annotationId).toBe('opening');
  });

  it('never lets a near miss outrank the word as typed', async () => {
    // Metroid is in one page; "metres" or other near words elsewhere must not join it.
    expect((await engine.search('Metroid')).map((hit) => hit.articleId)).toEqual(['metroid-page']);
    // "whael" is no word: the whale articles come before anything else near it.
    const whales = (await engine.search('whael')).map((hit) => hit.articleId);
    expect(whales.slice(0, 2).sort()).toEqual(['guardian-page', 'moby-dick']);
  });

  it('ranks a word as typed above another form of it, and both above a near miss', async () => {
    const ids = (await engine.search('running')).map((hit) => hit.articleId);
    expect(ids).toContain('towpath-runs');
    expect(ids.indexOf('towpath-running')).toBeLessThan(ids.indexOf('towpath-runs'));
    // With ~1 the query also finds near misses (milk, mile, will…): every text holding "mill" itself comes first.
    const hits = await engine.search('mill~1');
    const holdsMill = (id: string) => {
      const article = articles.find((candidate) => candidate.id === id)!;
      return /\bmill(s|ed|ing)?\b/i.test(`${article.title}\n${article.text}`);
    };
    const order = hits.map((hit) => holdsMill(hit.articleId));
    expect(order).toContain(false);
    expect(order.indexOf(false)).toBe(order.lastIndexOf(true) + 1);
    expect(hits.map((hit) => hit.articleId)).toContain('milk-title');
  });

  it('puts the article read last first among equally good matches, never above a better one', async () => {
    const twins = async (recentlyRead: string[]) =>
      (await engine.search('lighthouse keeper', {}, { recentlyRead })).map((hit) => hit.articleId).slice(0, 2);
    expect(await twins(['lighthouse-b'])).toEqual(['lighthouse-b', 'lighthouse-a']);
    expect(await twins(['moby-dick', 'lighthouse-a', 'lighthouse-b'])).toEqual(['lighthouse-a', 'lighthouse-b']);
    // Reading is only a tie-breaker: the better match stays first.
    const ids = (await engine.search('running', {}, { recentlyRead: ['towpath-runs'] })).map((hit) => hit.articleId);
    expect(ids.indexOf('towpath-running')).toBeLessThan(ids.indexOf('towpath-runs'));
  });

  it('counts every article and passage the query found, past the page shown', async () => {
    const all = await engine.results('whale', { limit: 1000 });
    const articleIds = new Set(all.hits.map((hit) => hit.articleId));
    // Every place listed or counted under an article, and each bookmark and note: what the list shows once all is loaded.
    const places = all.hits.reduce((sum, hit) => sum + (hit.kind === 'article' ? Math.max(1, hit.passageCount ?? 0) : 1), 0);
    expect(all.totals).toEqual({ articles: articleIds.size, passages: places, bookmarks: 0, notes: 0, articlesExact: true, passagesExact: true });
    expect(places).toBeGreaterThan(100);

    // One hit shown: the articles are all counted; the texts not read count one place each, said to be a lower bound.
    const page = await engine.results('whale', { limit: 1 });
    expect(page.hits).toHaveLength(1);
    expect(page.totals.articles).toBe(articleIds.size);
    expect(page.totals.passagesExact).toBe(false);
    expect(page.totals.passages).toBeLessThan(places);
    expect(page.totals.passages).toBeGreaterThanOrEqual(articleIds.size);
    // The next page reads the texts of the one before it: with every text read, the count is exact.
    expect((await engine.results('whale', { limit: 1000, offset: 1 })).totals).toEqual(all.totals);

    // A bookmark is a passage of its own, and named; its article, which says the word too, is one article.
    const famous = await engine.results('famous', { limit: 1000 });
    const famousArticles = new Set(famous.hits.map((hit) => hit.articleId)).size;
    expect(famous.hits.filter((hit) => hit.articleId === 'moby-dick').map((hit) => hit.kind).sort()).toEqual(['article', 'bookmark']);
    expect(famous.totals).toMatchObject({ articles: famousArticles, passagesExact: true, bookmarks: 1, notes: 0 });
    expect((await engine.results('famous', { limit: 1 })).totals).toMatchObject({ articles: famousArticles, bookmarks: 1 });
    // A quoted phrase is confirmed per text: past the page, the count is what was confirmed so far.
    const phrase = await engine.results('"the whale"', { limit: 1 });
    const phraseAll = await engine.results('"the whale"', { limit: 1000 });
    expect(phraseAll.totals.articles).toBeGreaterThan(1);
    expect(phraseAll.totals.articlesExact).toBe(true);
    expect(phrase.totals.articlesExact).toBe(false);
    expect(phrase.totals.articles).toBeGreaterThanOrEqual(1);
    expect(phrase.totals.articles).toBeLessThanOrEqual(phraseAll.totals.articles);
  });

  it("lists an article's best places in its text, apart, and counts the rest", async () => {
    const moby = (await engine.search('whale')).find((hit) => hit.articleId === 'moby-dick' && hit.kind === 'article')!;
    const places = [{ snippet: moby.snippet, passage: moby.passage }, ...(moby.morePassages ?? [])];
    expect(places).toHaveLength(3);
    // Moby-Dick speaks of whales on nearly every page.
    expect(moby.passageCount).toBeGreaterThan(100);
    const spans = places.map((place) => place.passage!).sort((a, b) => a.start - b.start);
    for (const place of places) expect(place.snippet).toMatch(/<mark>whales?<\/mark>/i);
    // Three different places, each far enough from the others to be a passage of its own.
    for (let i = 1; i < spans.length; i += 1) expect(spans[i]!.start).toBeGreaterThan(spans[i - 1]!.end);
    expect(new Set(places.map((place) => place.snippet)).size).toBe(3);
    // A word only in a title has no place in the text to list.
    const title = (await engine.search('title:heroines'))[0];
    expect(title?.passageCount).toBe(0);
  });

  it('gives the next page of the same ranking after the results already shown', async () => {
    const all = await engine.search('the', { limit: 12 });
    expect(all.length).toBe(12);
    const second = await engine.search('the', { limit: 5, offset: 5 });
    expect(second.map((hit) => [hit.articleId, hit.annotationId])).toEqual(all.slice(5, 10).map((hit) => [hit.articleId, hit.annotationId]));
  });
});

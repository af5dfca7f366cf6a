import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SearchEngine } from '../../../../electron/core/search/engine';
import { foldWord, tokenize } from '../../../../electron/core/search/text-pipeline';
import {
  SEED,
  articleDocuments,
  corpusArticles,
  fingerprintOf,
  tempLibrary,
  type TempLibrary,
  type TestArticle,
} from './search-fixtures';

let library: TempLibrary;
let engine: SearchEngine;

async function add(target: SearchEngine, ...articles: TestArticle[]): Promise<void> {
  for (const article of articles) library.write(article);
  await target.replaceArticles(
    articles.map((article) => ({ fingerprint: fingerprintOf(article), documents: articleDocuments(article) })),
  );
}

function newEngine(): SearchEngine {
  return new SearchEngine({ indexDir: library.indexDir, libraryDir: library.libraryDir, log: () => undefined });
}

const ids = (hits: { articleId: string; kind: string }[]) => hits.map((hit) => hit.articleId);

beforeEach(async () => {
  library = tempLibrary();
  engine = newEngine();
  await engine.open([]);
  await add(engine, ...corpusArticles());
});

afterEach(async () => {
  await engine.close();
  library.remove();
});

describe('search over real articles', () => {
  it('finds the seed article for "Fuad Hussein" with both words marked in an escaped snippet', async () => {
    const hits = await engine.search('Fuad Hussein');
    expect(ids(hits)).toEqual(['seed-article']);
    const [hit] = hits;
    expect(hit?.kind).toBe('article');
    expect(hit?.title).toBe(SEED.title);
    expect(hit?.snippet).toContain('<mark>Fuad</mark> <mark>Hussein</mark>');
    expect(hit?.terms).toEqual(expect.arrayContaining(['Fuad', 'Hussein']));
    // the reader opens at the first match, and the offsets point into text.txt
    expect(hit?.passage).not.toBeNull();
    // The reader opens at the first match the snippet shows.
    expect(SEED.text.slice(hit!.passage!.start, hit!.passage!.end)).toMatch(/^(Fuad|Hussein)$/);
    const shown = hit!.snippet.replace(/<\/?mark>/g, '').replaceAll('&#39;', "'").replaceAll('&quot;', '"');
    const atPassage = SEED.text.slice(hit!.passage!.start, hit!.passage!.start + 30).replace(/\s+/g, ' ');
    expect(shown).toContain(atPassage);
  });

  it('requires every word (AND) and ranks title matches first', async () => {
    expect(ids(await engine.search('Hussein firefox'))).toEqual([]);
    const hits = await engine.search('security');
    expect(hits.length).toBeGreaterThan(1);
    expect(hits[0]?.articleId).toBe('seed-article');
  });

  it('confirms phrases against the text and rejects words that are only near each other', async () => {
    const phrase = await engine.search('"foreign minister fuad hussein"');
    expect(ids(phrase)).toEqual(['seed-article']);
    expect(phrase[0]?.snippet).toContain(
      '<mark>Foreign</mark> <mark>Minister</mark> <mark>Fuad</mark> <mark>Hussein</mark>',
    );
    expect(SEED.text.slice(phrase[0]!.passage!.start, phrase[0]!.passage!.end)).toBe(
      'Foreign Minister Fuad Hussein',
    );
    // every word is in the seed, but never in this order
    expect(await engine.search('"Hussein Fuad"')).toEqual([]);
    expect(await engine.search('"iran strong relations"')).toEqual([]);
  });

  it('finds a phrase made only of stop words in exactly the articles holding it', async () => {
    const holding = (phrase: string[]) =>
      corpusArticles()
        .filter((article) => [article.title, article.text].some((text) => {
          const words = tokenize(text).map((token) => foldWord(token.text)).filter((word) => word !== null);
          return words.some((_, i) => phrase.every((word, k) => words[i + k] === word));
        }))
        .map((article) => article.id)
        .sort();
    const expected = holding(['it', 'is']);
    expect(expected.length).toBeGreaterThan(1);
    expect(ids(await engine.search('"it is"', { limit: 100 })).sort()).toEqual(expected);
    expect(ids(await engine.search('"It is" -iraq', { limit: 100 })).sort()).toEqual(expected.filter((id) => id !== 'seed-article'));
    expect(ids(await engine.search('"to be or not to be"', { limit: 100 })).sort()).toEqual(holding(['to', 'be', 'or', 'not', 'to', 'be']));
  });

  it('excludes articles with -word', async () => {
    expect(ids(await engine.search('iraq'))).toContain('seed-article');
    expect(ids(await engine.search('iraq'))).toContain('mozilla-page');
    const withoutIran = ids(await engine.search('security -iran'));
    expect(withoutIran).not.toContain('seed-article');
    expect(withoutIran.length).toBeGreaterThan(0);
    expect(ids(await engine.search('hussein -"fuad hussein"'))).toEqual([]);
    expect(ids(await engine.search('hussein -"hussein fuad"'))).toEqual(['seed-article']);
  });

  it('restricts field:term to that field', async () => {
    expect(ids(await engine.search('title:iraq'))).toEqual(['seed-article']);
    // "Tehran" is in the seed's text but not its title
    expect(ids(await engine.search('tehran'))).toEqual(['seed-article']);
    expect(await engine.search('title:tehran')).toEqual([]);
    expect(ids(await engine.search('site:mayadeen'))).toEqual(['seed-article']);
    expect(ids(await engine.search('tag:middle-east'))).toEqual(['seed-article']);
    expect(ids(await engine.search('author:untersinger'))).toEqual(['lemonde-page']);
    expect(ids(await engine.search('body:tehran'))).toEqual(['seed-article']);
  });

  it('treats an unknown field as plain words', async () => {
    expect(ids(await engine.search('android:hussein'))).toEqual([]);
    expect(ids(await engine.search('baghdad:hussein'))).toEqual(['seed-article']);
  });

  it('folds case and diacritics both ways', async () => {
    // Le Monde: "députés", "Sénat"
    expect(ids(await engine.search('deputes senat'))).toContain('lemonde-page');
    expect(ids(await engine.search('DÉPUTÉS'))).toContain('lemonde-page');
    const hit = (await engine.search('deputes')).find((h) => h.articleId === 'lemonde-page');
    expect(hit?.snippet).toMatch(/<mark>[Dd]éputés<\/mark>/);
  });

  it('stems: relation finds relations, and prefixes work on stems', async () => {
    const hits = await engine.search('relation');
    expect(ids(hits)).toContain('seed-article');
    expect(hits.find((h) => h.articleId === 'seed-article')?.snippet).toContain('<mark>relations</mark>');
    // typed into the suffix the stemmer removes: relati(ons) → relat
    expect(ids(await engine.search('relati*'))).toContain('seed-article');
    expect(ids(await engine.search('husse*'))).toEqual(['seed-article']);
    expect(ids(await engine.search('baghd*'))).toEqual(['seed-article']);
    // stemming and prefixes agree: whatever "terrorism" finds, "terroris*" finds too
    const terrorism = ids(await engine.search('terrorism'));
    expect(terrorism).toContain('seed-article');
    expect(ids(await engine.search('terroris*'))).toEqual(expect.arrayContaining(terrorism));
  });

  it('tolerates typos: explicit ~1, and a retry when nothing matches exactly', async () => {
    expect(ids(await engine.search('hussien~1'))).toEqual(['seed-article']);
    const retried = await engine.search('fuad hussien');
    expect(ids(retried)).toEqual(['seed-article']);
    expect(retried[0]?.snippet).toContain('<mark>Hussein</mark>');
    // +word insists on the exact word
    expect(await engine.search('+hussien')).toEqual([]);
  });

  it('splits dotted and underscored words like the text, and matches them as a unit', async () => {
    expect(ids(await engine.search('al-Sudani'))).toEqual(['seed-article']);
    expect(await engine.search('Sudani-al')).toEqual([]);
  });

  it('refuses malformed queries with a bad-query error, never an exception of another kind', async () => {
    for (const query of ['"unclosed', 'title:', '+', '-', '***', 'a^', '"', ':', 'title:"', '~1', '^^', '+-+', 'hussein"', '\\', '*iran', 'ir*n', '"fuad', '-"', 'x'.repeat(5000)]) {
      await expect(engine.search(query), query).rejects.toMatchObject({ code: 'bad-query' });
    }
    expect(ids(await engine.search('"fuad hussein"'))).toEqual(['seed-article']);
    expect(ids(await engine.search('hussein~'))).toEqual(['seed-article']);
    expect(ids(await engine.search('((hussein'))).toEqual(['seed-article']);
  });

  it('returns nothing for empty queries, looks for the words of a stop-word-only one, and refuses exclusion-only ones', async () => {
    expect(await engine.search('')).toEqual([]);
    expect(await engine.search('   ')).toEqual([]);
    // Nothing else to look for: the common words are the query.
    const common = await engine.search('the of and', { limit: 100 });
    expect(common.length).toBeGreaterThan(2);
    expect(ids(common)).not.toContain('qq-page');
    await expect(engine.search('-iran')).rejects.toMatchObject({ code: 'bad-query' });
  });

  it('respects the limit and sorts best first', async () => {
    const all = await engine.search('the news');
    expect(all.length).toBeGreaterThan(2);
    const two = await engine.search('the news', { limit: 2 });
    expect(two).toEqual(all.slice(0, 2));
    for (let i = 1; i < all.length; i += 1) expect(all[i - 1]!.score).toBeGreaterThanOrEqual(all[i]!.score);
  });

  it('indexes Arabic and Chinese text without breaking other searches', async () => {
    // the language menu of the Mozilla page lists "عربي"
    expect(ids(await engine.search('عربي'))).toContain('mozilla-page');
    await expect(engine.search('腾讯')).resolves.toBeInstanceOf(Array);
    expect(ids(await engine.search('hussein'))).toEqual(['seed-article']);
  });
});

describe('snippets', () => {
  it('escapes HTML that is part of the text', async () => {
    const article: TestArticle = {
      id: 'html-as-text',
      title: 'A page saved as plain text',
      text: 'Remove the element <script>alert("Fuad")</script> & keep <b>bold</b> Hussein.',
    };
    await add(engine, article);
    const [hit] = await engine.search('alert');
    expect(hit?.snippet).toContain('&lt;script&gt;<mark>alert</mark>(&quot;Fuad&quot;)&lt;/script&gt; &amp; keep &lt;b&gt;bold&lt;/b&gt;');
    expect(hit?.snippet).not.toContain('<script>');
  });

  it('shows about 200 characters around the densest matches, cut between words, with ellipses', async () => {
    const [hit] = await engine.search('Sudani Raisi');
    const visible = hit!.snippet
      .replace(/<\/?mark>/g, '')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
    expect(visible.startsWith('…')).toBe(true);
    expect(visible.endsWith('…')).toBe(true);
    expect(visible.length).toBeLessThanOrEqual(205);
    expect(hit!.snippet).toContain('al-<mark>Sudani</mark>');
    expect(hit!.snippet).toContain('<mark>Raisi</mark>');
    const words = visible.slice(1, -1).trim().split(' ');
    for (const word of [words[0], words[words.length - 1]]) expect(SEED.text).toMatch(new RegExp(`(^|\\s)${word!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });
});

describe('bookmarks and notes', () => {
  const annotated: TestArticle = {
    ...SEED,
    annotations: [
      { id: 'note-cafe', kind: 'note', note: 'Ask about the meeting at the café in Baghdad', quote: 'the first Baghdad conference was held' },
      { id: 'bookmark-1', kind: 'bookmark', note: '', quote: 'Iraq seeks to restore relations between neighboring countries' },
      { id: 'note-whole', kind: 'note', note: 'Compare with the **Jordan** summit coverage' },
    ],
  };

  beforeEach(async () => {
    await add(engine, annotated);
  });

  it('finds what the user wrote, as a note hit opening at its passage', async () => {
    const hits = await engine.search('cafe');
    expect(hits).toHaveLength(1);
    const [hit] = hits;
    expect(hit).toMatchObject({ articleId: 'seed-article', annotationId: 'note-cafe', kind: 'note', title: SEED.title });
    expect(hit?.snippet).toBe('Ask about the meeting at the <mark>café</mark> in Baghdad');
    const quote = 'the first Baghdad conference was held';
    expect(hit?.passage).toEqual({ start: SEED.text.indexOf(quote), end: SEED.text.indexOf(quote) + quote.length });
  });

  it('finds a bookmark by its passage, showing the passage', async () => {
    const hits = await engine.search('neighboring restore');
    const bookmark = hits.find((h) => h.kind === 'bookmark');
    expect(bookmark?.annotationId).toBe('bookmark-1');
    expect(bookmark?.snippet).toBe('Iraq seeks to <mark>restore</mark> relations between <mark>neighboring</mark> countries');
    expect(hits.find((h) => h.kind === 'article')?.articleId).toBe('seed-article');
  });

  it('searches notes with note: and phrases inside Markdown', async () => {
    expect((await engine.search('note:jordan')).map((h) => h.annotationId)).toEqual(['note-whole']);
    expect((await engine.search('"jordan summit"')).map((h) => h.annotationId)).toEqual(['note-whole']);
  });
});

describe('changes', () => {
  it('removes an article and its hits at once', async () => {
    expect(ids(await engine.search('hussein'))).toEqual(['seed-article']);
    await engine.removeArticle('seed-article');
    expect(await engine.search('hussein')).toEqual([]);
    expect(ids(await engine.search('iraq'))).toEqual(['mozilla-page']);
  });

  it('replaces an article: old text no longer matches, new text does', async () => {
    await add(engine, { ...SEED, text: 'A short replacement about Basra.' });
    expect(await engine.search('hussein')).toEqual([]);
    expect(ids(await engine.search('basra'))).toEqual(['seed-article']);
  });

  it('rejects documents filed under another article', async () => {
    const docs = articleDocuments(SEED);
    await expect(
      engine.replaceArticles([{ fingerprint: { articleId: 'other-article', fingerprint: 'x' }, documents: docs }]),
    ).rejects.toMatchObject({ code: 'invalid-argument' });
  });
});

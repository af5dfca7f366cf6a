/**
 * Snippets come from an article's text only, never from its markup: pages whose text holds
 * tag-like words and code, imported the way Quire imports them, show those words as text (escaped)
 * and nothing but `<mark>` as markup. A page that wrote markup inside an image's alt text
 * (`Story Of <em>Metroid</em>`) no longer brings its tags into the text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../../../electron/core/importers/import-file';
import { SearchEngine } from '../../../../electron/core/search/engine';
import { articleDocuments, fingerprintOf, tempLibrary, type TempLibrary, type TestArticle } from './search-fixtures';

const PAGES: { id: string; fileName: string; source: string }[] = [
  {
    id: 'kinja',
    fileName: 'metroid.html',
    source: `<html><head><title>The Spectacular Story Of Metroid</title></head><body><article>
      <h1>The Spectacular Story Of Metroid</h1>
      <img src="https://images.example/metroid.jpg" alt="Illustration for article titled The Spectacular Story Of <em>Metroid</em>, One Of Gaming's Richest Universes">
      <p>Samus Aran first landed on Zebes in 1986, and the series has kept its lonely mood ever since, through
      every sequel and remake that followed the first game on the Famicom Disk System.</p>
      <p>Exploration, backtracking and the slow opening of a map made Metroid a genre of its own.</p>
    </article></body></html>`,
  },
  {
    id: 'tags',
    fileName: 'tags.html',
    source: `<html><head><title>Writing about markup</title></head><body><article>
      <h1>Writing about markup</h1>
      <p>To stress a word, wrap it in &lt;em&gt;emphasis&lt;/em&gt;; a &lt;mark&gt; element highlights, and
      &lt;script&gt; never belongs in an article you read offline. The emphasis tag is older than CSS.</p>
      <pre><code>&lt;div class="card"&gt;&lt;em&gt;emphasis&lt;/em&gt; &amp;amp; more&lt;/div&gt;
if (a &lt; b &amp;&amp; b &gt; c) { render('&lt;b&gt;bold&lt;/b&gt;'); }</code></pre>
      <p>Readers see these tags as words, and so must the search results that quote them.</p>
    </article></body></html>`,
  },
  {
    id: 'markdown',
    fileName: 'notes.md',
    source: '# Inline markup in Markdown\n\nA line with <em>inline emphasis</em> written as HTML, and `<b>code</b>` in backticks.\n\n```html\n<mark>highlighted</mark> inside a fenced block\n```\n',
  },
];

/** What a snippet shows: its text with the marks taken off and the character references read. */
function visibleText(snippet: string): string {
  return snippet
    .replace(/<\/?mark>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('snippets from text, never markup', () => {
  let library: TempLibrary;
  let engine: SearchEngine;
  const texts = new Map<string, string>();

  beforeAll(async () => {
    const articles: TestArticle[] = [];
    for (const page of PAGES) {
      const { document } = await importFile({ fileName: page.fileName, bytes: new TextEncoder().encode(page.source) });
      articles.push({ id: page.id, title: document.title, text: document.text, lang: document.lang });
      texts.set(page.id, document.text);
    }
    library = tempLibrary();
    engine = new SearchEngine({ indexDir: library.indexDir, libraryDir: library.libraryDir, saveDelayMs: 60_000 });
    for (const article of articles) library.write(article);
    await engine.replaceArticles(articles.map((article) => ({ fingerprint: fingerprintOf(article), documents: articleDocuments(article) })));
  });

  afterAll(async () => {
    await engine.close();
    library.remove();
  });

  it('keeps only the text of markup written inside an alt text', async () => {
    const text = texts.get('kinja')!;
    expect(text).toContain('The Spectacular Story Of Metroid, One Of');
    expect(text).not.toMatch(/<\/?em>/);
    const [hit] = await engine.search('Metroid universes');
    expect(hit?.articleId).toBe('kinja');
    expect(hit?.snippet).toContain('Story Of <mark>Metroid</mark>, One Of');
  });

  it('shows tag-like words and code as the text it is, escaped, with no markup but the marks', async () => {
    for (const query of ['emphasis', 'div card', 'render bold', 'highlighted', 'inline emphasis', 'script']) {
      const hits = await engine.search(query);
      expect(hits.length, query).toBeGreaterThan(0);
      for (const hit of hits) {
        // No element but <mark>: every other < is escaped.
        expect(hit.snippet.replace(/<\/?mark>/g, ''), query).not.toMatch(/[<>]/);
        // What it shows is a piece of the article's text, word for word.
        const shown = collapse(visibleText(hit.snippet).replace(/^…|…$/g, ''));
        expect(collapse(texts.get(hit.articleId)!), query).toContain(shown);
      }
    }
    const [code] = await engine.search('div card');
    expect(code?.snippet).toContain('&lt;<mark>div</mark> class=&quot;<mark>card</mark>&quot;&gt;');
  });
});

/**
 * Quire's engine (electron/core/search, bundled by run.mjs), in-process: segments, global BM25,
 * snippets. One definition for this checkout's build and for a baseline's (`--baseline DIR`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { WORK } from '../corpus.mjs';

const LIBRARY = path.join(WORK, 'library');

function documents(article) {
  return [
    {
      ref: article.id,
      articleId: article.id,
      annotationId: null,
      kind: 'article',
      title: article.title,
      byline: '',
      siteName: '',
      tags: [],
      body: article.body,
      notes: '',
      lang: 'en',
      passage: null,
    },
  ];
}

const entry = (article) => ({ fingerprint: { articleId: article.id, fingerprint: 'v1' }, documents: documents(article) });

function engineOf(SearchEngine, dir) {
  return new SearchEngine({ indexDir: dir, libraryDir: LIBRARY, saveDelayMs: 3_600_000, log: () => undefined });
}

const quoted = (kind, words) =>
  kind === 'prefix' ? `${words[0]}*` : kind === 'phrase' ? `"${words.join(' ')}"` : words.join(' ');

/** `name`: the engine's name in the results; `bundle`: the bundled engine's file in WORK. */
export async function quireEngine(name, bundle) {
  const { SearchEngine } = await import(pathToFileURL(path.join(WORK, bundle)).href);
  const engine = (dir) => engineOf(SearchEngine, dir);
  const fingerprints = (dir) => path.join(dir, '..', `${name}-fingerprints.json`);
  return {
    name,
    async build(articles, dir) {
      const index = engine(dir);
      await index.open([]);
      // As the library's IndexSync sends them: batches of 100.
      for (let i = 0; i < articles.length; i += 100) await index.replaceArticles(articles.slice(i, i + 100).map(entry));
      // The app's worker merges segments between requests; this loop never lets its timer run.
      index.layout();
      index.mergeSegments();
      await index.close();
      writeFileSync(fingerprints(dir), JSON.stringify(articles.map((a) => entry(a).fingerprint)));
    },
    async load(dir) {
      const index = engine(dir);
      const current = JSON.parse(readFileSync(fingerprints(dir), 'utf8'));
      const stale = await index.open(current);
      if (stale.length > 0) throw new Error(`${stale.length} articles stale after load`);
      return index;
    },
    /** The segments' checksums, verified after the first answer (an older checkout verifies them at open). */
    async afterFirstAnswer(index) {
      await index.whenVerified?.();
    },
    async query(index, kind, words) {
      return (await index.search(quoted(kind, words), { limit: 20 })).length;
    },
    /** A natural query as typed into the search box (a bad-query refusal counts as an error). */
    async rank(index, text, count) {
      return (await index.search(text, { limit: count })).map((hit) => hit.articleId);
    },
    async addOne(index, article, word) {
      writeFileSync(path.join(LIBRARY, 'articles', article.id, 'text.txt'), article.body);
      await index.replaceArticles([entry(article)]);
      return (await index.search(word, { limit: 20 })).some((hit) => hit.articleId === article.id);
    },
  };
}

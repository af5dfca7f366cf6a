import { describe, expect, it } from 'vitest';
import { IndexSync, type IndexEntry, type IndexSource } from '../../../../electron/core/indexing/index-sync';
import type { SearchIndex } from '../../../../electron/core/search/search-index';
import { createMemoryIndex, createMemoryIndexState } from '../support/memory-search-index';

/** A library of articles that each hold one word. */
function source(words: Map<string, string>): IndexSource {
  return {
    fingerprints: async () => [...words].map(([id, word]) => ({ articleId: id, fingerprint: word })),
    entryFor: async (id): Promise<IndexEntry | null> => {
      const word = words.get(id);
      if (word === undefined) return null;
      return {
        fingerprint: { articleId: id, fingerprint: word },
        documents: [{ ref: id, articleId: id, annotationId: null, kind: 'article', title: id, byline: '', siteName: '', tags: [], body: word, notes: '', lang: null, passage: null }],
      };
    },
  };
}

const slow = (index: SearchIndex, ms: number): SearchIndex => ({
  ...index,
  replaceArticle: async (f, d) => {
    await new Promise((r) => setTimeout(r, ms));
    return index.replaceArticle(f, d);
  },
});

describe('IndexSync', () => {
  it('indexes what is stale at open, and a search sees every change made before it', async () => {
    const words = new Map([['article-a', 'apple']]);
    const sync = new IndexSync(slow(createMemoryIndex(), 20), source(words), () => {});
    expect((await sync.search('apple')).hits.map((h) => h.articleId)).toEqual(['article-a']);

    words.set('article-b', 'banana');
    sync.refresh('article-b');
    expect((await sync.search('banana')).hits.map((h) => h.articleId)).toEqual(['article-b']);

    words.delete('article-a');
    sync.refresh('article-a');
    expect((await sync.search('apple')).hits).toEqual([]);
    await sync.close();
  });

  it('logs a failed update and keeps going with later ones', async () => {
    const logged: string[] = [];
    const words = new Map([['article-a', 'apple']]);
    const memory = createMemoryIndex(createMemoryIndexState());
    let failNext = false;
    const flaky: SearchIndex = {
      ...memory,
      replaceArticle: async (f, d) => {
        if (failNext) {
          failNext = false;
          throw new Error('worker hiccup');
        }
        return memory.replaceArticle(f, d);
      },
    };
    const sync = new IndexSync(flaky, source(words), (m) => logged.push(m));
    await sync.whenIndexed();
    failNext = true;
    words.set('article-b', 'banana');
    sync.refresh('article-b');
    await sync.whenIndexed();
    expect(logged).toHaveLength(1);
    words.set('article-c', 'cherry');
    sync.refresh('article-c');
    expect((await sync.search('cherry')).hits.map((h) => h.articleId)).toEqual(['article-c']);
    await sync.close();
  });

  it('keeps answering while a large re-index runs, from what is indexed so far', async () => {
    const words = new Map(Array.from({ length: 500 }, (_, i) => [`article-${String(i).padStart(3, '0')}`, i === 0 ? 'apple' : `word${i}`]));
    const memory = createMemoryIndex();
    let batches = 0;
    const slowBatches: SearchIndex = {
      ...memory,
      replaceArticles: async (entries) => {
        await new Promise((r) => setTimeout(r, 50));
        batches += 1;
        return memory.replaceArticles(entries);
      },
    };
    const sync = new IndexSync(slowBatches, source(words), () => {});
    // 500 stale articles at open: 5 batches of 50 ms; the search must not wait for all of them.
    await sync.search('apple');
    expect(batches).toBeLessThan(5);
    await sync.whenIndexed();
    expect(batches).toBe(5);
    expect((await sync.search('apple')).hits.map((h) => h.articleId)).toEqual(['article-000']);
    await sync.close();
  });

  it('opened on demand, makes no index until a search or a change needs it, and then holds every article', async () => {
    const words = new Map([['article-a', 'apple']]);
    let made = 0;
    const create = async (): Promise<SearchIndex> => {
      made += 1;
      return createMemoryIndex();
    };
    const reader = new IndexSync(create, source(words), () => {}, { onDemand: true });
    await reader.close();
    // Listing and reading need no index: none was made, none is written.
    expect(made).toBe(0);

    const searcher = new IndexSync(create, source(words), () => {}, { onDemand: true });
    expect(made).toBe(0);
    expect((await searcher.search('apple')).hits.map((h) => h.articleId)).toEqual(['article-a']);
    expect(made).toBe(1);
    await searcher.close();

    // A change is indexed before the close returns.
    const state = createMemoryIndexState();
    const writer = new IndexSync(async () => createMemoryIndex(state), source(words), () => {}, { onDemand: true });
    words.set('article-b', 'banana');
    writer.refresh('article-b');
    await writer.close();
    expect([...state.fingerprints.keys()].sort()).toEqual(['article-a', 'article-b']);
    expect(state.flushed).toBe(1);
  });
});

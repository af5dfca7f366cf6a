/**
 * FlexSearch 0.8 Document index. `tokenize: 'forward'` so that prefixes can be searched at all
 * (the default "strict" tokenizer cannot); it ranks by term position, not BM25.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import FlexSearch from 'flexsearch';

const OPTIONS = { document: { id: 'id', index: ['title', 'body'] }, tokenize: 'forward' };
const create = () => new FlexSearch.Document(OPTIONS);

function ids(results) {
  const out = new Set();
  for (const field of results) for (const id of field.result) out.add(id);
  return [...out];
}

export default {
  name: 'flexsearch',
  label: 'FlexSearch 0.8.212 (Document, forward tokenizer)',
  async build(articles, dir) {
    const index = create();
    for (const article of articles) index.add(article);
    const parts = [];
    await index.export((key, data) => {
      parts.push([key, data]);
    });
    writeFileSync(path.join(dir, 'index.json'), JSON.stringify(parts));
  },
  async load(dir) {
    const index = create();
    for (const [key, data] of JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8'))) await index.import(key, data);
    return index;
  },
  async query(index, kind, words) {
    // No phrase operator: a phrase is searched as all of its words (FlexSearch requires all).
    return ids(index.search(words.join(' '), { limit: 20 })).slice(0, 20).length;
  },
  /** `suggest` lets results hold only some of the words; title results first, then body. */
  async rank(index, text, count) {
    return ids(index.search(text, { limit: count, suggest: true })).slice(0, count);
  },
  async addOne(index, article, word) {
    index.add(article);
    return ids(index.search(word, { limit: 20 })).includes(article.id);
  },
};

/** MiniSearch 7: BM25+, prefix and fuzzy search, incremental adds, JSON serialization. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';

const OPTIONS = { fields: ['title', 'body'], searchOptions: { boost: { title: 10 } } };

export default {
  name: 'minisearch',
  label: 'MiniSearch 7.2.0',
  async build(articles, dir) {
    const index = new MiniSearch(OPTIONS);
    index.addAll(articles);
    writeFileSync(path.join(dir, 'index.json'), JSON.stringify(index));
  },
  async load(dir) {
    return MiniSearch.loadJSON(readFileSync(path.join(dir, 'index.json'), 'utf8'), OPTIONS);
  },
  async query(index, kind, words) {
    // No phrase operator: a phrase is searched as all of its words.
    const options = kind === 'prefix' ? { prefix: true } : { combineWith: 'AND' };
    return index.search(words.join(' '), options).slice(0, 20).length;
  },
  /** Its documented search-box settings: any word, fuzzy 0.2, prefixes; ranked by BM25+. */
  async rank(index, text, count) {
    return index
      .search(text, { fuzzy: 0.2, prefix: true })
      .slice(0, count)
      .map((result) => result.id);
  },
  async addOne(index, article, word) {
    index.add(article);
    return index.search(word).some((hit) => hit.id === article.id);
  },
};

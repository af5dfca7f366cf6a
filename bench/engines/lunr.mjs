/** Plain Lunr as most projects use it: one index with the default English pipeline and positions. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import lunr from 'lunr';

function build(articles) {
  return lunr(function () {
    this.ref('id');
    this.field('title', { boost: 10 });
    this.field('body');
    this.metadataWhitelist = ['position'];
    for (const article of articles) this.add(article);
  });
}

export default {
  name: 'lunr',
  label: 'Plain Lunr 2.3.9 (one index, positions on)',
  async build(articles, dir) {
    writeFileSync(path.join(dir, 'index.json'), JSON.stringify(build(articles)));
  },
  async load(dir) {
    return { index: lunr.Index.load(JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8'))), dir };
  },
  async query(handle, kind, words) {
    const results = handle.index.query((q) => {
      for (const word of words) {
        q.term(word, {
          presence: lunr.Query.presence.REQUIRED,
          wildcard: kind === 'prefix' ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE,
          usePipeline: kind !== 'prefix',
        });
      }
    });
    return results.slice(0, 20).length;
  },
  /** What most projects do with a search box: `idx.search(text)` (any word matches; it throws on some input). */
  async rank(handle, text, count) {
    return handle.index.search(text).slice(0, count).map((result) => result.ref);
  },
  /** Lunr cannot add to a built index: the whole library is rebuilt (timed as such). */
  async addOne(handle, article, word, articles) {
    handle.index = build([...articles, article]);
    return handle.index.search(word).some((hit) => hit.ref === article.id);
  },
};

/** SQLite FTS5 through better-sqlite3 12: porter stemming, bm25, snippet() for the top 20. */
import path from 'node:path';
import Database from 'better-sqlite3';

const SEARCH = `SELECT rowid, snippet(docs, 1, '<mark>', '</mark>', '…', 24) AS snippet
  FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 10.0, 1.0) LIMIT 20`;

const RANK = `SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 10.0, 1.0) LIMIT ?`;

const quote = (word) => `"${word.replaceAll('"', '""')}"`;

/** A natural query as FTS5 can take it: each word quoted, any of them (OR), ranked by bm25. */
const anyWord = (text) =>
  text
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .map(quote)
    .join(' OR ');

function match(kind, words) {
  if (kind === 'prefix') return `${quote(words[0])}*`;
  if (kind === 'phrase') return quote(words.join(' '));
  return words.map(quote).join(' AND ');
}

export default {
  name: 'fts5',
  label: 'SQLite FTS5 (better-sqlite3 12, porter unicode61, text stored)',
  async build(articles, dir) {
    const db = new Database(path.join(dir, 'index.sqlite'));
    db.pragma('journal_mode = WAL');
    db.exec("CREATE VIRTUAL TABLE docs USING fts5(title, body, id UNINDEXED, tokenize = 'porter unicode61')");
    const insert = db.prepare('INSERT INTO docs (title, body, id) VALUES (?, ?, ?)');
    db.transaction(() => {
      for (const article of articles) insert.run(article.title, article.body, article.id);
    })();
    db.exec("INSERT INTO docs(docs) VALUES('optimize')");
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
  },
  async load(dir) {
    const db = new Database(path.join(dir, 'index.sqlite'));
    return { db, search: db.prepare(SEARCH), rank: db.prepare(RANK), insert: db.prepare('INSERT INTO docs (title, body, id) VALUES (?, ?, ?)') };
  },
  async query(handle, kind, words) {
    return handle.search.all(match(kind, words)).length;
  },
  async rank(handle, text, count) {
    const match = anyWord(text);
    return match === '' ? [] : handle.rank.all(match, count).map((row) => row.id);
  },
  async addOne(handle, article, word) {
    handle.insert.run(article.title, article.body, article.id);
    return handle.db
      .prepare('SELECT id FROM docs WHERE docs MATCH ?')
      .all(quote(word))
      .some((row) => row.id === article.id);
  },
};

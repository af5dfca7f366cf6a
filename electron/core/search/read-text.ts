/** Reads the texts of hits and candidates (text.txt), many per query, in the search worker. */
import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';

/**
 * One buffer for every read: a query reads up to a few dozen texts, and reading into a fresh
 * buffer each time (readFileSync: a stat, an allocation, the read) cost a fifth more CPU time and
 * left as many buffers for the collector. Texts larger than KEPT_BUFFER_BYTES (a book) get a
 * buffer of their own, so the kept one stays small.
 */
const KEPT_BUFFER_BYTES = 1 << 20;
let readBuffer = Buffer.allocUnsafe(1 << 16);

/** The file as UTF-8 text, read synchronously (the search worker answers one query at a time). */
export function readUtf8(file: string): string {
  const fd = openSync(file, 'r');
  try {
    let buffer = readBuffer;
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
        if (buffer.length <= KEPT_BUFFER_BYTES) readBuffer = buffer;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) return buffer.toString('utf8', 0, length);
      length += read;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The rule of `idSchema` (shared/validators.ts), repeated so the search worker does not load zod
 * at startup for one regex.
 */
const ARTICLE_ID = /^[a-z0-9][a-z0-9-]{2,63}$/;

/** An article's text.txt; empty when it cannot be read (deleted or moved since it was indexed). */
export function readArticleText(libraryDir: string, articleId: string): string {
  // Ids name folders; anything else must never become a path.
  if (!ARTICLE_ID.test(articleId)) return '';
  try {
    return readUtf8(path.join(libraryDir, 'articles', articleId, 'text.txt'));
  } catch {
    return '';
  }
}

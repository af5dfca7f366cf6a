import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDEX_READS_TEXT_FROM_BYTES } from '../../../../electron/core/indexing/library-index-source';
import { openQuire } from '../../../../electron/core/open-quire';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();

describe('a large article in the search index', () => {
  it('is found by a word from the end of its text, with the passage around it; deleted, it is not; restored, it is again', async () => {
    const root = tempDir();
    // Text beyond one byte a character, over the size whose text the index reads itself.
    const line = 'The ferry crossed the fjord at dawn; Øystein counted the gulls — ¿cuántas? — and the buoys.\n';
    const filler = line.repeat(Math.ceil((INDEX_READS_TEXT_FROM_BYTES * 1.2) / Buffer.byteLength(line)));
    const file = path.join(root, 'logbook.txt');
    writeFileSync(file, `${filler}At last the lighthouse keeper wrote zanzibarquokka in the margin.\n`);
    const settings = new Map<string, unknown>();
    const quire = await openQuire({
      libraryDir: path.join(root, 'library'),
      cacheDir: path.join(root, 'cache'),
      settings: { get: (key) => settings.get(key), set: (key, value) => void settings.set(key, value) },
      log: () => {},
      systemLanguages: ['en-US'],
    });
    try {
      const [outcome] = await quire.importPaths([file]);
      if (outcome?.status !== 'imported') throw new Error(`not imported: ${JSON.stringify(outcome)}`);
      const { hits } = await quire.search('zanzibarquokka');
      expect(hits.map((hit) => hit.articleId)).toEqual([outcome.article.id]);
      expect(hits[0]!.snippet).toContain('lighthouse keeper wrote');
      expect((await quire.search('Øystein buoys')).hits.map((hit) => hit.articleId)).toEqual([outcome.article.id]);
      await quire.deleteArticle(outcome.article.id);
      expect((await quire.search('zanzibarquokka')).hits).toEqual([]);
      await quire.restoreArticle(outcome.article.id);
      expect((await quire.search('zanzibarquokka')).hits.map((hit) => hit.articleId)).toEqual([outcome.article.id]);
    } finally {
      await quire.close();
    }
  }, 60_000);
});

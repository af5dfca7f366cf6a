/** A short text article as the store takes it, for tests about the library rather than its importers. */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { NewArticle } from '../../../../electron/core/library/article-store';
import type { ArticleMeta } from '../../../../electron/shared/models';

export function plainArticle(id: string, title: string, addedAt = '2024-01-01T00:00:00.000Z'): NewArticle & { html: string; text: string } {
  const meta: ArticleMeta = {
    id, title, byline: null, siteName: null, url: null, lang: 'en', dir: null, format: 'txt', addedAt, updatedAt: addedAt,
    publishedAt: null, excerpt: null, tags: [], contentHash: `hash-${id}`, readState: 'unread', progress: 0, position: 0,
    wordCount: 2, source: null,
  };
  return { meta, html: '<p>Some text</p>', text: 'Some text', original: null };
}

/**
 * Changes the title in an article.json as another program would (a new file renamed over it): a
 * title of the same length keeps the size, so only the file's times and identity tell the change.
 */
export function retitleAsAnotherProgram(metaFile: string, title: string): void {
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as ArticleMeta;
  writeFileSync(`${metaFile}.new`, `${JSON.stringify({ ...meta, title }, null, 2)}\n`);
  renameSync(`${metaFile}.new`, metaFile);
}

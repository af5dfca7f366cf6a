/** The library as the index sees it: fingerprints of every article, and one article's documents. */
import type { AnnotationStore } from '../annotations/annotation-store';
import type { ArticleStore } from '../library/article-store';
import type { ArticleFingerprint } from '../search/search-index';
import type { IndexEntry, IndexSource } from './index-sync';
import { fingerprintOf, searchDocumentsOf } from './search-documents';

/** Annotation folders read at once while fingerprinting a large library. */
const READ_BATCH = 64;

export function libraryIndexSource(store: ArticleStore, annotations: AnnotationStore): IndexSource {
  return {
    async fingerprints(): Promise<ArticleFingerprint[]> {
      const articles = store.list();
      const result: ArticleFingerprint[] = [];
      for (let i = 0; i < articles.length; i += READ_BATCH) {
        const batch = articles.slice(i, i + READ_BATCH);
        const lists = await Promise.all(batch.map((meta) => annotations.list(meta.id).catch(() => [])));
        batch.forEach((meta, j) => result.push(fingerprintOf(meta, lists[j] ?? [])));
      }
      return result;
    },

    async entryFor(articleId: string): Promise<IndexEntry | null> {
      const meta = store.get(articleId);
      if (!meta) return null;
      const [text, list] = await Promise.all([store.readText(articleId), annotations.list(articleId)]);
      // It may have gone to the trash, or been changed, while its files were read.
      const current = store.get(articleId);
      if (!current) return null;
      return { fingerprint: fingerprintOf(current, list), documents: searchDocumentsOf(current, text, list) };
    },
  };
}

/**
 * An in-memory `SearchIndex` for tests of the library side: it records what the library tells it,
 * and answers a query with the documents whose text contains every word (no ranking).
 */
import type { SearchHit } from '../../../../electron/shared/models';
import { searchResultsOf } from '../../../support/search-results';
import { readArticleText } from '../../../../electron/core/search/read-text';
import type { ArticleFingerprint, SearchContext, SearchDocument, SearchIndex } from '../../../../electron/core/search/search-index';

export interface MemoryIndexState {
  fingerprints: Map<string, string>;
  documents: Map<string, SearchDocument[]>;
  opened: number;
  closed: number;
  flushed: number;
  /** ids handed to replaceArticle(s) since the last open, in order */
  replaced: string[];
  /** what the library told the last search beside the query */
  lastContext: SearchContext | undefined;
}

/** State survives `close()`, so a test can reopen the library over the same "persisted" index. */
export function createMemoryIndexState(): MemoryIndexState {
  return { fingerprints: new Map(), documents: new Map(), opened: 0, closed: 0, flushed: 0, replaced: [], lastContext: undefined };
}

/**
 * @param libraryDir where a large article's text is read from, as the real index reads it
 *   (`bodyInTextFile`); openQuire passes it with the index's options
 */
export function createMemoryIndex(state: MemoryIndexState = createMemoryIndexState(), { libraryDir }: { libraryDir?: string } = {}): SearchIndex {
  const withBody = (doc: SearchDocument): SearchDocument => {
    if (!doc.bodyInTextFile) return doc;
    if (libraryDir === undefined) throw new Error(`the memory index was given no library to read the text of ${doc.articleId} from`);
    return { ...doc, body: readArticleText(libraryDir, doc.articleId) };
  };
  const replace = (fingerprint: ArticleFingerprint, documents: SearchDocument[]): void => {
    state.fingerprints.set(fingerprint.articleId, fingerprint.fingerprint);
    state.documents.set(fingerprint.articleId, documents.map(withBody));
    state.replaced.push(fingerprint.articleId);
  };
  return {
    async open(current) {
      state.opened += 1;
      state.replaced = [];
      const wanted = new Map(current.map((f) => [f.articleId, f.fingerprint]));
      for (const id of [...state.fingerprints.keys()]) {
        if (!wanted.has(id)) {
          state.fingerprints.delete(id);
          state.documents.delete(id);
        }
      }
      return current.filter((f) => state.fingerprints.get(f.articleId) !== f.fingerprint).map((f) => f.articleId);
    },
    async replaceArticle(fingerprint, documents) {
      replace(fingerprint, documents);
    },
    async replaceArticles(entries) {
      for (const entry of entries) replace(entry.fingerprint, entry.documents);
    },
    async removeArticle(articleId) {
      state.fingerprints.delete(articleId);
      state.documents.delete(articleId);
    },
    async search(query, options, context) {
      state.lastContext = context;
      const words = query.toLowerCase().split(/\s+/).filter(Boolean);
      const hits: SearchHit[] = [];
      for (const documents of state.documents.values()) {
        for (const doc of documents) {
          const haystack = `${doc.title}\n${doc.body}\n${doc.notes}`.toLowerCase();
          if (!words.every((word) => haystack.includes(word))) continue;
          hits.push({
            articleId: doc.articleId,
            annotationId: doc.annotationId,
            title: doc.title,
            kind: doc.kind,
            score: 1,
            snippet: '',
            passage: doc.passage,
            terms: words,
            format: doc.format ?? null,
            date: doc.date ?? null,
          });
        }
      }
      return searchResultsOf(hits.slice(0, options?.limit ?? 20));
    },
    async flush() {
      state.flushed += 1;
    },
    async close() {
      state.closed += 1;
    },
  };
}

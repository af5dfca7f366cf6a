/** The library as the index sees it: fingerprints of every article, and one article's documents. */
import { stat } from 'node:fs/promises';
import type { Annotation } from '../../shared/models';
import { AnnotationFolderCache, type StoredFolder } from '../annotations/annotation-folder-cache';
import type { AnnotationStore } from '../annotations/annotation-store';
import type { ArticleStore } from '../library/article-store';
import { articleFiles } from '../library/library-paths';
import type { PrefetchedFolderStamps } from '../library/library-prefetch';
import type { Log } from '../log';
import type { ArticleFingerprint } from '../search/search-index';
import type { IndexEntry, IndexSource } from './index-sync';
import { fingerprintOf, plainFingerprintOf, searchDocumentsOf } from './search-documents';

/** Annotation folders read at once while fingerprinting a large library. */
const READ_BATCH = 64;
/** Articles whose annotation folders are listed (synchronously) before the host's other work gets a turn. */
const LIST_BATCH = 1000;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * A text.txt this large is left for the index to read on its own thread (`bodyInTextFile`): read
 * here, decoded and copied to the search worker, the 5.8 MB text of the Node.js reference's
 * one-page API was about 80 ms of this thread's work in one stretch, in a profile of an import.
 */
export const INDEX_READS_TEXT_FROM_BYTES = 1024 * 1024;

/** The article's text for its index entry, or null when the index is to read it itself. */
async function textForIndex(store: ArticleStore, articleId: string): Promise<string | null> {
  const size = await stat(articleFiles(store.articleDir(articleId)).text).then(
    (stats) => stats.size,
    () => 0,
  );
  return size >= INDEX_READS_TEXT_FROM_BYTES ? null : store.readText(articleId);
}

/** The index's source, and what it found of each annotation folder when it fingerprinted the library. */
export interface LibraryIndexSource extends IndexSource {
  /** `[mtimeMs, ctimeMs, ino, holds files: 1 | 0]` of the article's `annotations/` folder at the last fingerprinting; undefined when not known (in-step-record.ts) */
  annotationFolderAtOpen(articleId: string): StoredFolder | undefined;
}

/**
 * @param folderCacheFile where to remember which annotation folders hold files between opens
 *   (annotation-folder-cache.ts); without it every folder is listed
 * @param foldersReadAhead asked at each fingerprinting: the folders' stamps taken a moment before
 *   (at the library's open), used instead of taking them again
 */
export function libraryIndexSource(
  store: ArticleStore,
  annotations: AnnotationStore,
  {
    folderCacheFile,
    foldersReadAhead,
    log = () => undefined,
  }: {
    folderCacheFile?: string;
    /** the annotation folders' stamps read ahead of the open (library-prefetch.ts); null when there are none (any more) */
    foldersReadAhead?: () => Promise<PrefetchedFolderStamps | null>;
    log?: Log;
  } = {},
): LibraryIndexSource {
  let foldersAtOpen: AnnotationFolderCache | undefined;
  return {
    annotationFolderAtOpen: (articleId) => foldersAtOpen?.stampOf(articleId),

    async fingerprints(): Promise<ArticleFingerprint[]> {
      const articles = store.list();
      const folders = folderCacheFile === undefined ? undefined : await AnnotationFolderCache.load(folderCacheFile, log);
      const readAhead = (await foldersReadAhead?.()) ?? null;
      foldersAtOpen = folders;
      // Most articles have no bookmark or note: a listing tells, and only the others are read.
      const annotated: string[] = [];
      for (let i = 0; i < articles.length; i += LIST_BATCH) {
        if (i > 0) await nextTurn();
        for (const meta of articles.slice(i, i + LIST_BATCH)) {
          if (annotations.hasAnnotationFiles(meta.id, folders, readAhead?.stampOf(meta.id))) annotated.push(meta.id);
        }
      }
      await folders?.save(log);
      folders?.releaseStored();
      const listed = new Map<string, Annotation[]>();
      for (let i = 0; i < annotated.length; i += READ_BATCH) {
        const batch = annotated.slice(i, i + READ_BATCH);
        const lists = await Promise.all(batch.map((id) => annotations.list(id).catch(() => [])));
        batch.forEach((id, j) => listed.set(id, lists[j] ?? []));
      }
      return articles.map((meta) => {
        const list = listed.get(meta.id);
        return list === undefined || list.length === 0 ? { articleId: meta.id, fingerprint: plainFingerprintOf(meta) } : fingerprintOf(meta, list);
      });
    },

    async entryFor(articleId: string): Promise<IndexEntry | null> {
      const meta = store.get(articleId);
      if (!meta) return null;
      const [text, list] = await Promise.all([textForIndex(store, articleId), annotations.list(articleId)]);
      // It may have gone to the trash, or been changed, while its files were read.
      const current = store.get(articleId);
      if (!current) return null;
      return { fingerprint: fingerprintOf(current, list), documents: searchDocumentsOf(current, text, list) };
    },
  };
}

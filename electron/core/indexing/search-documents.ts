/**
 * What the library hands the search index for one article: the article itself and each of its
 * bookmarks and notes, plus a fingerprint that changes exactly when any of that changes.
 */
import type { Annotation, ArticleMeta } from '../../shared/models';
import type { ArticleFingerprint, SearchDocument } from '../search/search-index';
import { sha256Hex } from '../fs/sha256';

/** Bump when the documents built here change shape, so every index entry is rebuilt once. */
export const DOCUMENT_VERSION = 2;

/**
 * The fingerprint of an article with no bookmark or note, made once per metadata object: the
 * library's fingerprinting at open and the in-step record at close both need it for every article,
 * and the store replaces an article's object whenever the article changes, never edits it.
 */
const plainFingerprints = new WeakMap<ArticleMeta, string>();

export function plainFingerprintOf(meta: ArticleMeta): string {
  let fingerprint = plainFingerprints.get(meta);
  if (fingerprint === undefined) {
    fingerprint = fingerprintOf(meta, []).fingerprint;
    plainFingerprints.set(meta, fingerprint);
  }
  return fingerprint;
}

/**
 * Built from what the index holds (not from `updatedAt`, which reading progress also moves), so
 * that scrolling through an article never makes its index entry stale.
 */
export function fingerprintOf(meta: ArticleMeta, annotations: readonly Annotation[]): ArticleFingerprint {
  const parts = [
    DOCUMENT_VERSION,
    meta.contentHash,
    meta.title,
    meta.byline,
    meta.siteName,
    meta.lang,
    meta.tags,
    meta.publishedAt,
    annotations.map((a) => `${a.id}:${a.updatedAt}`).sort(),
  ];
  return {
    articleId: meta.id,
    fingerprint: sha256Hex(JSON.stringify(parts)),
  };
}

/** `text` null: the index reads it from the article's text.txt itself (`bodyInTextFile`). */
export function searchDocumentsOf(
  meta: ArticleMeta,
  text: string | null,
  annotations: readonly Annotation[],
): SearchDocument[] {
  const shared = {
    articleId: meta.id,
    title: meta.title,
    byline: meta.byline ?? '',
    siteName: meta.siteName ?? '',
    tags: meta.tags,
    lang: meta.lang,
    // For search filters and the date order: when it was published, else when it was added.
    format: meta.format,
    date: meta.publishedAt ?? meta.addedAt,
  };
  return [
    { ...shared, ref: meta.id, annotationId: null, kind: 'article', body: text ?? '', ...(text === null ? { bodyInTextFile: true } : {}), notes: '', passage: null },
    ...annotations.map(
      (annotation): SearchDocument => ({
        ...shared,
        ref: `${meta.id}/${annotation.id}`,
        annotationId: annotation.id,
        kind: annotation.kind,
        body: annotation.target?.quote.exact ?? '',
        notes: annotation.note,
        passage: annotation.target
          ? { start: annotation.target.position.start, end: annotation.target.position.end }
          : null,
      }),
    ),
  ];
}

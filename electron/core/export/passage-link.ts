/** Links back into Quire, shared by the exports. */
import type { Annotation } from '../../shared/models';

/** `quire://article/<id>`, the article an annotation belongs to. */
export const articleLink = (articleId: string): string => `quire://article/${encodeURIComponent(articleId)}`;

/** `quire://article/<id>?passage=<start>-<end>`: opens the reader at the passage (the article when unplaced). */
export const passageLink = (annotation: Annotation): string =>
  annotation.target && annotation.anchorState !== 'unplaced'
    ? `${articleLink(annotation.articleId)}?passage=${annotation.target.position.start}-${annotation.target.position.end}`
    : articleLink(annotation.articleId);

/** Whole-article notes first, then passages in reading order, then oldest first. */
export function inReadingOrder(annotations: readonly Annotation[]): Annotation[] {
  return [...annotations].sort(
    (a, b) =>
      (a.target?.position.start ?? -1) - (b.target?.position.start ?? -1) ||
      a.createdAt.localeCompare(b.createdAt),
  );
}

/**
 * The articles a call forwarded by the command line changed. The holder writes them itself, so its
 * library watcher sees its own write (no change); the page learns of them from this instead.
 */
import type { ReaderMethod } from '../../shared/contract';

const ids = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : typeof value === 'string' ? [value] : [];

const articleIdOf = (value: unknown): string[] =>
  typeof value === 'object' && value !== null && 'articleId' in value ? ids(value.articleId) : [];

/** Null for calls that change nothing the page shows; an empty list for changes to no article in particular (the trash emptied). */
export function articlesChangedBy(method: ReaderMethod, args: readonly unknown[]): string[] | null {
  const [first] = args;
  switch (method) {
    case 'tagArticles':
    case 'untagArticles':
    case 'deleteArticle':
    case 'restoreArticle':
    case 'setProgress':
    case 'updateAnnotation':
    case 'deleteAnnotation':
      return ids(first);
    case 'createAnnotation':
    case 'restoreAnnotation':
      return articleIdOf(first);
    case 'emptyTrash':
    case 'importAnnotations':
      return [];
    default:
      return null;
  }
}

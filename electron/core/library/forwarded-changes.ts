/**
 * The articles a call forwarded by the command line changed. The holder writes them itself, so its
 * library watcher sees its own write (no change); the page learns of them from this instead.
 */
import type { ReaderMethod } from '../../shared/contract';
import type { ImportOutcome } from '../../shared/models';

const ids = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : typeof value === 'string' ? [value] : [];

const articleIdOf = (value: unknown): string[] =>
  typeof value === 'object' && value !== null && 'articleId' in value ? ids(value.articleId) : [];

/** The articles an `importPaths` call added (its value: one outcome per file). */
const importedBy = (value: unknown): string[] =>
  Array.isArray(value) ? (value as ImportOutcome[]).flatMap((outcome) => (outcome.status === 'imported' ? [outcome.article.id] : [])) : [];

/** Null for calls that change nothing the page shows; an empty list for changes to no article in particular (the trash emptied). */
export function articlesChangedBy(method: ReaderMethod, args: readonly unknown[], value: unknown): string[] | null {
  const [first] = args;
  switch (method) {
    case 'importPaths':
      return importedBy(value);
    case 'replaceArticleText':
    case 'tagArticles':
    case 'untagArticles':
    case 'deleteArticle':
    case 'restoreArticle':
    case 'deleteArticles':
    case 'restoreArticles':
    case 'setProgress':
    case 'setReadState':
    case 'editArticle':
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

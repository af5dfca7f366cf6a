import { useCallback, useEffect, useState } from 'react';
import type { Annotation, ArticleContent, ArticleMeta } from '../../electron/shared/models';
import { useApi } from '../api/api-context';
import { useLibraryChanged } from '../api/use-library-changed';

export type ReaderData =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; article: ArticleMeta; content: ArticleContent; annotations: Annotation[] };

/**
 * Loads what the reader shows: metadata, content and the article's annotations, together; again
 * when another process changes the article (new text, title, tags), keeping what is shown until
 * the new version is there, so the reader stays mounted and keeps its scroll.
 */
export function useReaderData(articleId: string): ReaderData {
  const api = useApi();
  const [data, setData] = useState<{ id: string; data: ReaderData } | null>(null);
  const [version, setVersion] = useState(0);
  const reloadIfChanged = useCallback(
    (articleIds: readonly string[]) => {
      if (articleIds.includes(articleId)) setVersion((current) => current + 1);
    },
    [articleId],
  );
  useLibraryChanged(reloadIfChanged);

  useEffect(() => {
    let live = true;
    void Promise.all([api.getArticle(articleId), api.getContent(articleId), api.listAnnotations(articleId)]).then(
      ([article, content, annotations]) => {
        if (!live) return;
        const failed = [article, content, annotations].find((r) => !r.ok);
        if (failed && !failed.ok) {
          setData({ id: articleId, data: { status: 'error', message: failed.error.message } });
        } else if (article.ok && content.ok && annotations.ok) {
          setData({
            id: articleId,
            data: { status: 'ready', article: article.value, content: content.value, annotations: annotations.value },
          });
        }
      },
    );
    return () => {
      live = false;
    };
  }, [api, articleId, version]);

  return data && data.id === articleId ? data.data : { status: 'loading' };
}

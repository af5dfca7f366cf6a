import { useEffect, useState } from 'react';
import type { Annotation, ArticleContent, ArticleMeta } from '../../electron/shared/models';
import { useApi } from '../api/api-context';

export type ReaderData =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; article: ArticleMeta; content: ArticleContent; annotations: Annotation[] };

/** Loads what the reader shows: metadata, content and the article's annotations, together. */
export function useReaderData(articleId: string): ReaderData {
  const api = useApi();
  const [data, setData] = useState<{ id: string; data: ReaderData } | null>(null);

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
  }, [api, articleId]);

  return data && data.id === articleId ? data.data : { status: 'loading' };
}

import { useCallback, useEffect, useState } from 'react';
import type { ArticleMeta } from '../../electron/shared/models';
import type { Result } from '../../electron/shared/result';

export interface ArticleListState {
  /** null until the first answer */
  articles: ArticleMeta[] | null;
  error: string | null;
  reload: () => void;
  /** Local edits (an article moved away) without asking the core again. */
  setArticles: (update: (articles: ArticleMeta[]) => ArticleMeta[]) => void;
}

/** Loads a list of articles (library or trash); loads again when `revision` or `reload` bump. */
export function useArticleList(load: () => Promise<Result<ArticleMeta[]>>, revision = 0): ArticleListState {
  const [articles, setList] = useState<ArticleMeta[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let live = true;
    void load().then((result) => {
      if (!live) return;
      if (result.ok) {
        setList(result.value);
        setError(null);
      } else {
        setError(result.error.message);
        setList((current) => current ?? []);
      }
    });
    return () => {
      live = false;
    };
  }, [load, revision, reloads]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const setArticles = useCallback(
    (update: (articles: ArticleMeta[]) => ArticleMeta[]) => setList((current) => (current ? update(current) : current)),
    [],
  );
  return { articles, error, reload, setArticles };
}

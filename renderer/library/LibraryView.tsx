import { useCallback, useEffect, useRef } from 'react';
import type { ArticleMeta } from '../../electron/shared/models';
import { useApi } from '../api/api-context';
import { useStatus } from '../app/status-context';
import { ArticleRow } from './ArticleRow';
import { ImportSummary } from './ImportSummary';
import type { ImportState } from './use-import';
import { useArticleList } from './use-article-list';

interface LibraryViewProps {
  importState: ImportState;
  onOpen: (article: ArticleMeta) => void;
  /** move focus here once the list shows (the article just closed), else to the heading */
  focusArticleId: string | null;
  /** false on first start, so the page does not steal focus from the browser */
  takeFocus: boolean;
}

/** The default view: every article in the library, newest first. */
export function LibraryView({ importState, onOpen, focusArticleId, takeFocus }: LibraryViewProps) {
  const api = useApi();
  const { notify, reportError } = useStatus();
  const loadArticles = useCallback(() => api.listArticles(), [api]);
  const { articles, error, reload, setArticles } = useArticleList(loadArticles, importState.revision);
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const focused = useRef(!takeFocus);

  const focusTitleOrHeading = useCallback((articleId: string | null) => {
    const rows = Array.from(list.current?.querySelectorAll<HTMLElement>('[data-article-id]') ?? []);
    const row = articleId ? rows.find((element) => element.dataset.articleId === articleId) : undefined;
    const button = row?.querySelector<HTMLButtonElement>('.article-title-button');
    (button ?? heading.current)?.focus();
  }, []);

  useEffect(() => {
    if (focused.current || articles === null) return;
    focused.current = true;
    focusTitleOrHeading(focusArticleId);
  }, [articles, focusArticleId, focusTitleOrHeading]);

  const moveToTrash = async (article: ArticleMeta) => {
    const index = articles?.findIndex((a) => a.id === article.id) ?? -1;
    const result = await api.deleteArticle(article.id);
    if (!result.ok) {
      reportError(`“${article.title}” was not moved to the trash: ${result.error.message}`);
      return;
    }
    const next = articles?.[index + 1] ?? articles?.[index - 1] ?? null;
    setArticles((current) => current.filter((a) => a.id !== article.id));
    // The button that had focus is gone: keep the keyboard user in the list.
    focusTitleOrHeading(next?.id ?? null);
    notify('Moved to trash', {
      action: {
        label: 'Undo',
        run: () => {
          void api.restoreArticle(article.id).then((restored) => {
            if (!restored.ok) {
              reportError(`“${article.title}” could not be restored: ${restored.error.message}`);
              return;
            }
            reload();
            notify(`Restored “${restored.value.title}”`);
          });
        },
      },
    });
  };

  const { progress, outcomes, clearOutcomes } = importState;
  return (
    <main className="view library-view" id="main">
      <div className="view-head">
        <h1 ref={heading} tabIndex={-1}>
          Library
        </h1>
        {articles && articles.length > 0 && (
          <p className="view-count">{articles.length === 1 ? '1 article' : `${articles.length} articles`}</p>
        )}
      </div>
      {progress && (
        <p className="import-progress" role="status">
          Importing {progress.done + 1} of {progress.total}: {progress.current}…
        </p>
      )}
      {outcomes && (
        <ImportSummary
          outcomes={outcomes}
          onDismiss={() => {
            clearOutcomes();
            heading.current?.focus();
          }}
        />
      )}
      {error && (
        <p className="inline-error" role="alert">
          The library could not be listed: {error}
        </p>
      )}
      {articles === null ? (
        <p className="loading" role="status">
          Loading your library…
        </p>
      ) : articles.length === 0 ? (
        !error && (
          <div className="empty-state">
            <p className="empty-title">Your library is empty.</p>
            <p className="empty-hint">Import text, Markdown or HTML files with “Import files”, or drop them on this window.</p>
          </div>
        )
      ) : (
        <ul className="article-list" aria-label="Articles" ref={list}>
          {articles.map((article) => (
            <ArticleRow key={article.id} article={article} onOpen={onOpen} onTrash={(a) => void moveToTrash(a)} />
          ))}
        </ul>
      )}
    </main>
  );
}

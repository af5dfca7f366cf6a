import { useEffect, useRef, useState } from 'react';
import type { ArticleMeta } from '../../electron/shared/models';
import { useStatus } from '../app/status-context';
import { Dialog } from '../components/Dialog';
import { articleCountLabel, articleDate } from './article-format';
import { AuthorAndSite } from './AuthorAndSite';
import { useEmptyTrash, useRestoreArticle, useRestoreArticles } from './article-mutations';
import { useTrashedArticles } from './article-queries';

/** Articles moved to the trash, each restorable, one by one or those selected at once. */
export function TrashView({ takeFocus }: { takeFocus: boolean }) {
  const { notify, reportError } = useStatus();
  const { articles, error } = useTrashedArticles();
  const restoring = useRestoreArticle();
  const emptying = useEmptyTrash();
  const heading = useRef<HTMLHeadingElement>(null);
  const [confirming, setConfirming] = useState(false);
  const restoringMany = useRestoreArticles();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // Only what is still in the trash counts (another process may have restored some meanwhile).
  const selectedIds = (articles ?? []).filter((a) => selected.has(a.id)).map((a) => a.id);

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const restoreSelected = () =>
    void restoringMany.mutateAsync(selectedIds).then(
      (restored) => {
        setSelected(new Set());
        heading.current?.focus();
        notify(`Restored ${articleCountLabel(restored.length)} to the library`);
      },
      (failure: Error) => reportError(`The selected articles were not restored: ${failure.message}`),
    );

  useEffect(() => {
    if (takeFocus) heading.current?.focus();
  }, [takeFocus]);

  // mutateAsync: each call reports its own outcome (mutate's callbacks follow only the latest call).
  const restore = (article: ArticleMeta) =>
    void restoring.mutateAsync(article).then(
      (restored) => {
        heading.current?.focus();
        notify(`Restored “${restored.title}” to the library`);
      },
      (failure: Error) => reportError(`“${article.title}” could not be restored: ${failure.message}`),
    );

  const emptyTrash = () => {
    setConfirming(false);
    void emptying.mutateAsync().then(
      ({ removed }) => {
        heading.current?.focus();
        notify(removed === 1 ? 'Deleted 1 article for good' : `Deleted ${removed} articles for good`);
      },
      (failure: Error) => reportError(`The trash was not emptied: ${failure.message}`),
    );
  };

  const count = articles?.length ?? 0;
  return (
    <main className="view trash-view" id="main">
      <div className="view-head">
        <h1 ref={heading} tabIndex={-1}>
          Trash
        </h1>
        {selectedIds.length > 0 && (
          <button type="button" className="button button-small" disabled={restoringMany.isPending} onClick={restoreSelected}>
            Restore {selectedIds.length} selected
          </button>
        )}
        {count > 0 && (
          <button type="button" className="button button-small button-danger" onClick={() => setConfirming(true)}>
            Empty trash
          </button>
        )}
      </div>
      {confirming && (
        <Dialog title="Empty the trash?" onCancel={() => setConfirming(false)}>
          <p>
            {count === 1 ? 'The article in the trash' : `The ${count} articles in the trash`} will be deleted for good,
            with their bookmarks and notes. This cannot be undone.
          </p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {count === 1 ? 'Keep it' : 'Keep them'}
            </button>
            <button type="button" className="button button-danger" onClick={emptyTrash}>
              Delete for good
            </button>
          </div>
        </Dialog>
      )}
      {error && (
        <p className="inline-error" role="alert">
          The trash could not be listed: {error}
        </p>
      )}
      {articles === null ? (
        <p className="loading" role="status">
          Loading the trash…
        </p>
      ) : articles.length === 0 ? (
        !error && (
          <div className="empty-state">
            <p className="empty-title">The trash is empty.</p>
            <p className="empty-hint">Articles you move to the trash wait here until you restore them.</p>
          </div>
        )
      ) : (
        <ul className="article-list" aria-label="Trashed articles">
          {articles.map((article) => {
            const date = articleDate(article);
            return (
              <li className={`article-row${selected.has(article.id) ? ' article-row-selected' : ''}`} key={article.id}>
                <input
                  type="checkbox"
                  className="article-select"
                  checked={selected.has(article.id)}
                  aria-label={`Select ${article.title}`}
                  onChange={() => toggle(article.id)}
                />
                <div className="article-row-main">
                  <p className="article-title-text">{article.title}</p>
                  <p className="article-meta">
                    <AuthorAndSite article={article} />
                    {date && <time dateTime={date.iso}>{date.label}</time>}
                  </p>
                </div>
                <button
                  type="button"
                  className="button button-small"
                  aria-label={`Restore ${article.title}`}
                  onClick={() => restore(article)}
                >
                  Restore
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}

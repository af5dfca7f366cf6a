import { EmptyState } from '../components/EmptyState';
import { coreSentenceText } from '../i18n/core-sentence';
import { FormattedMessage, useIntl } from 'react-intl';
import { textOf } from '../i18n/use-text';
import { useEffect, useRef, useState } from 'react';
import type { ArticleMeta } from '../../electron/shared/models';
import { useStatus } from '../app/status-context';
import { Dialog } from '../components/Dialog';
import { articleDate } from './article-format';
import { AuthorAndSite } from './AuthorAndSite';
import { useEmptyTrash, useRestoreArticle, useRestoreArticles } from './article-mutations';
import { useTrashedArticles } from './article-queries';

/** Articles moved to the trash, each restorable, one by one or those selected at once. */
export function TrashView({ takeFocus }: { takeFocus: boolean }) {
  const { notify, reportError } = useStatus();
  const intl = useIntl();
  const text = textOf(intl);
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
        notify(text('trash.restoredMany', { count: restored.length }));
      },
      (failure: Error) => reportError(text('trash.restoreManyFailed', { reason: coreSentenceText(text, failure) })),
    );

  useEffect(() => {
    if (takeFocus) heading.current?.focus();
  }, [takeFocus]);

  // mutateAsync: each call reports its own outcome (mutate's callbacks follow only the latest call).
  const restore = (article: ArticleMeta) =>
    void restoring.mutateAsync(article).then(
      (restored) => {
        heading.current?.focus();
        notify(text('trash.restored', { title: restored.title }));
      },
      (failure: Error) => reportError(text('library.restoreFailed', { title: article.title, reason: coreSentenceText(text, failure) })),
    );

  const emptyTrash = () => {
    setConfirming(false);
    void emptying.mutateAsync().then(
      ({ removed }) => {
        heading.current?.focus();
        notify(text('trash.emptied', { count: removed }));
      },
      (failure: Error) => reportError(text('trash.emptyFailed', { reason: coreSentenceText(text, failure) })),
    );
  };

  const count = articles?.length ?? 0;
  return (
    <main className="view trash-view" id="main">
      <div className="view-head">
        <h1 ref={heading} tabIndex={-1}>
          <FormattedMessage id="nav.trash" />
        </h1>
        {selectedIds.length > 0 && (
          <button type="button" className="button button-small" disabled={restoringMany.isPending} onClick={restoreSelected}>
            {text('trash.restoreSelected', { count: selectedIds.length })}
          </button>
        )}
        {count > 0 && (
          <button type="button" className="button button-small button-danger" onClick={() => setConfirming(true)}>
            <FormattedMessage id="trash.empty" />
          </button>
        )}
      </div>
      {confirming && (
        <Dialog title={text('trash.confirm.title')} onCancel={() => setConfirming(false)}>
          <p>{text('trash.confirm.body', { count })}</p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {text('trash.confirm.keep', { count })}
            </button>
            <button type="button" className="button button-danger" onClick={emptyTrash}>
              <FormattedMessage id="trash.confirm.delete" />
            </button>
          </div>
        </Dialog>
      )}
      {error && (
        <p className="inline-error" role="alert">
          {text('trash.listFailed', { reason: error })}
        </p>
      )}
      {articles === null ? (
        <p className="loading" role="status">
          <FormattedMessage id="trash.loading" />
        </p>
      ) : articles.length === 0 ? (
        !error && (
          <EmptyState titleId="trash.emptyState.title" hintId="trash.emptyState.hint" />
        )
      ) : (
        <ul className="article-list" aria-label={text('trash.list')}>
          {articles.map((article) => {
            const date = articleDate(article, intl);
            return (
              <li className={`article-row${selected.has(article.id) ? ' article-row-selected' : ''}`} key={article.id}>
                <input
                  type="checkbox"
                  className="article-select"
                  checked={selected.has(article.id)}
                  aria-label={text('article.select', { title: article.title })}
                  onChange={() => toggle(article.id)}
                />
                <div className="article-row-main">
                  <p className="article-title-text" dir="auto">
                    {article.title}
                  </p>
                  <p className="article-meta">
                    <AuthorAndSite article={article} />
                    {date && <time dateTime={date.iso}>{date.label}</time>}
                  </p>
                </div>
                <button
                  type="button"
                  className="button button-small"
                  aria-label={text('trash.restore.named', { title: article.title })}
                  onClick={() => restore(article)}
                >
                  <FormattedMessage id="trash.restore" />
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}

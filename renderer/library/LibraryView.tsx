import { EmptyState } from '../components/EmptyState';
import { coreSentenceText } from '../i18n/core-sentence';
import { FormattedMessage, useIntl } from 'react-intl';
import { useText } from '../i18n/use-text';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ArticleMeta, LibraryLayout } from '../../electron/shared/models';
import { useStatus } from '../app/status-context';
import { useMoveToTrash, useRestoreArticle, useRetag } from './article-mutations';
import { useLibraryArticles } from './article-queries';
import { loadLaterViewsWhenIdle } from '../app/later-views';
import { useSelectionActions } from './use-selection-actions';
import { BulkActionsBar } from './BulkActionsBar';
import { EditArticleDialog } from './EditArticleDialog';
import { articleCountLabel } from './article-format';
import { ImportProgressBar } from './ImportProgressBar';
import { ImportSummary } from './ImportSummary';
import { LibraryToolbar } from './LibraryToolbar';
import { filterArticles, filterChoices, isFiltered, NO_FILTER, sortArticles, type LibraryFilter } from './library-query';
import type { ImportState } from './use-import';
import { VirtualArticleGrid } from './VirtualArticleGrid';
import { VirtualArticleList } from './VirtualArticleList';
import { LayoutToggle } from './LayoutToggle';
import { useSettings } from '../app/settings-context';

interface LibraryViewProps {
  importState: ImportState;
  onOpen: (article: ArticleMeta) => void;
  /** move focus here once the list shows (the article just closed), else to the heading */
  focusArticleId: string | null;
  /** false on first start, so the page does not steal focus from the browser */
  takeFocus: boolean;
}

/** The default view: the library, sorted and filtered as the reader chooses, with actions on a selection. */
export function LibraryView({ importState, onOpen, focusArticleId, takeFocus }: LibraryViewProps) {
  const { notify, reportError } = useStatus();
  const intl = useIntl();
  const text = useText();
  const { articles, error, complete, count } = useLibraryArticles();
  const retagging = useRetag();
  const trashing = useMoveToTrash();
  const restoring = useRestoreArticle();
  const heading = useRef<HTMLHeadingElement>(null);
  const [filter, setFilter] = useState<LibraryFilter>(NO_FILTER);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [anchorId, setAnchorId] = useState<string | null>(null);
  const [editing, setEditing] = useState<ArticleMeta | null>(null);
  const { settings, updateSettings } = useSettings();
  const layout = settings.libraryLayout;
  const setLayout = useCallback((libraryLayout: LibraryLayout) => updateSettings({ libraryLayout }), [updateSettings]);
  const [pendingFocus, setPendingFocus] = useState<string | null>(takeFocus ? focusArticleId : null);
  const headingFocused = useRef(!takeFocus || focusArticleId !== null);
  const clearPendingFocus = useCallback(() => setPendingFocus(null), []);
  const bulk = useSelectionActions({
    onTrashed: () => {
      setSelected(new Set());
      // The bar whose button had focus is gone.
      heading.current?.focus();
    },
  });

  // The whole library is on screen: the reader and the other views load in the background, once
  // idle (not while the whole list is on its way: its parse comes first).
  useEffect(() => (complete ? loadLaterViewsWhenIdle() : undefined), [complete]);

  useEffect(() => {
    if (headingFocused.current || articles === null) return;
    headingFocused.current = true;
    heading.current?.focus();
  }, [articles]);

  const sorted = useMemo(() => (articles ? sortArticles(articles, filter.sort) : []), [articles, filter.sort]);
  const shown = useMemo(() => filterArticles(sorted, filter), [sorted, filter]);
  const choices = useMemo(() => filterChoices(articles ?? []), [articles]);
  const selectedTags = useMemo(
    () => filterChoices((articles ?? []).filter((a) => selected.has(a.id))).tags,
    [articles, selected],
  );

  const select = useCallback(
    (article: ArticleMeta, extend: boolean) => {
      setSelected((current) => {
        const next = new Set(current);
        const anchor = anchorId === null ? -1 : shown.findIndex((a) => a.id === anchorId);
        const index = shown.findIndex((a) => a.id === article.id);
        if (extend && anchor >= 0 && index >= 0) {
          const [from, to] = anchor < index ? [anchor, index] : [index, anchor];
          for (const a of shown.slice(from, to + 1)) next.add(a.id);
        } else if (next.has(article.id)) {
          next.delete(article.id);
        } else {
          next.add(article.id);
        }
        return next;
      });
      setAnchorId(article.id);
    },
    [anchorId, shown],
  );

  // mutateAsync: each call reports its own outcome (mutate's callbacks follow only the latest call).
  const retag = (tag: string, mode: 'add' | 'remove') => {
    const ids = [...selected];
    const values = { count: ids.length, tag };
    void retagging.mutateAsync({ ids, tag, mode }).then(
      () => notify(text(mode === 'add' ? 'library.tagged' : 'library.untagged', values)),
      (failure: Error) => reportError(text(mode === 'add' ? 'library.tagFailed' : 'library.untagFailed', { tag, reason: coreSentenceText(text, failure) })),
    );
  };

  // Undo may be chosen after this view has closed.
  const undoTrash = (article: ArticleMeta) =>
    void restoring.mutateAsync(article).then(
      (restored) => notify(text('library.restored', { title: restored.title })),
      (failure: Error) => reportError(text('library.restoreFailed', { title: article.title, reason: coreSentenceText(text, failure) })),
    );

  const selectedArticles = () => (articles ?? []).filter((a) => selected.has(a.id));

  const moveToTrash = (article: ArticleMeta) => {
    const index = shown.findIndex((a) => a.id === article.id);
    const next = shown[index + 1] ?? shown[index - 1] ?? null;
    void trashing.mutateAsync(article).then(
      () => {
        setSelected((current) => {
          const rest = new Set(current);
          rest.delete(article.id);
          return rest;
        });
        // The button that had focus is gone: keep the keyboard user in the list.
        if (next) setPendingFocus(next.id);
        else heading.current?.focus();
        notify(text('library.trashed'), { action: { label: text('common.undo'), run: () => undoTrash(article) } });
      },
      (failure: Error) => reportError(text('library.trashFailed', { title: article.title, reason: coreSentenceText(text, failure) })),
    );
  };

  const { progress, report, clearReport, cancel } = importState;
  // While the whole list is on its way the count comes from the facets, and the filters are shown
  // but not usable (the first screen would offer the choices of a hundred articles); both in place,
  // so that the rows do not move when the rest arrives.
  const total = articles?.length ?? 0;
  return (
    <main className="view library-view" id="main">
      <div className="view-head">
        <h1 ref={heading} tabIndex={-1}>
          <FormattedMessage id="nav.library" />
        </h1>
        {count !== null && count > 0 && (
          <p className="view-count">
            {complete && isFiltered(filter) ? text('library.countFiltered', { shown: shown.length, total }) : articleCountLabel(count, intl)}
          </p>
        )}
        {total > 0 && <LayoutToggle layout={layout} onChange={setLayout} />}
      </div>
      {progress && <ImportProgressBar progress={progress} onCancel={cancel} />}
      {report && (
        <ImportSummary
          report={report}
          onDismiss={() => {
            clearReport();
            heading.current?.focus();
          }}
        />
      )}
      {error && (
        <p className="inline-error" role="alert">
          {text('library.listFailed', { reason: error })}
        </p>
      )}
      {total > 0 && <LibraryToolbar filter={filter} choices={choices} onChange={setFilter} disabled={!complete} />}
      {selected.size > 0 && (
        <BulkActionsBar
          count={selected.size}
          selectedTags={selectedTags}
          busy={retagging.isPending || bulk.busy}
          onAdd={(tag) => retag(tag, 'add')}
          onRemove={(tag) => retag(tag, 'remove')}
          onMark={(readState) => bulk.mark(selectedArticles(), readState)}
          onExport={() => bulk.exportArticles([...selected])}
          onTrash={() => bulk.moveToTrash([...selected])}
          onClear={() => setSelected(new Set())}
        />
      )}
      {articles === null ? (
        <p className="loading" role="status">
          <FormattedMessage id="library.loading" />
        </p>
      ) : total === 0 ? (
        !error && (
          <EmptyState titleId="library.empty.title" hintId="library.empty.hint" />
        )
      ) : shown.length === 0 ? (
        <div className="empty-state">
          <p className="empty-title">
            <FormattedMessage id="library.noMatch" />
          </p>
          <button type="button" className="button button-small" onClick={() => setFilter({ ...NO_FILTER, sort: filter.sort })}>
            <FormattedMessage id="library.showAll" />
          </button>
        </div>
      ) : layout === 'grid' ? (
        <VirtualArticleGrid articles={shown} complete={complete} selected={selected} onOpen={onOpen} onSelect={select} />
      ) : (
        <VirtualArticleList
          articles={shown}
          complete={complete}
          selected={selected}
          onOpen={onOpen}
          onTrash={moveToTrash}
          onMark={(article, readState) => bulk.mark([article], readState)}
          onEdit={setEditing}
          onSelect={select}
          focusArticleId={pendingFocus}
          onFocusDone={clearPendingFocus}
        />
      )}
      {editing && (
        <EditArticleDialog
          article={editing}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            notify(text('library.detailsSaved', { title: saved.title }));
          }}
        />
      )}
    </main>
  );
}

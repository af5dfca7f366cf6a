import { FormattedMessage } from 'react-intl';
import { EmptyState } from '../components/EmptyState';
import { useText } from '../i18n/use-text';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Annotation, HighlightColor } from '../../electron/shared/models';
import { useStatus } from '../app/status-context';
import { AnnotationDialog } from '../reader/AnnotationDialog';
import { AnnotationTransfer } from './AnnotationTransfer';
import { BookmarkFilters } from './BookmarkFilters';
import { BookmarkItem } from './BookmarkItem';
import { filterBookmarks, NO_FILTER, tagsOf, type BookmarkFilter } from './bookmark-filters';
import { useLibraryAnnotations } from './use-library-annotations';

interface BookmarksViewProps {
  takeFocus: boolean;
  /** opens the reader at the bookmark's passage (or at the article, for an unplaced one) */
  onOpen: (annotation: Annotation) => void;
}

/** Every bookmark of the library: filter, sort, jump to the passage, edit, recolour, delete. */
export function BookmarksView({ takeFocus, onOpen }: BookmarksViewProps) {
  const { annotations, articles, error, update, remove } = useLibraryAnnotations();
  const { notify } = useStatus();
  const text = useText();
  const [filter, setFilter] = useState<BookmarkFilter>(NO_FILTER);
  const [editing, setEditing] = useState<Annotation | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (takeFocus) heading.current?.focus();
  }, [takeFocus]);

  const bookmarks = useMemo(() => (annotations ?? []).filter((a) => a.kind === 'bookmark'), [annotations]);
  const shown = useMemo(() => filterBookmarks(bookmarks, articles, filter), [bookmarks, articles, filter]);
  const placed = shown.filter((a) => a.anchorState !== 'unplaced');
  const unplaced = shown.filter((a) => a.anchorState === 'unplaced');
  const bookmarkedArticles = useMemo(
    () =>
      [...new Set(bookmarks.map((a) => a.articleId))]
        .map((id) => articles.get(id))
        .filter((a) => a !== undefined)
        .sort((a, b) => a.title.localeCompare(b.title)),
    [bookmarks, articles],
  );

  const recolor = async (annotation: Annotation, color: HighlightColor) => {
    if (await update(annotation, { color })) notify(text('annotation.colourChanged'));
  };
  const remove_ = async (annotation: Annotation) => {
    if (await remove(annotation)) heading.current?.focus();
  };
  const itemProps = {
    onOpen,
    onEdit: setEditing,
    onRecolor: (a: Annotation, c: HighlightColor) => void recolor(a, c),
    onDelete: (a: Annotation) => void remove_(a),
  };

  return (
    <main className="view bookmarks-view" id="main">
      <div className="view-head">
        <h1 ref={heading} tabIndex={-1}>
          <FormattedMessage id="nav.bookmarks" />
        </h1>
      </div>
      <AnnotationTransfer canExport={(annotations ?? []).length > 0} />
      {error && (
        <p className="inline-error" role="alert">
          {text('bookmarks.listFailed', { reason: error })}
        </p>
      )}
      {annotations === null ? (
        <p className="loading" role="status">
          <FormattedMessage id="bookmarks.loading" />
        </p>
      ) : bookmarks.length === 0 ? (
        !error && (
          <EmptyState titleId="bookmarks.empty.title" hintId="bookmarks.empty.hint" />
        )
      ) : (
        <>
          <BookmarkFilters filter={filter} onChange={setFilter} tags={tagsOf(bookmarks, articles)} articles={bookmarkedArticles} />
          <p className="result-count" role="status">
            {text('bookmarks.count', { placed: placed.length, unplaced: unplaced.length })}
          </p>
          {placed.length > 0 && (
            <ul className="bookmark-list" aria-label={text('nav.bookmarks')}>
              {placed.map((annotation) => (
                <BookmarkItem key={annotation.id} annotation={annotation} article={articles.get(annotation.articleId)} {...itemProps} />
              ))}
            </ul>
          )}
          {unplaced.length > 0 && (
            <section className="unplaced-section" aria-labelledby="unplaced-heading">
              <h2 id="unplaced-heading">
                <FormattedMessage id="bookmarks.unplaced.title" />
              </h2>
              <p className="field-hint">
                <FormattedMessage id="bookmarks.unplaced.hint" />
              </p>
              <ul className="bookmark-list" aria-label={text('bookmarks.unplaced.list')}>
                {unplaced.map((annotation) => (
                  <BookmarkItem key={annotation.id} annotation={annotation} article={articles.get(annotation.articleId)} {...itemProps} />
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      {editing && (
        <AnnotationDialog
          draft={{ kind: editing.kind, quote: editing.target?.quote.exact ?? null, color: editing.color, note: editing.note, editing: true }}
          onCancel={() => setEditing(null)}
          onSave={async ({ color, note }) => {
            const saved = await update(editing, editing.target ? { color, note } : { note });
            if (saved) {
              setEditing(null);
              notify(text('annotation.saved'));
            }
            return saved !== null;
          }}
        />
      )}
    </main>
  );
}

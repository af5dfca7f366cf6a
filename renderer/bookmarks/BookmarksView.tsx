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
    if (await update(annotation, { color })) notify('Colour changed');
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
          Bookmarks
        </h1>
      </div>
      <AnnotationTransfer canExport={(annotations ?? []).length > 0} />
      {error && (
        <p className="inline-error" role="alert">
          The bookmarks could not be listed: {error}
        </p>
      )}
      {annotations === null ? (
        <p className="loading" role="status">
          Loading the bookmarks…
        </p>
      ) : bookmarks.length === 0 ? (
        !error && (
          <div className="empty-state">
            <p className="empty-title">No bookmarks yet.</p>
            <p className="empty-hint">Select a passage in an article and choose “Bookmark” to keep it here.</p>
          </div>
        )
      ) : (
        <>
          <BookmarkFilters filter={filter} onChange={setFilter} tags={tagsOf(bookmarks, articles)} articles={bookmarkedArticles} />
          <p className="result-count" role="status">
            {placed.length === 1 ? '1 bookmark' : `${placed.length} bookmarks`}
            {unplaced.length > 0 && `, ${unplaced.length} not placed`}
          </p>
          {placed.length > 0 && (
            <ul className="bookmark-list" aria-label="Bookmarks">
              {placed.map((annotation) => (
                <BookmarkItem key={annotation.id} annotation={annotation} article={articles.get(annotation.articleId)} {...itemProps} />
              ))}
            </ul>
          )}
          {unplaced.length > 0 && (
            <section className="unplaced-section" aria-labelledby="unplaced-heading">
              <h2 id="unplaced-heading">Not placed</h2>
              <p className="field-hint">
                The text of these articles changed and these passages were not found in it. Their quote and note are
                kept: open the article, select the new text and choose “Attach to selection”.
              </p>
              <ul className="bookmark-list" aria-label="Bookmarks not placed">
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
              notify('Changes saved');
            }
            return saved !== null;
          }}
        />
      )}
    </main>
  );
}

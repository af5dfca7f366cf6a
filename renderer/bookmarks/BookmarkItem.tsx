import { useId } from 'react';
import type { Annotation, ArticleMeta, HighlightColor } from '../../electron/shared/models';
import { HIGHLIGHT_COLOR_OPTIONS, colorLabel } from '../reader/colors';
import { NoteText } from '../reader/NoteText';

const QUOTE_CHARS = 240;
const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max).trimEnd()}…` : text);

const dateLabel = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(undefined, { dateStyle: 'medium' });
};

interface BookmarkItemProps {
  annotation: Annotation;
  article: ArticleMeta | undefined;
  onOpen: (annotation: Annotation) => void;
  onEdit: (annotation: Annotation) => void;
  onRecolor: (annotation: Annotation, color: HighlightColor) => void;
  onDelete: (annotation: Annotation) => void;
}

/** One bookmark of the library: its passage (opens the reader there), article, note and actions. */
export function BookmarkItem({ annotation, article, onOpen, onEdit, onRecolor, onDelete }: BookmarkItemProps) {
  const labelId = useId();
  const unplaced = annotation.anchorState === 'unplaced';
  const quote = annotation.target ? truncate(annotation.target.quote.exact, QUOTE_CHARS) : null;
  const title = article?.title ?? 'An article no longer in the library';
  return (
    <li className={`bookmark-item quire-color-${annotation.color ?? 'none'}`} data-annotation-id={annotation.id}>
      <div className="bookmark-main">
        <button type="button" className="annotation-go" id={labelId} onClick={() => onOpen(annotation)}>
          <span className="colour-swatch" aria-hidden="true" />
          <span className="visually-hidden">{colorLabel(annotation.color)} bookmark: </span>
          {quote !== null ? (
            <q className="annotation-quote" dir="auto">{quote}</q>
          ) : (
            <span className="annotation-whole">Bookmark on the whole article</span>
          )}
        </button>
        <p className="bookmark-meta">
          <bdi className="bookmark-article">{title}</bdi>
          <time dateTime={annotation.createdAt}>{dateLabel(annotation.createdAt)}</time>
          {annotation.anchorState === 'fuzzy' && <span className="anchor-badge">placed approximately</span>}
          {unplaced && <span className="anchor-badge anchor-badge-unplaced">not found in the current text</span>}
        </p>
        {annotation.note && <NoteText source={annotation.note} />}
      </div>
      <div className="annotation-actions">
        {annotation.target && (
          <label className="recolor">
            <span className="visually-hidden">Colour</span>
            <select
              aria-describedby={labelId}
              value={annotation.color ?? ''}
              onChange={(event) => onRecolor(annotation, event.target.value as HighlightColor)}
            >
              {annotation.color === null && <option value="">No colour</option>}
              {HIGHLIGHT_COLOR_OPTIONS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="button button-quiet button-small" aria-describedby={labelId} onClick={() => onEdit(annotation)}>
          Edit
        </button>
        <button type="button" className="button button-quiet button-small" aria-describedby={labelId} onClick={() => onDelete(annotation)}>
          Delete
        </button>
      </div>
    </li>
  );
}

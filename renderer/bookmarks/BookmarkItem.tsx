import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { textOf } from '../i18n/use-text';
import { useId } from 'react';
import type { Annotation, ArticleMeta, HighlightColor } from '../../electron/shared/models';
import { colorLabel, colorOptions } from '../reader/colors';
import { NoteText } from '../reader/NoteText';

const QUOTE_CHARS = 240;
const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max).trimEnd()}…` : text);

const dateLabel = (iso: string, intl: IntlShape) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : intl.formatDate(date, { dateStyle: 'medium' });
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
  const intl = useIntl();
  const text = textOf(intl);
  const unplaced = annotation.anchorState === 'unplaced';
  const quote = annotation.target ? truncate(annotation.target.quote.exact, QUOTE_CHARS) : null;
  const title = article?.title ?? text('bookmarks.articleGone');
  return (
    <li className={`bookmark-item quire-color-${annotation.color ?? 'none'}`} data-annotation-id={annotation.id}>
      <div className="bookmark-main">
        <button type="button" className="annotation-go" id={labelId} onClick={() => onOpen(annotation)}>
          <span className="colour-swatch" aria-hidden="true" />
          <span className="visually-hidden">{text('bookmarks.itemLabel', { colour: colorLabel(annotation.color, text) })}</span>
          {quote !== null ? (
            <q className="annotation-quote" dir="auto">{quote}</q>
          ) : (
            <span className="annotation-whole">
              <FormattedMessage id="bookmarks.wholeArticle" />
            </span>
          )}
        </button>
        <p className="bookmark-meta">
          <bdi className="bookmark-article">{title}</bdi>
          <time dateTime={annotation.createdAt}>{dateLabel(annotation.createdAt, intl)}</time>
          {annotation.anchorState === 'fuzzy' && <span className="anchor-badge">{text('anchor.fuzzy')}</span>}
          {unplaced && <span className="anchor-badge anchor-badge-unplaced">{text('anchor.unplaced')}</span>}
        </p>
        {annotation.note && <NoteText source={annotation.note} />}
      </div>
      <div className="annotation-actions">
        {annotation.target && (
          <label className="recolor">
            <span className="visually-hidden">{text('bookmarks.filter.colour')}</span>
            <select
              aria-describedby={labelId}
              value={annotation.color ?? ''}
              onChange={(event) => onRecolor(annotation, event.target.value as HighlightColor)}
            >
              {annotation.color === null && <option value="">{colorLabel(null, text)}</option>}
              {colorOptions(text).map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="button button-quiet button-small" aria-describedby={labelId} onClick={() => onEdit(annotation)}>
          <FormattedMessage id="common.edit" />
        </button>
        <button type="button" className="button button-quiet button-small" aria-describedby={labelId} onClick={() => onDelete(annotation)}>
          <FormattedMessage id="common.delete" />
        </button>
      </div>
    </li>
  );
}

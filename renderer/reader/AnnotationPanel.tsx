import { FormattedMessage } from 'react-intl';
import { useText, type Text } from '../i18n/use-text';
import { useEffect, useId, useImperativeHandle, useRef, type Ref, type RefObject } from 'react';
import type { Annotation } from '../../electron/shared/models';
import type { Disclosure } from '../app/use-disclosure';
import { AnnotationExport } from './AnnotationExport';
import { colorWord } from './colors';
import { NoteText } from './NoteText';
import type { PlacedAnnotation } from './placed-annotations';

const QUOTE_CHARS = 160;

/** What the reader asks of the panel: where the focus goes after a save, a delete or a jump. */
export interface AnnotationPanelHandle {
  /** focuses the item's first control (its passage, else Edit), when the panel is shown */
  focusItem: (annotationId: string) => void;
  focusHeading: () => void;
}
const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max).trimEnd()}…` : text);

interface AnnotationPanelProps {
  placed: PlacedAnnotation[];
  onGoTo: (annotation: Annotation) => void;
  onEdit: (annotation: Annotation) => void;
  onDelete: (annotation: Annotation) => void;
  /** puts an unplaced passage on the current selection */
  onReattach: (annotation: Annotation) => void;
  onNoteOnArticle: () => void;
  onBookmarkArticle: () => void;
  articleId: string;
  /** a narrow window or focus mode: the panel is a drawer over the text, opened from the toolbar */
  drawer: Disclosure | null;
  /** the drawer's panel: a press outside it does not close it, Escape does */
  panelRef: RefObject<HTMLElement | null>;
  handle: Ref<AnnotationPanelHandle>;
}

function countLabel(placed: PlacedAnnotation[], text: Text): string {
  const bookmarks = placed.filter((p) => p.annotation.kind === 'bookmark').length;
  return text('panel.count', { bookmarks, notes: placed.length - bookmarks });
}

function AnnotationItem({
  item,
  onGoTo,
  onEdit,
  onDelete,
  onReattach,
  focusRef,
}: { item: PlacedAnnotation; focusRef: (element: HTMLElement | null) => void } & Pick<
  AnnotationPanelProps,
  'onGoTo' | 'onEdit' | 'onDelete' | 'onReattach'
>) {
  const { annotation, span, unplaced } = item;
  const describedBy = useId();
  const text = useText();
  const note = annotation.kind === 'note';
  // Read before the quote by a screen reader: "Note, yellow: " (the space keeps the words apart).
  const itemLabel = `${text(note ? 'panel.item.note' : 'panel.item.bookmark', { colour: colorWord(annotation.color, text) })} `;
  const quote = annotation.target ? truncate(annotation.target.quote.exact, QUOTE_CHARS) : null;
  return (
    <li className={`annotation-item quire-color-${annotation.color ?? 'none'}`} data-annotation-id={annotation.id}>
      {span && quote !== null ? (
        <button type="button" className="annotation-go" onClick={() => onGoTo(annotation)} id={describedBy} ref={focusRef}>
          <span className="colour-swatch" aria-hidden="true" />
          <span className="visually-hidden">
            {itemLabel}
          </span>
          <q className="annotation-quote" dir="auto">{quote}</q>
          {annotation.anchorState === 'fuzzy' && (
            <span className="anchor-badge">{text('panel.fuzzy')}</span>
          )}
        </button>
      ) : (
        <p className="annotation-go annotation-static" id={describedBy}>
          {unplaced ? (
            <>
              <span className="annotation-unplaced">{text('panel.unplaced')}</span>{' '}
              <q className="annotation-quote" dir="auto">{quote}</q>
            </>
          ) : (
            <span className="annotation-whole">{text(note ? 'panel.wholeArticle.note' : 'bookmarks.wholeArticle')}</span>
          )}
        </p>
      )}
      {annotation.note && <NoteText source={annotation.note} />}
      <div className="annotation-actions">
        <button
          type="button"
          className="button button-quiet button-small"
          aria-describedby={describedBy}
          onClick={() => onEdit(annotation)}
          ref={span && quote !== null ? undefined : focusRef}
        >
          <FormattedMessage id="common.edit" />
        </button>
        {unplaced && (
          <button type="button" className="button button-quiet button-small" aria-describedby={describedBy} onClick={() => onReattach(annotation)}>
            <FormattedMessage id="panel.attach" />
          </button>
        )}
        <button type="button" className="button button-quiet button-small" aria-describedby={describedBy} onClick={() => onDelete(annotation)}>
          <FormattedMessage id="common.delete" />
        </button>
      </div>
    </li>
  );
}

/** The side panel: the article's bookmarks and notes in text order. */
export function AnnotationPanel({
  placed,
  onGoTo,
  onEdit,
  onDelete,
  onReattach,
  onNoteOnArticle,
  onBookmarkArticle,
  articleId,
  drawer,
  panelRef,
  handle,
}: AnnotationPanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const text = useText();
  const drawerOpen = drawer?.open ?? false;
  // Each item's first control, by annotation id: the panel's own elements, held by ref.
  const itemFocus = useRef(new Map<string, HTMLElement>());
  useImperativeHandle(
    handle,
    () => ({
      focusItem: (annotationId) => itemFocus.current.get(annotationId)?.focus(),
      focusHeading: () => heading.current?.focus(),
    }),
    [],
  );
  // An opened drawer takes the focus, so keyboard users land in it (Escape gives it back), unless
  // something in it has the focus already.
  useEffect(() => {
    if (drawerOpen && !panelRef.current?.contains(document.activeElement)) heading.current?.focus();
  }, [drawerOpen, panelRef]);
  return (
    <aside
      className="annotation-panel"
      aria-label={text('panel.title')}
      id={drawer?.panelId}
      ref={panelRef}
      data-drawer={drawer ? '' : undefined}
      hidden={drawer ? !drawer.open : undefined}
    >
      <div className="panel-head">
        <h2 className="panel-heading" tabIndex={-1} ref={heading}>
          {text('panel.title')} <span className="panel-count">{text('common.parenthesised', { content: countLabel(placed, text) })}</span>
        </h2>
        {drawer && (
          <button type="button" className="button button-quiet button-small" aria-label={text('panel.close')} onClick={() => drawer.close(true)}>
            <FormattedMessage id="common.close" />
          </button>
        )}
      </div>
      <div className="panel-actions">
        <button type="button" className="button button-small panel-action" onClick={onNoteOnArticle}>
          <FormattedMessage id="panel.noteOnArticle" />
        </button>
        <button type="button" className="button button-small panel-action" onClick={onBookmarkArticle}>
          <FormattedMessage id="panel.bookmarkArticle" />
        </button>
      </div>
      {placed.length === 0 ? (
        <p className="empty-hint">
          <FormattedMessage id="panel.empty" />
        </p>
      ) : (
        <ul className="annotation-list">
          {placed.map((item) => (
            <AnnotationItem
              key={item.annotation.id}
              item={item}
              onGoTo={onGoTo}
              onEdit={onEdit}
              onDelete={onDelete}
              onReattach={onReattach}
              focusRef={(element) => {
                if (element) itemFocus.current.set(item.annotation.id, element);
                else itemFocus.current.delete(item.annotation.id);
              }}
            />
          ))}
        </ul>
      )}
      {placed.length > 0 && <AnnotationExport articleId={articleId} />}
    </aside>
  );
}

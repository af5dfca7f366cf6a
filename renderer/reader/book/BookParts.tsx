import type { RefObject } from 'react';
import { useIntl } from 'react-intl';
import { DisclosureButton } from '../../app/DisclosureButton';
import { textOf } from '../../i18n/use-text';
import { BACK_GLYPH } from '../ReaderToolbar';
import { ContentsPanel } from './ContentsPanel';
import { NotePopover } from './NotePopover';
import { ReadingStatus } from './ReadingStatus';
import type { BookReading } from './use-book-reading';

/** The contents beside the text (a column in a wide reader, else a drawer). */
export function BookContents({ book, drawerMode, container }: { book: BookReading; drawerMode: boolean; container: RefObject<HTMLElement | null> }) {
  if (!book.chapters) return null;
  return (
    <ContentsPanel
      chapters={book.chapters}
      current={book.current}
      drawer={drawerMode ? book.contentsDrawer : null}
      panelRef={book.contentsPanel}
      container={container}
    />
  );
}

/** Click zones at the page's edges, for the mouse; the keyboard turns pages with the arrow keys. */
export function PageZones({ book }: { book: BookReading }) {
  if (book.columns === null) return null;
  return (
    <>
      <div className="page-zone page-zone-start" aria-hidden="true" onClick={() => book.pages.turn(-1)} />
      <div className="page-zone page-zone-end" aria-hidden="true" onClick={() => book.pages.turn(1)} />
    </>
  );
}

/** How far into the text, in whole percent rounded down (100% only at the very end). */
const fractionRead = (offset: number, length: number) => (length === 0 ? 1 : Math.min(100, Math.floor((offset / length) * 100)) / 100);

/** The status line under the text, and a note's pop-up when one is open. */
export function BookStatus({
  book,
  textLength,
  isBook,
  drawerMode,
  loading = null,
}: {
  book: BookReading;
  textLength: number;
  /** an EPUB, whose status speaks of chapters and the book */
  isBook: boolean;
  drawerMode: boolean;
  /** the chapter being fetched while the reader is in its waiting text */
  loading?: { chapter: number; of: number } | null;
}) {
  const { place, chapters, current } = book;
  const intl = useIntl();
  const text = textOf(intl);
  const position = place.page
    ? text('book.status.page', { page: place.page.index + 1, count: place.page.count })
    : intl.formatNumber(fractionRead(place.offset, textLength), { style: 'percent', maximumFractionDigits: 0 });
  const back = text('book.back');
  return (
    <>
      <ReadingStatus
        chapter={chapters && current >= 0 ? chapters[current]!.title : null}
        position={position}
        minutesLeftInChapter={chapters ? book.minutesLeftInChapter : null}
        minutesLeftInBook={book.minutesLeftInBook}
        isBook={isBook}
        loading={loading ? text('book.status.chapterLoading', { chapter: loading.chapter, count: loading.of }) : null}
      >
        {chapters && drawerMode && (
          <DisclosureButton disclosure={book.contentsDrawer} buttonRef={book.contentsButton} className="button button-quiet">
            {text('contents.label')}
          </DisclosureButton>
        )}
        {book.history.canGoBack && (
          <button type="button" className="button button-quiet" aria-keyshortcuts="Alt+ArrowLeft Backspace" title={text('common.withKey', { label: back, key: 'Alt+←' })} onClick={() => book.history.goBack()}>
            <span aria-hidden="true" className="glyph-pointing">
              {BACK_GLYPH}
            </span>
            {back}
          </button>
        )}
      </ReadingStatus>
      {book.openNote && (
        <NotePopover
          key={book.openNote.link.getAttribute('href') ?? ''}
          note={book.openNote.note}
          anchor={book.openNote.anchor}
          onGoToNote={book.goToNote}
          onClose={book.closeNote}
        />
      )}
    </>
  );
}

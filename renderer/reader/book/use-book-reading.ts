/**
 * Reading a book or a long article: its chapters and the one being read, the place and the time
 * left, Back after a followed link, notes in a pop-up, and pages. ReaderDocument wires what this
 * returns into the reader's parts (BookParts.tsx).
 */
import { useMemo, useRef, useState, type MouseEvent, type RefObject } from 'react';
import type { ReadingMode } from '../../../electron/shared/models';
import { useDisclosure, type Disclosure } from '../../app/use-disclosure';
import type { ScreenRect } from '../floating-position';
import { goToHeading } from '../headings';
import type { BookChapter } from '../../../electron/shared/models';
import { chapterAt, chaptersOfBook, chaptersOfHtml, MIN_HEADINGS_FOR_CONTENTS, type Chapter } from './chapters';
import { linkTarget, noteFor } from './footnotes';
import { useLinkHistory, type LinkHistory } from './use-link-history';
import { usePages, type PageTurner } from './use-pages';
import { useReadingPlace, type ReadingPlace } from './use-reading-place';
import { useTimeLeft } from './use-time-left';

export interface OpenNote {
  note: HTMLElement;
  link: HTMLElement;
  anchor: ScreenRect;
  /** where the reader was when it opened: a scroll or a page turned leaves the reference, and closes it */
  offset: number;
}

export interface BookReading {
  /** the contents, when the text has enough headings for them to help */
  chapters: Chapter[] | null;
  current: number;
  place: ReadingPlace;
  minutesLeftInChapter: number | null;
  minutesLeftInBook: number;
  history: LinkHistory;
  contentsDrawer: Disclosure;
  contentsButton: RefObject<HTMLButtonElement | null>;
  contentsPanel: RefObject<HTMLElement | null>;
  openNote: OpenNote | null;
  closeNote: (returnFocus: boolean) => void;
  goToNote: () => void;
  /** a click in the text: true when it was a link this part took (a note, a followed link) */
  onTextClick: (event: MouseEvent<HTMLElement>) => boolean;
  pages: PageTurner;
  /** 1 or 2 columns a page, or null in a scroll */
  columns: 1 | 2 | null;
}

export const columnsOf = (mode: ReadingMode): 1 | 2 | null => (mode === 'one-column' ? 1 : mode === 'two-columns' ? 2 : null);

interface BookReadingOptions {
  text: string;
  html: string;
  /** changes whenever the text's DOM is new (a chapter of a long book arriving) */
  contentKey: string;
  /** a long book read in chapters: its chapters are its contents, and count its words */
  bookChapters: readonly BookChapter[] | null;
  scroller: RefObject<HTMLElement | null>;
  container: RefObject<HTMLElement | null>;
  readingMode: ReadingMode;
}

export function useBookReading({ text, html, contentKey, bookChapters, scroller, container, readingMode }: BookReadingOptions): BookReading {
  const columns = columnsOf(readingMode);
  const chapters = useMemo(() => (bookChapters ? chaptersOfBook(bookChapters) : chaptersOfHtml(html)), [bookChapters, html]);
  const starts = useMemo(() => chapters.map((chapter) => chapter.start), [chapters]);

  const place = useReadingPlace(scroller, container, `${contentKey}:${readingMode}`);
  const current = chapterAt(starts, place.offset);
  const { minutesLeftInChapter, minutesLeftInBook } = useTimeLeft(text, bookChapters, chapters, current, place.offset);

  const history = useLinkHistory(scroller, container);
  const contentsButton = useRef<HTMLButtonElement>(null);
  const contentsPanel = useRef<HTMLElement>(null);
  const contentsDrawer = useDisclosure(contentsButton, contentsPanel);

  const [noteState, setOpenNote] = useState<OpenNote | null>(null);
  const openNote = noteState && noteState.offset === place.offset ? noteState : null;
  const closeNote = (returnFocus: boolean) => {
    if (returnFocus) openNote?.link.focus({ preventScroll: true });
    setOpenNote(null);
  };
  const goToNote = () => {
    if (!openNote) return;
    history.remember(openNote.link);
    setOpenNote(null);
    goToHeading(openNote.note);
  };

  const onTextClick = (event: MouseEvent<HTMLElement>): boolean => {
    const link = event.target instanceof Element ? event.target.closest<HTMLElement>('a[href^="#"]') : null;
    if (!link || !event.currentTarget.contains(link) || !linkTarget(link, event.currentTarget)) return false;
    const note = noteFor(link, event.currentTarget);
    if (note) {
      event.preventDefault();
      const rect = link.getBoundingClientRect();
      setOpenNote({ note, link, anchor: { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right }, offset: place.offset });
      return true;
    }
    history.remember(link);
    return false; // the link is followed as before (external-links.ts)
  };

  const pages = usePages(scroller, columns !== null);
  return {
    chapters: chapters.length >= MIN_HEADINGS_FOR_CONTENTS ? chapters : null,
    current,
    place,
    minutesLeftInChapter,
    minutesLeftInBook,
    history,
    contentsDrawer,
    contentsButton,
    contentsPanel,
    openNote,
    closeNote,
    goToNote,
    onTextClick,
    pages,
    columns,
  };
}
